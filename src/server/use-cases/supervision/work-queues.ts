/**
 * The two daily screens: 我的任务 (a unit's tasks with this period's report state and due date)
 * and 审核 (the office's queue of submitted consolidated reports).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { reportDueDate, type Period } from '../../../domain/supervision/periods.ts';
import { schedulePeriodContaining, schedulePreviousPeriod, type CycleHistory } from '../../../domain/supervision/plan-periods.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { plans, taskUnits, tasks } from '../../../db/schema.ts';
import { progressReports } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { visiblePlans } from '../../policies/plan.policy.ts';
import { planStatus } from './plan-status.ts';
import { reportViews, type ReportView } from './report-views.ts';
import { planSettings } from './task-context.ts';
import type { Light } from '../../../domain/supervision/task-light.ts';

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

/** The unit user's tasks with the state of the report it owes now. */
export async function myTasks(db: Db, actor: Actor, today: string, calendar: WorkCalendar): Promise<MyTask[]> {
  if (!actor.unit) return [];
  const rows = await db.selectDistinctOn([tasks.id], { id: tasks.id, planId: tasks.planId, planTitle: plans.title, seq: tasks.seq, text: tasks.text, dueOn: tasks.dueOn, role: taskUnits.role })
    .from(tasks).innerJoin(taskUnits, eq(taskUnits.taskId, tasks.id)).innerJoin(plans, eq(plans.id, tasks.planId))
    .where(inArray(taskUnits.unitId, actor.unitIds)).orderBy(asc(tasks.id), asc(taskUnits.role));
  const out: MyTask[] = [];
  const settingsByPlan = new Map<number, Awaited<ReturnType<typeof planSettings>>>();
  for (const r of rows) {
    let s = settingsByPlan.get(r.planId);
    if (!s) settingsByPlan.set(r.planId, (s = await planSettings(db, r.planId)));
    const { period, dueOn } = workingPeriod(today, s, calendar, s.dueWorkdays);
    out.push({ taskId: r.id, planId: r.planId, planTitle: r.planTitle, seq: r.seq, text: r.text, role: r.role, dueOn: r.dueOn, period: { key: period.key, label: period.label, dueOn, late: false }, report: null, light: null });
  }
  if (!out.length) return out;
  const ids = out.map((t) => t.taskId);
  const reports = await db.select().from(progressReports).where(and(inArray(progressReports.taskId, ids), eq(progressReports.unitId, actor.unit.id))).orderBy(desc(progressReports.version));
  // Today's light and deadline from the supervision model (the same as the 预警 board), not a stored one.
  const lights = new Map<number, { light: Light; dueOn: string | null }>();
  for (const planId of new Set(out.map((t) => t.planId))) {
    const status = await planStatus(db, planId, today, calendar, { taskIds: out.filter((t) => t.planId === planId).map((t) => t.taskId) });
    for (const s of status.tasks) lights.set(s.taskId, { light: s.light, dueOn: s.dueOn });
  }
  for (const t of out) {
    const r = reports.find((x) => x.taskId === t.taskId && x.period === t.period.key);
    t.report = r ? { id: r.id, state: r.state, version: r.version, status: r.status, percent: r.percent } : null;
    const filed = r?.state === 'submitted' || r?.state === 'accepted';
    t.period.late = !filed && today > t.period.dueOn;
    const state = lights.get(t.taskId);
    t.light = state?.light ?? null;
    // The deadline that counts now (the extended one after an approved extension).
    if (state) t.dueOn = state.dueOn;
  }
  return out.sort((a, b) => (a.report?.state === 'submitted' || a.report?.state === 'accepted' ? 1 : 0) - (b.report?.state === 'submitted' || b.report?.state === 'accepted' ? 1 : 0) || a.planId - b.planId || a.seq - b.seq);
}

/** Submitted consolidated reports awaiting the office's review, oldest first. */
export async function reviewQueue(db: Db, actor: Actor): Promise<(ReportView & { task: { id: number; seq: number; text: string; planId: number; planTitle: string } })[]> {
  const taskRows = await db.select({ id: tasks.id, seq: tasks.seq, text: tasks.text, planId: plans.id, planTitle: plans.title })
    .from(tasks).innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(visiblePlans(actor), inArray(tasks.id, db.select({ id: progressReports.taskId }).from(progressReports).where(and(eq(progressReports.state, 'submitted'), eq(progressReports.role, 'lead'))))));
  if (!taskRows.length) return [];
  const views = await reportViews(db, actor, and(inArray(progressReports.taskId, taskRows.map((t) => t.id)), eq(progressReports.state, 'submitted'), eq(progressReports.role, 'lead')));
  return views.map((v) => ({ ...v, task: taskRows.find((t) => t.id === v.taskId) as (typeof taskRows)[number] }))
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
}
