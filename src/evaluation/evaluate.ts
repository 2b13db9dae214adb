/**
 * One evaluation run: score every place, then every group from its members' scores, then rank.
 * Places are ranked among places and groups among groups (a two-city economy is not a rival of
 * its own cities), both by overall score, higher first, ties sharing a rank.
 */
import type { EvaluationInput } from './evaluation-input.ts';
import { scoreGroup, scorePlace } from './place-score.ts';
import type { PlaceScore } from './place-score.ts';
import { rankByScore } from './rank.ts';
import type { TopicScore } from './topic-score.ts';

/** A scored and ranked place or group; rank is null when overall is null. */
export interface RankedScore {
  id: string;
  overall: number | null;
  rank: number | null;
  topics: Record<string, TopicScore>;
}

/** Result of one run: places and groups, each list in rank order (unranked last, by id). */
export interface EvaluationResult {
  methodology: string;
  places: RankedScore[];
  groups: RankedScore[];
}

function ranked(scores: readonly PlaceScore[]): RankedScore[] {
  const byId = new Map(scores.map((s) => [s.id, s]));
  return rankByScore(scores.map((s) => ({ id: s.id, score: s.overall }))).map(({ id, rank }) => {
    const s = byId.get(id);
    return { id, overall: s?.overall ?? null, rank, topics: s?.topics ?? {} };
  });
}

/** Scores and ranks validated input (pure; see validateEvaluationInput). */
export function evaluate(input: EvaluationInput): EvaluationResult {
  const placeScores = input.places.map((p) => scorePlace(input.methodology, p));
  const byId = new Map(placeScores.map((s) => [s.id, s]));
  const groupScores = input.groups.map((g) => scoreGroup(input.methodology, g, byId));
  return { methodology: input.methodology.id, places: ranked(placeScores), groups: ranked(groupScores) };
}
