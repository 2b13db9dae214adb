/**
 * Bands (等次) by rank range, score threshold or percentile: an ordered list, the first band whose
 * condition holds wins, so bands read top-down like the documents that define them
 * (优秀 / 良好 / 一般 …).
 */
import { z } from 'zod';
import { EVALUATION_ERRORS, evaluationError, formatPath } from './errors.ts';
import { SelectorSchema, matches } from './selectors.ts';
import type { Position } from './selectors.ts';

const BandSchema = z.strictObject({ key: z.string().min(1), label: z.string().min(1), when: SelectorSchema });

/** An ordered band list; keys must be unique. */
export const BandsSchema = z
  .array(BandSchema)
  .min(1)
  .refine((bs) => new Set(bs.map((b) => b.key)).size === bs.length, { message: 'band keys must be unique' });

export type Band = z.output<typeof BandSchema>;

/** Validates band definitions; throws EVALUATION_RULES_INVALID naming the first bad field. */
export function parseBands(data: unknown): Band[] {
  const r = BandsSchema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw evaluationError(EVALUATION_ERRORS.rulesInvalid, `等次定义无效：${issue?.message ?? ''}`, formatPath(issue?.path ?? []));
}

/** The first band whose condition holds for the position, or null. */
export function assignBand(position: Position, bands: readonly Band[]): Band | null {
  return bands.find((b) => matches(b.when, position)) ?? null;
}

/** Assigns a band to every ranked item (total = number of items unless given). */
export function assignBands<T extends { rank: number | null; score?: number | null }>(
  items: readonly T[],
  bands: readonly Band[],
  total: number = items.length,
): (T & { band: Band | null })[] {
  return items.map((item) => ({ ...item, band: assignBand({ rank: item.rank, total, score: item.score ?? null }, bands) }));
}
