/**
 * Dashboard figures: counts by indicator and by deadline month within the caller's task scope;
 * 逾期 and 临期 come from the supervision model (effective deadline, completion, the plan's own
 * 临期 window), the same rules as the 预警 board and the documents.
 */
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { isOngoingDeadline } from '../../domain/deadline.ts';
import { effectiveDueOn, isNearDue, isOverdue } from '../../domain/supervision/due-dates.ts';
import { periodContaining } from '../../domain/supervision/periods.ts';
import { DEFAULT_LIGHT_RULES } from '../../domain/supervision/task-light.ts';
import type { Db } from '../client.ts';
import { indicators, tasks } from '../schema.ts';
import { planSupervision } from '../supervision-schema.ts';
import { supervisionOf } from './supervision-of.ts';

export interface TaskStats {
  taskCount: number;
  dueThisMonth: number;
  overdue: number;
  /** 临期: not done, due within the plan's yellowWithinDays. */
  nearDue: number;
  byIndicator: { indicatorId: number; name: string; count: number }[];
  byDeadline: { month: string; count: number }[];
}

/** Task figures for the visible tasks (optionally of one plan) as of `today` (YYYY-MM-DD). */
export async function taskStats(db: Db, visible: SQL, planId: number | undefined, today: string): Promise<TaskStats> {
  const scope = and(visible, planId === undefined ? undefined : eq(tasks.planId, planId));
  const monthStart = `${today.slice(0, 7)}-01`;
  const monthEnd = periodContaining(today, 'month').end;
  const ts = supervisionOf(db);
  const rows = await db
    .select({ dueOn: tasks.dueOn, deadline: tasks.deadline, extendedDueOn: ts.extendedDueOn, completedAt: ts.completedAt, yellowWithinDays: planSupervision.yellowWithinDays })
    .from(tasks).leftJoinLateral(ts, sql`true`).leftJoin(planSupervision, eq(planSupervision.planId, tasks.planId))
    .where(scope);
  let dueThisMonth = 0;
  let overdue = 0;
  let nearDue = 0;
  for (const r of rows) {
    const due = effectiveDueOn({ plannedDueOn: r.dueOn, extendedDueOn: r.extendedDueOn, ongoing: isOngoingDeadline(r.deadline) });
    const done = r.completedAt !== null;
    if (due !== null && due >= monthStart && due <= monthEnd) dueThisMonth++;
    if (isOverdue(due, done, today)) overdue++;
    if (isNearDue(due, done, today, r.yellowWithinDays ?? DEFAULT_LIGHT_RULES.yellowWithinDays)) nearDue++;
  }
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
  return { taskCount: rows.length, dueThisMonth, overdue, nearDue, byIndicator, byDeadline };
}
