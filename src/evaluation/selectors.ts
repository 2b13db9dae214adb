/**
 * Conditions on a ranked position, shared by bands (等次) and consequence rules (约谈 …): a rank
 * range, outside the top N, the bottom N, a score range, a percentile range, or "missed the
 * annual target" (前N名). Written as data and validated with zod.
 */
import { z } from 'zod';

const Rank = z.number().int().positive();

/** One condition on a position; ranks are 1-based and inclusive. */
export const SelectorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rank-range'), from: Rank, to: Rank.optional() }),
  z.strictObject({ kind: z.literal('top'), n: Rank }),
  z.strictObject({ kind: z.literal('outside-top'), n: Rank }),
  z.strictObject({ kind: z.literal('bottom'), n: Rank }),
  // min inclusive, max exclusive, so adjacent ranges (60–70, 70–80) never overlap.
  z.strictObject({ kind: z.literal('score-range'), min: z.number().optional(), max: z.number().optional() }),
  // Position p = rank / total * 100 (share of the field at or above the item); matches from < p ≤ to.
  z.strictObject({ kind: z.literal('percentile'), from: z.number().min(0).max(100), to: z.number().min(0).max(100) }),
  z.strictObject({ kind: z.literal('target-missed') }),
]);

export type Selector = z.output<typeof SelectorSchema>;

/** What a selector looks at: a rank out of `total`, a score, and (for indicators) the target rank N of 前N名. */
export interface Position {
  rank: number | null;
  total: number;
  score?: number | null;
  target?: number | null;
}

/** True when the position satisfies the selector; an unranked position matches no rank-based selector. */
export function matches(selector: Selector, p: Position): boolean {
  if (selector.kind === 'score-range') {
    if (p.score === null || p.score === undefined) return false;
    return (selector.min === undefined || p.score >= selector.min) && (selector.max === undefined || p.score < selector.max);
  }
  const rank = p.rank;
  if (rank === null) return false;
  switch (selector.kind) {
    case 'rank-range':
      return rank >= selector.from && rank <= (selector.to ?? p.total);
    case 'top':
      return rank <= selector.n;
    case 'outside-top':
      return rank > selector.n;
    case 'bottom':
      // 后10名 of 86 = ranks 77–86.
      return rank > p.total - selector.n;
    case 'percentile': {
      const pos = (rank / p.total) * 100;
      return (selector.from === 0 ? pos >= 0 : pos > selector.from) && pos <= selector.to;
    }
    case 'target-missed':
      return p.target !== null && p.target !== undefined && rank > p.target;
  }
}

/** Human-readable Chinese description of a selector (for documents and error messages). */
export function describeSelector(s: Selector, total?: number): string {
  switch (s.kind) {
    case 'rank-range':
      return `第${s.from}—${s.to ?? total ?? '末'}名`;
    case 'top':
      return `前${s.n}名`;
    case 'outside-top':
      return `未进入前${s.n}名`;
    case 'bottom':
      return `后${s.n}名`;
    case 'score-range':
      return `得分${s.min ?? '-∞'}～${s.max ?? '+∞'}`;
    case 'percentile':
      return `排名位于${s.from}%～${s.to}%`;
    case 'target-missed':
      return '未达成年度目标';
  }
}
