/**
 * The China-style template of the 18 provincial indicators (seeds 000/001): components, frontiers
 * and weights are data the office edits. Edits go through the same zod schema as the file, so an
 * edited methodology is as checked as a shipped one.
 */
import { EVALUATION_ERRORS, evaluationError } from './errors.ts';
import { getMethodology } from './methodologies.ts';
import { parseMethodology } from './methodology-schema.ts';
import type { Methodology, MethodologyTopic } from './methodology-schema.ts';

/** Edits of one component: frontier (best/worst), label, and weight (weighted topics only). */
export interface ComponentEdit {
  best?: number;
  worst?: number;
  label?: string;
  weight?: number;
}

/** Edits by topic key: topic weight and component edits. */
export type MethodologyEdits = Readonly<Record<string, { weight?: number; components?: Readonly<Record<string, ComponentEdit>> }>>;

/** The shipped 18-indicator template (china_template). */
export function chinaTemplate(): Methodology {
  return getMethodology('china_template');
}

/** Finds a topic by key, Chinese label or alias (seed 000 splits 获得用水 / 获得用气; the template merges them). */
export function findTopicByName(m: Methodology, name: string): MethodologyTopic | undefined {
  const n = name.trim();
  return m.topics.find((t) => t.key === n || t.label === n || t.aliases.includes(n));
}

function editTopic(topic: MethodologyTopic, edit: MethodologyEdits[string], version: string): MethodologyTopic {
  const components = topic.components.map((c) => ({ ...c }));
  const aggregation = topic.aggregation.kind === 'weighted' ? { ...topic.aggregation, weights: { ...topic.aggregation.weights } } : topic.aggregation;
  for (const [key, e] of Object.entries(edit.components ?? {})) {
    const c = components.find((x) => x.key === key);
    const at = `${version}.topics.${topic.key}.components.${key}`;
    if (!c) throw evaluationError(EVALUATION_ERRORS.unknownComponent, `指标 ${topic.key} 中没有分项 "${key}"`, at);
    if (e.best !== undefined) c.best = e.best;
    if (e.worst !== undefined) c.worst = e.worst;
    if (e.label !== undefined) c.label = e.label;
    if (e.weight !== undefined) {
      if (aggregation.kind !== 'weighted') throw evaluationError(EVALUATION_ERRORS.methodologyInvalid, `指标 ${topic.key} 不是加权汇总，不能设分项权重`, at);
      aggregation.weights[key] = e.weight;
    }
  }
  return { ...topic, components, aggregation, weight: edit.weight ?? topic.weight };
}

/** Returns a new, re-validated methodology with edited frontiers and weights and the given version label. */
export function editMethodology(m: Methodology, edits: MethodologyEdits, version: string): Methodology {
  for (const key of Object.keys(edits)) {
    if (!m.topics.some((t) => t.key === key)) throw evaluationError(EVALUATION_ERRORS.unknownTopic, `评价方法 ${m.id} 中没有指标 "${key}"`, `topics.${key}`);
  }
  const topics = m.topics.map((t) => {
    const edit = edits[t.key];
    return edit ? editTopic(t, edit, version) : t;
  });
  return parseMethodology({ ...m, version, topics }, `${m.id}@${version}`);
}
