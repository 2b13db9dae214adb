/** Dashboard figures: counts by indicator and by deadline month within the caller's task scope. */
import { and, asc, count, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { indicators, tasks } from '../schema.ts';

export interface TaskStats {
  taskCount: number;
  dueThisMonth: number;
  overdue: number;
  byIndicator: { indicatorId: number; name: string; count: number }[];
  byDeadline: { month: string; count: number }[];
}

/** Task figures for the visible tasks (optionally of one plan) as of `today` (YYYY-MM-DD). */
export async function taskStats(db: Db, visible: SQL, planId: number | undefined, today: string): Promise<TaskStats> {
  const scope = and(visible, planId === undefined ? undefined : eq(tasks.planId, planId));
  const monthStart = `${today.slice(0, 7)}-01`;
  const [totals] = await db
    .select({
      taskCount: count(),
      dueThisMonth: sql<number>`count(*) filter (where ${and(gte(tasks.dueOn, monthStart), lte(tasks.dueOn, sql`(date_trunc('month', ${today}::date) + interval '1 month - 1 day')::date`))})`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${lt(tasks.dueOn, today)})`.mapWith(Number),
    })
    .from(tasks)
    .where(scope);
  const byIndicator = await db
    .select({ indicatorId: indicators.id, name: indicators.name, count: count() })
    .from(tasks)
    .innerJoin(indicators, eq(indicators.id, tasks.indicatorId))
    .where(scope)
    .groupBy(indicators.id, indicators.name, indicators.seq, indicators.planId)
    .orderBy(asc(indicators.planId), asc(indicators.seq));
  const byDeadline = await db
    .select({ month: sql<string>`to_char(${tasks.dueOn}, 'YYYY-MM')`, count: count() })
    .from(tasks)
    .where(and(scope, sql`${tasks.dueOn} is not null`))
    .groupBy(sql`to_char(${tasks.dueOn}, 'YYYY-MM')`)
    .orderBy(sql`to_char(${tasks.dueOn}, 'YYYY-MM')`);
  return { taskCount: totals?.taskCount ?? 0, dueThisMonth: totals?.dueThisMonth ?? 0, overdue: totals?.overdue ?? 0, byIndicator, byDeadline };
}
