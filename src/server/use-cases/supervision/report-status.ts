/**
 * The reporting facts of a plan's tasks for one period, read in a few set-based queries: which
 * units filed, the lead unit's latest report, returns in a row. Lights, reminders, the unit's
 * 我的任务 and the 预警 board all build on it.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { isOngoingDeadline } from '../../../domain/deadline.ts';
import { effectiveDueOn } from '../../../domain/supervision/due-dates.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { taskUnits, tasks } from '../../../db/schema.ts';
import { progressReports, taskSupervision } from '../../../db/supervision-schema.ts';

export interface TaskReportFacts {
  taskId: number;
  seq: number;
  indicatorId: number | null;
  leader: string | null;
  dueOn: string | null;
  completed: boolean;
  links: { unitId: number; role: 'lead' | 'responsible'; writtenName: string }[];
  /** Units with a submitted or accepted report for the period. */
  filedUnits: Set<number>;
  /** The lead unit's latest submitted version (any period) says 已完成. */
  reportedDone: boolean;
  consecutiveReturns: number;
}

/** Reporting facts of every task of a plan for a period (or of the given tasks only). */
export async function reportFacts(db: Db | Tx, planId: number, period: string, taskIds?: number[]): Promise<TaskReportFacts[]> {
  const rows = await db.select({ id: tasks.id, seq: tasks.seq, indicatorId: tasks.indicatorId, leader: tasks.leader, dueOn: tasks.dueOn, deadline: tasks.deadline, extendedDueOn: taskSupervision.extendedDueOn, completedAt: taskSupervision.completedAt })
    .from(tasks).leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id))
    .where(and(eq(tasks.planId, planId), taskIds ? inArray(tasks.id, taskIds.length ? taskIds : [-1]) : undefined))
    .orderBy(asc(tasks.seq));
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const links = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, role: taskUnits.role, writtenName: taskUnits.writtenName }).from(taskUnits).where(inArray(taskUnits.taskId, ids));
  const reports = await db.select({ taskId: progressReports.taskId, unitId: progressReports.unitId, period: progressReports.period, role: progressReports.role, state: progressReports.state, status: progressReports.status })
    // Lead units' reports of every period (latest state, returns in a row) and everyone's of this period (who filed).
    .from(progressReports).where(and(inArray(progressReports.taskId, ids), inArray(progressReports.state, ['submitted', 'accepted', 'returned']),
      or(eq(progressReports.role, 'lead'), eq(progressReports.period, period))))
    .orderBy(asc(progressReports.submittedAt));
  const facts = new Map<number, TaskReportFacts>(rows.map((r) => [r.id, {
    taskId: r.id, seq: r.seq, indicatorId: r.indicatorId, leader: r.leader, dueOn: effectiveDueOn({ plannedDueOn: r.dueOn, extendedDueOn: r.extendedDueOn, ongoing: isOngoingDeadline(r.deadline) }), completed: r.completedAt !== null,
    links: [], filedUnits: new Set<number>(), reportedDone: false, consecutiveReturns: 0,
  }]));
  for (const l of links) facts.get(l.taskId)?.links.push({ unitId: l.unitId, role: l.role, writtenName: l.writtenName });
  for (const r of reports) {
    const f = facts.get(r.taskId);
    if (!f) continue;
    if (r.period === period && r.state !== 'returned') f.filedUnits.add(r.unitId);
    if (r.role !== 'lead') continue;
    // Reports arrive in submission order, so these end as "the latest" and "returns in a row".
    if (r.state !== 'returned') f.reportedDone = r.status === 'done';
    f.consecutiveReturns = r.state === 'returned' ? f.consecutiveReturns + 1 : 0;
  }
  return [...facts.values()];
}
