/**
 * Internal assessment of units (标准量化, seed 000 "标准量化、综合排名、定期通报、后进约谈"): a score
 * per unit per period from supervision data, a rank, and the period's best and worst units
 * (seed 003: 每季评选"骏马单位"和"蜗牛单位").
 */
import { z } from 'zod';
import { clampScore } from './component-score.ts';
import { EVALUATION_ERRORS, evaluationError, formatPath } from './errors.ts';
import { compareIds, rankByScore } from './rank.ts';

const Count = z.number().int().nonnegative();
const Rate = z.number().min(0).max(1);

/** One unit's supervision figures for one period; rates are fractions 0–1. */
export const UnitPeriodSchema = z.strictObject({
  unit: z.string().min(1),
  period: z.string().min(1),
  tasks: Count,
  onTimeReportRate: Rate,
  completionRate: Rate,
  overdueTasks: Count,
  returnedReports: Count,
  extensions: Count,
});
export type UnitPeriodInput = z.output<typeof UnitPeriodSchema>;

/** Editable weights of the five parts; they are normalised by their sum. */
export const AssessmentWeightsSchema = z
  .strictObject({
    onTimeReport: z.number().nonnegative(),
    completion: z.number().nonnegative(),
    overdue: z.number().nonnegative(),
    returned: z.number().nonnegative(),
    extensions: z.number().nonnegative(),
  })
  .refine((w) => Object.values(w).some((x) => x > 0), { message: 'at least one weight must be positive' });
export type AssessmentWeights = z.output<typeof AssessmentWeightsSchema>;

/** Default weights: completion and punctual reporting count most; overdue tasks weigh more than returns or extensions. */
export const DEFAULT_ASSESSMENT_WEIGHTS: AssessmentWeights = { onTimeReport: 25, completion: 35, overdue: 20, returned: 10, extensions: 10 };

/** Part scores (0–100) and the weighted score of one unit in one period; null score when it had no tasks. */
export interface UnitAssessment {
  unit: string;
  period: string;
  score: number | null;
  rank: number | null;
  parts: AssessmentWeights;
}

/** One period: units in rank order, the best (骏马) and the worst (蜗牛) units. */
export interface PeriodAssessment {
  period: string;
  units: UnitAssessment[];
  best: string[];
  worst: string[];
}

/** Part scores: rates as given; overdue, returned and extensions as 1 − count / tasks (floored at 0). */
export function unitParts(u: UnitPeriodInput): AssessmentWeights {
  // No tasks to assess: nothing overdue, returned or extended (never 0/0).
  const ratio = (n: number): number => (u.tasks === 0 ? 100 : clampScore(100 * (1 - n / u.tasks)));
  return {
    onTimeReport: 100 * u.onTimeReportRate,
    completion: 100 * u.completionRate,
    overdue: ratio(u.overdueTasks),
    returned: ratio(u.returnedReports),
    extensions: ratio(u.extensions),
  };
}

/** Weighted score 0–100 of one unit-period; null when it had no tasks (nothing to assess). */
export function unitScore(u: UnitPeriodInput, weights: AssessmentWeights = DEFAULT_ASSESSMENT_WEIGHTS): number | null {
  if (u.tasks === 0) return null;
  const p = unitParts(u);
  const keys = Object.keys(weights) as (keyof AssessmentWeights)[];
  let num = 0;
  let den = 0;
  for (const k of keys) {
    num += weights[k] * p[k];
    den += weights[k];
  }
  return num / den;
}

function parseInputs(rows: unknown, weights: unknown): { rows: UnitPeriodInput[]; weights: AssessmentWeights } {
  const r = z.array(UnitPeriodSchema).safeParse(rows);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw evaluationError(EVALUATION_ERRORS.inputInvalid, `单位考核数据无效：${issue?.message ?? ''}`, `units${formatPath(issue?.path ?? [])}`);
  }
  const w = AssessmentWeightsSchema.safeParse(weights);
  if (!w.success) throw evaluationError(EVALUATION_ERRORS.inputInvalid, `考核权重无效：${w.error.issues[0]?.message ?? ''}`, 'weights');
  return { rows: r.data, weights: w.data };
}

/** Units whose score is at least (best) or at most (worst) the score of the n-th unit from that end; ties included, none when all tie. */
function ends(units: readonly UnitAssessment[], n: number): { best: string[]; worst: string[] } {
  const scored = units.filter((u) => u.score !== null);
  if (scored.length < 2) return { best: scored.map((u) => u.unit), worst: [] };
  const nth = (i: number): number => scored[Math.min(i, scored.length - 1)]?.score ?? 0;
  const top = nth(n - 1);
  const bottom = nth(scored.length - n);
  const best = scored.filter((u) => (u.score ?? 0) >= top).map((u) => u.unit);
  // Everyone level: nobody stands out, so nobody is named 骏马 or 蜗牛.
  if (best.length === scored.length) return { best: [], worst: [] };
  const worst = scored.filter((u) => (u.score ?? 0) <= bottom && !best.includes(u.unit)).map((u) => u.unit);
  return { best, worst };
}

/** Scores and ranks units per period and names each period's best and worst `n` units (骏马 / 蜗牛). */
export function assessUnits(rows: unknown, weights: unknown = DEFAULT_ASSESSMENT_WEIGHTS, n = 1): PeriodAssessment[] {
  const input = parseInputs(rows, weights);
  const byPeriod = new Map<string, UnitPeriodInput[]>();
  input.rows.forEach((u, i) => {
    const list = byPeriod.get(u.period) ?? [];
    if (list.some((x) => x.unit === u.unit)) {
      throw evaluationError(EVALUATION_ERRORS.duplicateId, `单位 "${u.unit}" 在 ${u.period} 重复出现`, `units[${i}]`);
    }
    list.push(u);
    byPeriod.set(u.period, list);
  });
  return [...byPeriod.keys()].sort(compareIds).map((period) => {
    const list = (byPeriod.get(period) ?? []).map((u) => ({ id: u.unit, score: unitScore(u, input.weights), parts: unitParts(u) }));
    const units = rankByScore(list).map(({ id, score, rank, parts }) => ({ unit: id, period, score, rank, parts }));
    return { period, units, ...ends(units, n) };
  });
}
