/**
 * 我的任务: a unit's tasks with this period's report state and due date (the office's review
 * queue, 审核, is in review-queue.ts).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { isOngoingDeadline } from '../../../domain/deadline.ts';
import { effectiveDueOn } from '../../../domain/supervision/due-dates.ts';
import { reportDueDate, type Period } from '../../../domain/supervision/periods.ts';
import { schedulePeriodContaining, schedulePreviousPeriod, type CycleHistory } from '../../../domain/supervision/plan-periods.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { plans, taskUnits, tasks } from '../../../db/schema.ts';
import { progressReports, taskSupervision } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { currentPlansStatus } from './lights.ts';
import { planSchedules, type ScheduleAndRules } from './plan-status.ts';
import type { ReportView } from './report-views.ts';
import type { Light } from '../../../domain/supervision/task-light.ts';
import { anyOf } from '../../../db/queries/any-of.ts';

export interface MyTask {
  taskId: number; planId: number; planTitle: string; seq: number; text: string; role: 'lead' | 'responsible';
  dueOn: string | null; period: { key: string; label: string; dueOn: string; late: boolean };
  report: { id: number; state: ReportView['state']; version: number; status: ReportView['status']; percent: number } | null;
  light: Light | null;
}

/**
 * The report a unit works on now: the last period while its report is not yet due (reports are
 * written after a period ends), otherwise the current one.
 */
export function workingPeriod(today: string, cycles: CycleHistory, calendar: WorkCalendar, dueWorkdays: number): { period: Period; dueOn: string } {
  const current = schedulePeriodContaining(cycles, today);
  const last = schedulePreviousPeriod(cycles, current);
  const lastDue = reportDueDate(last, calendar, dueWorkdays);
  return today <= lastDue ? { period: last, dueOn: lastDue } : { period: current, dueOn: reportDueDate(current, calendar, dueWorkdays) };
}

/**
 * The unit user's tasks with the state of the report it owes now. Each plan is asked only about
 * its own year (a finished plan's last period, not today's), its reports read for those periods
 * only, and its lights from the stored ones (lights.ts): linear in the unit's tasks.
 */
export async function myTasks(db: Db, actor: Actor, today: string, calendar: WorkCalendar): Promise<MyTask[]> {
  if (!actor.unit) return [];
  const rows = await db.selectDistinctOn([tasks.id], {
    id: tasks.id, planId: tasks.planId, planTitle: plans.title, planYear: plans.year, seq: tasks.seq, text: tasks.text, dueOn: tasks.dueOn, deadline: tasks.deadline,
    extendedDueOn: taskSupervision.extendedDueOn, role: taskUnits.role,
  }).from(tasks).innerJoin(taskUnits, eq(taskUnits.taskId, tasks.id)).innerJoin(plans, eq(plans.id, tasks.planId)).leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id))
    .where(anyOf(taskUnits.unitId, actor.unitIds)).orderBy(asc(tasks.id), asc(taskUnits.role));
  if (!rows.length) return [];
  // Every plan's schedule in one statement (memoised for the lights below).
  const schedules = await planSchedules(db, rows.map((r) => r.planId));
  const working = new Map<number, ReturnType<typeof workingPeriod>>();
  for (const r of rows) {
    if (working.has(r.planId)) continue;
    const s = (schedules.get(r.planId) as ScheduleAndRules).schedule;
    const yearEnd = `${r.planYear}-12-31`;
    working.set(r.planId, workingPeriod(today < yearEnd ? today : yearEnd, s, calendar, s.dueWorkdays));
  }
  const keys = [...new Set([...working.values()].map((w) => w.period.key))];
  const reports = await db.select({ id: progressReports.id, taskId: progressReports.taskId, period: progressReports.period, state: progressReports.state, version: progressReports.version, status: progressReports.status, percent: progressReports.percent })
    .from(progressReports).where(and(inArray(progressReports.taskId, rows.map((r) => r.id)), eq(progressReports.unitId, actor.unit.id), inArray(progressReports.period, keys)))
    .orderBy(desc(progressReports.version));
  const reportOf = new Map<string, (typeof reports)[number]>();
  for (const r of reports) if (!reportOf.has(`${r.taskId}|${r.period}`)) reportOf.set(`${r.taskId}|${r.period}`, r);
  // Today's light from the stored lights (the same as the 预警 board), all plans' at once.
  const idsByPlan = new Map<number, number[]>();
  for (const r of rows) {
    const ids = idsByPlan.get(r.planId);
    if (ids) ids.push(r.id);
    else idsByPlan.set(r.planId, [r.id]);
  }
  const lightOf = new Map<number, Light>();
  for (const { tasks: status } of (await currentPlansStatus(db, idsByPlan, today, calendar)).values()) {
    for (const l of status) lightOf.set(l.taskId, l.light);
  }
  const out = rows.map((t): MyTask => {
    const { period, dueOn } = working.get(t.planId) as ReturnType<typeof workingPeriod>;
    const r = reportOf.get(`${t.id}|${period.key}`);
    const filed = r?.state === 'submitted' || r?.state === 'accepted';
    return {
      taskId: t.id, planId: t.planId, planTitle: t.planTitle, seq: t.seq, text: t.text, role: t.role,
      // The deadline that counts now (the extended one after an approved extension).
      dueOn: effectiveDueOn({ plannedDueOn: t.dueOn, extendedDueOn: t.extendedDueOn, ongoing: isOngoingDeadline(t.deadline) }),
      period: { key: period.key, label: period.label, dueOn, late: !filed && today > dueOn },
      report: r ? { id: r.id, state: r.state, version: r.version, status: r.status, percent: r.percent } : null,
      light: lightOf.get(t.id) ?? null,
    };
  });
  const filedFirst = (t: MyTask) => (t.report?.state === 'submitted' || t.report?.state === 'accepted' ? 1 : 0);
  return out.sort((a, b) => filedFirst(a) - filedFirst(b) || a.planId - b.planId || a.seq - b.seq);
}

