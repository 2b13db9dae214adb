/**
 * Counts that stay cheap on large tables. A page of a long list (the audit log: a million rows)
 * needs an idea of how many pages there are, not an exact figure: above `exactBelow` rows the
 * planner's estimate is given (EXPLAIN, no execution) and marked as such; below it the exact count.
 */
import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../client.ts';

interface PlanNode { 'Plan Rows'?: number; Plans?: PlanNode[] }

/** The planner's estimate of the rows a query returns. */
export async function estimateRows(db: Db, query: SQLWrapper): Promise<number> {
  const result = await db.execute(sql`explain (format json) ${query}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const cell = rows[0]?.['QUERY PLAN'];
  const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[];
  return Math.round(plan[0]?.Plan['Plan Rows'] ?? 0);
}

/**
 * The number of rows `rowsQuery` returns: exact (by `exactCount`) when the estimate is below
 * `exactBelow`, otherwise the estimate.
 */
export async function countOrEstimate(db: Db, rowsQuery: SQLWrapper, exactCount: () => Promise<number>, exactBelow = 10_000): Promise<{ total: number; exact: boolean }> {
  const estimate = await estimateRows(db, rowsQuery);
  if (estimate < exactBelow) return { total: await exactCount(), exact: true };
  return { total: estimate, exact: false };
}
