/**
 * Scores of a place (city, county, economy) and of a group of places (a DB2020 two-city economy):
 * topic scores, then the overall score over the methodology's overall topics.
 */
import type { Methodology } from './methodology-schema.ts';
import { scoreTopic } from './topic-score.ts';
import type { TopicScore, TopicValues } from './topic-score.ts';

/** Raw data of one place: topic key → component key → raw value. */
export interface PlaceInput {
  id: string;
  topics: Readonly<Record<string, TopicValues>>;
}

/** Scores of one place or group; overall is null unless every overall topic was given. */
export interface PlaceScore {
  id: string;
  overall: number | null;
  topics: Record<string, TopicScore>;
}

/** A group whose scores are weighted averages of its members' scores (members: place id → weight). */
export interface GroupInput {
  id: string;
  members: Readonly<Record<string, number>>;
}

/** Overall score: mean (DB2020: of the 10 topics) or topic-weight mean; null if any overall topic is missing. */
export function overallScore(methodology: Methodology, topics: Readonly<Record<string, TopicScore>>): number | null {
  let num = 0;
  let den = 0;
  for (const key of methodology.overall.topics) {
    const t = topics[key];
    if (!t) return null;
    const w = methodology.overall.kind === 'weighted' ? (methodology.topics.find((x) => x.key === key)?.weight ?? 0) : 1;
    num += w * t.score;
    den += w;
  }
  return den > 0 ? num / den : null;
}

/** Scores every topic given for the place and its overall score. */
export function scorePlace(methodology: Methodology, place: PlaceInput): PlaceScore {
  const topics: Record<string, TopicScore> = {};
  for (const topic of methodology.topics) {
    const values = place.topics[topic.key];
    if (values) topics[topic.key] = scoreTopic(methodology, topic, values);
  }
  return { id: place.id, overall: overallScore(methodology, topics), topics };
}

/** Weighted mean of the non-null values (weights renormalised over them); null when all are null. */
function weightedMean(parts: readonly { value: number | null; weight: number }[]): number | null {
  let num = 0;
  let den = 0;
  for (const p of parts) {
    if (p.value === null) continue;
    num += p.weight * p.value;
    den += p.weight;
  }
  return den > 0 ? num / den : null;
}

function groupTopic(members: readonly { score: PlaceScore; weight: number }[], key: string): TopicScore | undefined {
  const ts = members.map((m) => ({ t: m.score.topics[key], weight: m.weight }));
  if (ts.some((x) => !x.t)) return undefined;
  const first = ts[0]?.t;
  if (!first) return undefined;
  const components: Record<string, number | null> = {};
  for (const ck of Object.keys(first.components)) {
    components[ck] = weightedMean(ts.map((x) => ({ value: x.t?.components[ck] ?? null, weight: x.weight })));
  }
  const score = weightedMean(ts.map((x) => ({ value: x.t?.score ?? null, weight: x.weight }))) ?? 0;
  return { score, components };
}

/**
 * db2020 two_city_economies: every component, topic and overall score of the group is the
 * population-weighted average of the member CITY SCORES (not the score of averaged raw values).
 * Weights are normalised by their sum; a topic counts only if every member has it.
 */
export function scoreGroup(methodology: Methodology, group: GroupInput, byId: ReadonlyMap<string, PlaceScore>): PlaceScore {
  const members: { score: PlaceScore; weight: number }[] = [];
  for (const [id, weight] of Object.entries(group.members)) {
    const score = byId.get(id);
    if (score) members.push({ score, weight });
  }
  const topics: Record<string, TopicScore> = {};
  for (const topic of methodology.topics) {
    const t = groupTopic(members, topic.key);
    if (t) topics[topic.key] = t;
  }
  const overall = members.some((m) => m.score.overall === null)
    ? null
    : weightedMean(members.map((m) => ({ value: m.score.overall, weight: m.weight })));
  return { id: group.id, overall, topics };
}
