/**
 * The boundary of `yingshang evaluate`: raw JSON → validated places and groups for one
 * methodology. Every error names the place, the topic and the key, in Chinese and as a key path.
 */
import { z } from 'zod';
import { EVALUATION_ERRORS, evaluationError, formatPath } from './errors.ts';
import { getMethodology } from './methodologies.ts';
import type { Methodology, MethodologyTopic } from './methodology-schema.ts';
import type { GroupInput, PlaceInput } from './place-score.ts';
import { findTextRule } from './topic-score.ts';
import type { RawValue, TopicValues } from './topic-score.ts';


/** Shape of the evaluation input file (methodology id, places, optional groups). */
export const EvaluationInputSchema = z.strictObject({
  methodology: z.string().min(1),
  places: z.array(
    z.strictObject({
      id: z.string().min(1),
      name: z.string().optional(),
      // Topic objects and their values are checked in checkPlaces / checkTopicValues: faster than a
      // zod schema per value (bench: 134 × 18 × 5 values), and the message names place, topic and key.
      topics: z.record(z.string(), z.unknown()),
    }),
  ),
  groups: z
    .array(z.strictObject({ id: z.string().min(1), name: z.string().optional(), members: z.record(z.string(), z.number().positive()) }))
    .default([]),
});

/** Validated input: the methodology it names, places and groups. */
export interface EvaluationInput {
  methodology: Methodology;
  places: PlaceInput[];
  groups: GroupInput[];
}

function placeLabel(data: unknown, index: number): string {
  const places = typeof data === 'object' && data !== null && 'places' in data ? data.places : undefined;
  const p: unknown = Array.isArray(places) ? places[index] : undefined;
  const id = typeof p === 'object' && p !== null && 'id' in p ? p.id : undefined;
  return typeof id === 'string' ? `地区 "${id}"` : `第 ${index + 1} 个地区`;
}

function shapeError(data: unknown, error: z.ZodError): Error {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const where = path[0] === 'places' && typeof path[1] === 'number' ? `${placeLabel(data, path[1])}：` : '';
  const key = path[4] === undefined ? '' : ` 的 ${String(path[4])}`;
  const tail = path.length > 3 && path[2] === 'topics' ? `指标 ${String(path[3])}${key} ` : '';
  return evaluationError(EVALUATION_ERRORS.inputInvalid, `${where}${tail}数据格式错误：${issue?.message ?? ''}`, formatPath(path));
}

interface TopicIndex {
  topic: MethodologyTopic;
  components: ReadonlySet<string>;
  auxiliary: ReadonlySet<string>;
}

const indexCache = new WeakMap<Methodology, ReadonlyMap<string, TopicIndex>>();

/** Topic lookup sets, built once per methodology (validation runs for every place). */
function topicIndex(m: Methodology): ReadonlyMap<string, TopicIndex> {
  let idx = indexCache.get(m);
  if (!idx) {
    idx = new Map(m.topics.map((t) => [t.key, { topic: t, components: new Set(t.components.map((c) => c.key)), auxiliary: new Set(t.auxiliary.map((a) => a.key)) }]));
    indexCache.set(m, idx);
  }
  return idx;
}

function checkTopicValues(m: Methodology, ti: TopicIndex, values: Readonly<Record<string, unknown>>, who: string, at: string): TopicValues {
  const { topic, components, auxiliary } = ti;
  const out: Record<string, RawValue | null> = {};
  for (const [key, v] of Object.entries(values)) {
    const isAux = auxiliary.has(key);
    if (!isAux && !components.has(key)) {
      const known = [...components, ...auxiliary].join(', ');
      throw evaluationError(EVALUATION_ERRORS.unknownComponent, `${who} 的指标 ${topic.key} 中没有分项 "${key}"（可用：${known}）`, `${at}.${key}`);
    }
    const ok = v === null || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && !isAux);
    if (!ok) {
      const expected = isAux ? '数字或 null（未报告）' : '数字或评价方法规定的文字值';
      throw evaluationError(EVALUATION_ERRORS.inputInvalid, `${who} 的指标 ${topic.key} 的 ${key} 应为${expected}，实际为 ${JSON.stringify(v)}`, `${at}.${key}`);
    }
    out[key] = v;
  }
  for (const key of components) {
    const v = out[key];
    if (v === undefined || v === null) {
      throw evaluationError(EVALUATION_ERRORS.missingValue, `${who} 的指标 ${topic.key} 缺少分项 ${key} 的数值`, `${at}.${key}`);
    }
    if (typeof v === 'string' && !findTextRule(m, topic, key, v)) {
      const allowed = [...topic.textValues, ...m.textValues].filter((r) => !r.components || r.components.includes(key)).map((r) => `"${r.text}"`);
      const zh = `${who} 的指标 ${topic.key} 的 ${key} 不是数字，也不是该分项允许的文字值："${v}"（允许：${allowed.join('、') || '无'}）`;
      throw evaluationError(EVALUATION_ERRORS.unknownTextValue, zh, `${at}.${key}`);
    }
  }
  return out;
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkPlaces(m: Methodology, places: readonly { id: string; topics: Readonly<Record<string, unknown>> }[]): PlaceInput[] {
  const index = topicIndex(m);
  const seen = new Set<string>();
  return places.map((p, i) => {
    const who = `地区 "${p.id}"`;
    if (seen.has(p.id)) throw evaluationError(EVALUATION_ERRORS.duplicateId, `${who} 重复出现`, `places[${i}].id`);
    seen.add(p.id);
    const topics: Record<string, TopicValues> = {};
    for (const [key, values] of Object.entries(p.topics)) {
      const ti = index.get(key);
      const at = `places[${i}].topics.${key}`;
      if (!ti) throw evaluationError(EVALUATION_ERRORS.unknownTopic, `${who} 的指标 "${key}" 不在评价方法 ${m.id} 中`, at);
      if (!isRecord(values)) throw evaluationError(EVALUATION_ERRORS.inputInvalid, `${who} 的指标 ${key} 应为 {分项: 数值} 对象`, at);
      topics[key] = checkTopicValues(m, ti, values, who, at);
    }
    return { id: p.id, topics };
  });
}

function checkGroups(groups: readonly GroupInput[], places: readonly PlaceInput[]): void {
  const placeIds = new Set(places.map((p) => p.id));
  const seen = new Set<string>();
  groups.forEach((g, i) => {
    if (seen.has(g.id)) throw evaluationError(EVALUATION_ERRORS.duplicateId, `组合 "${g.id}" 重复出现`, `groups[${i}].id`);
    seen.add(g.id);
    const members = Object.keys(g.members);
    if (members.length === 0) throw evaluationError(EVALUATION_ERRORS.inputInvalid, `组合 "${g.id}" 没有成员`, `groups[${i}].members`);
    for (const id of members) {
      if (!placeIds.has(id)) throw evaluationError(EVALUATION_ERRORS.unknownMember, `组合 "${g.id}" 的成员 "${id}" 不在 places 中`, `groups[${i}].members.${id}`);
    }
  });
}

/** Validates raw input data (parsed JSON) against its methodology; throws AppError on the first problem. */
export function validateEvaluationInput(data: unknown): EvaluationInput {
  const parsed = EvaluationInputSchema.safeParse(data);
  if (!parsed.success) throw shapeError(data, parsed.error);
  const methodology = getMethodology(parsed.data.methodology);
  const places = checkPlaces(methodology, parsed.data.places);
  const groups: GroupInput[] = parsed.data.groups.map((g) => ({ id: g.id, members: g.members }));
  checkGroups(groups, places);
  return { methodology, places, groups };
}
