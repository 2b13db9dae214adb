/**
 * Scores one topic (一级指标) of one place from validated raw values: text values, special rules
 * (gates), component scores and the topic's aggregation, all as the methodology data says.
 */
import { clampScore, clampToRange, componentScore } from './component-score.ts';
import type { Methodology, MethodologyComponent, MethodologyTopic, TextValueRule } from './methodology-schema.ts';

/** A raw value as it comes in: a number, or one of the text values the methodology names. */
export type RawValue = number | string;

/** Raw values of one topic by component (or auxiliary input) key; null/absent auxiliaries mean "not reported". */
export type TopicValues = Readonly<Record<string, RawValue | null | undefined>>;

/** Score of a topic and of each component; a component score is null when a text value excludes it. */
export interface TopicScore {
  score: number;
  components: Record<string, number | null>;
}

/** Finds the text-value rule that applies to `text` on `componentKey` (topic rules first, then methodology-wide). */
export function findTextRule(
  methodology: Methodology,
  topic: MethodologyTopic,
  componentKey: string,
  text: string,
): TextValueRule | undefined {
  const fits = (r: TextValueRule): boolean => r.text === text && (!r.components || r.components.includes(componentKey));
  return topic.textValues.find(fits) ?? methodology.textValues.find(fits);
}

/** Applies the topic's gate rules: db2020 electricity — the reliability index counts only if SAIDI and SAIFI are reported and < 100. */
function gatedValue(topic: MethodologyTopic, key: string, value: number, values: TopicValues): number {
  for (const rule of topic.rules) {
    if (rule.component !== key) continue;
    const ok = rule.requires.every((q) => {
      const v = values[q.input];
      return typeof v === 'number' && v < q.below;
    });
    if (!ok) return rule.otherwise;
  }
  return value;
}

interface Resolved {
  scores: Record<string, number | null>;
  /** Raw values after gates and text values, clamped to the index range (used by index sums). */
  raws: Record<string, number>;
  zeroTopic: boolean;
}

function resolveComponent(m: Methodology, topic: MethodologyTopic, c: MethodologyComponent, values: TopicValues, out: Resolved): void {
  const raw = values[c.key];
  if (typeof raw === 'number') {
    const v = gatedValue(topic, c.key, raw, values);
    out.scores[c.key] = componentScore(v, c);
    out.raws[c.key] = clampToRange(v, c);
    return;
  }
  const rule = typeof raw === 'string' ? findTextRule(m, topic, c.key, raw) : undefined;
  // Validation (evaluation-input.ts) guarantees a known text value; anything else scores as "zero".
  const effect = rule?.effect ?? 'zero';
  if (effect === 'zero-topic') out.zeroTopic = true;
  out.scores[c.key] = effect === 'exclude' ? null : 0;
  out.raws[c.key] = c.worst;
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Mean of group means; groups whose components are all excluded drop out (db2020 paying_taxes postfiling). */
function groupMean(topic: MethodologyTopic, groups: readonly (readonly string[])[] | undefined, scores: Record<string, number | null>): number {
  const means: number[] = [];
  const list = groups ?? topic.components.map((c) => [c.key]);
  for (const g of list) {
    const included: number[] = [];
    for (const k of g) {
      const s = scores[k];
      if (s !== null && s !== undefined) included.push(s);
    }
    if (included.length > 0) means.push(mean(included));
  }
  // Every component excluded: nothing to score; treat as 0 rather than inventing a value.
  return means.length > 0 ? mean(means) : 0;
}

function aggregate(topic: MethodologyTopic, r: Resolved): number {
  const agg = topic.aggregation;
  if (agg.kind === 'group-mean') return groupMean(topic, agg.groups, r.scores);
  if (agg.kind === 'index-sum') {
    // db2020 getting_credit / protecting_minority_investors: score of the SUM of the indices.
    let num = 0;
    let den = 0;
    for (const c of topic.components) {
      num += (r.raws[c.key] ?? c.worst) - c.worst;
      den += c.best - c.worst;
    }
    return clampScore((100 * num) / den);
  }
  let num = 0;
  let den = 0;
  for (const c of topic.components) {
    const s = r.scores[c.key];
    const w = agg.weights[c.key] ?? 0;
    if (s === null || s === undefined || w === 0) continue;
    num += w * s;
    den += w;
  }
  return den > 0 ? num / den : 0;
}

/** Scores one topic from validated raw values (see validateEvaluationInput for the checks). */
export function scoreTopic(methodology: Methodology, topic: MethodologyTopic, values: TopicValues): TopicScore {
  const r: Resolved = { scores: {}, raws: {}, zeroTopic: false };
  for (const c of topic.components) resolveComponent(methodology, topic, c, values, r);
  if (r.zeroTopic) {
    // db2020 formula.no_practice: every component of the topic is then 0, so the topic is 0.
    for (const c of topic.components) r.scores[c.key] = 0;
    return { score: 0, components: r.scores };
  }
  return { score: aggregate(topic, r), components: r.scores };
}
