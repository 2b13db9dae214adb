/**
 * The plan's tasks with their progress on a report date, as the reports engine takes them
 * (TaskProgress), and the trend of earlier periods from the lights kept per period. Lights are
 * recomputed as of the report date with the supervision rules, so a notice for a past month shows
 * that month's state, not today's: a task accepted in July is still open in the June notice.
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { parsePeriod, periodContaining, previousPeriod, reportDueDate, type Period } from '../../../domain/supervision/periods.ts';
import { taskLight } from '../../../domain/supervision/task-light.ts';
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { indicators, taskUnits, tasks, units } from '../../../db/schema.ts';
import { progressReports, taskLights, taskSupervision } from '../../../db/supervision-schema.ts';
import type { IndicatorInfo, TaskProgress, TrendPoint } from '../../../reports/index.ts';
import { reportFacts } from '../supervision/report-status.ts';
import { planSettings } from '../supervision/task-context.ts';

/** The tasks of a plan with their progress on `asOf`, and the plan's indicators. */
export interface PlanProgress {
  indicators: IndicatorInfo[];
  tasks: TaskProgress[];
  /** Task id by seq, for callers that go back to the database (highlights, orders). */
  taskIds: Map<number, number>;
}

interface LeadHistory { reportedDone: boolean; consecutiveReturns: number; note: string | null }

/** The lead unit's reports submitted by the end of `asOf`, folded in submission order. */
async function leadHistories(db: Db, taskIds: number[], asOf: string): Promise<Map<number, LeadHistory>> {
  const rows = await db.select({ taskId: progressReports.taskId, state: progressReports.state, status: progressReports.status, workDone: progressReports.workDone, problems: progressReports.problems })
    .from(progressReports)
    .where(and(inArray(progressReports.taskId, taskIds), eq(progressReports.role, 'lead'), inArray(progressReports.state, ['submitted', 'accepted', 'returned']),
      lte(progressReports.submittedAt, new Date(`${asOf}T23:59:59+08:00`))))
    .orderBy(asc(progressReports.submittedAt));
  const out = new Map<number, LeadHistory>();
  for (const r of rows) {
    const h = out.get(r.taskId) ?? { reportedDone: false, consecutiveReturns: 0, note: null };
    if (r.state !== 'returned') {
      h.reportedDone = r.status === 'done';
      h.note = r.problems.trim() ? `${r.workDone}；存在问题：${r.problems.trim()}` : r.workDone;
    }
    h.consecutiveReturns = r.state === 'returned' ? h.consecutiveReturns + 1 : 0;
    out.set(r.taskId, h);
  }
  return out;
}

/** Units whose report for the reporting period before `asOf` is late on `asOf` (as the 预警 board says). */
async function lateReports(db: Db, planId: number, asOf: string, calendar: WorkCalendar): Promise<Set<number>> {
  const settings = await planSettings(db, planId);
  const last = previousPeriod(periodContaining(asOf, settings.cycle));
  if (asOf <= reportDueDate(last, calendar, settings.dueWorkdays)) return new Set();
  const facts = await reportFacts(db, planId, last.key);
  const late = facts.filter((f) => {
    const lead = f.links.filter((l) => l.role === 'lead').map((l) => l.unitId);
    return (f.dueOn === null || f.dueOn >= last.start) && lead.length > 0 && !lead.some((u) => f.filedUnits.has(u));
  });
  return new Set(late.map((f) => f.taskId));
}

/** Loads every task of the plan with its light, completion date and latest progress on `asOf`. */
export async function planProgress(db: Db, planId: number, asOf: string, calendar: WorkCalendar): Promise<PlanProgress> {
  const inds = await db.select().from(indicators).where(eq(indicators.planId, planId)).orderBy(asc(indicators.seq));
  const rows = await db.select({ t: tasks, extendedDueOn: taskSupervision.extendedDueOn, completedAt: taskSupervision.completedAt })
    .from(tasks).leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id)).where(eq(tasks.planId, planId)).orderBy(asc(tasks.seq));
  const ids = rows.map((r) => r.t.id);
  const links = ids.length ? await db.select({ taskId: taskUnits.taskId, role: taskUnits.role, name: units.name })
    .from(taskUnits).innerJoin(units, eq(units.id, taskUnits.unitId)).where(inArray(taskUnits.taskId, ids)).orderBy(asc(taskUnits.position)) : [];
  const history = ids.length ? await leadHistories(db, ids, asOf) : new Map<number, LeadHistory>();
  const late = await lateReports(db, planId, asOf, calendar);
  const seqOf = new Map(inds.map((i) => [i.id, i.seq]));
  const names = (taskId: number, role: 'lead' | 'responsible') => [...new Set(links.filter((l) => l.taskId === taskId && l.role === role).map((l) => l.name))];
  const out = rows.map(({ t, extendedDueOn, completedAt }): TaskProgress => {
    const completedOn = completedAt && chinaDate(completedAt) <= asOf ? chinaDate(completedAt) : null;
    const h = history.get(t.id);
    const { light } = taskLight({
      dueOn: extendedDueOn ?? t.dueOn, completed: completedOn !== null, reportedDone: h?.reportedDone ?? false,
      lateReport: late.has(t.id), consecutiveReturns: h?.consecutiveReturns ?? 0,
    }, asOf);
    return {
      seq: t.seq, indicatorSeq: t.indicatorId === null ? 0 : (seqOf.get(t.indicatorId) ?? 0), text: t.text,
      leadUnits: names(t.id, 'lead'), responsibleUnits: names(t.id, 'responsible'), deadline: t.deadline, deadlineRaw: t.deadlineRaw,
      light, completedOn, progressNote: light === 'done' ? null : (h?.note ?? null),
    };
  });
  return {
    indicators: inds.map((i) => ({ seq: i.seq, name: i.name, leader: i.leader, leadUnits: i.leadUnits })),
    tasks: out,
    taskIds: new Map(rows.map((r) => [r.t.seq, r.t.id])),
  };
}

const CN = ['一', '二', '三', '四'];

function shortLabel(p: Period): string {
  const month = Number(p.start.slice(5, 7));
  switch (p.kind) {
    case 'xun': return p.label.slice(p.label.indexOf('年') + 1);
    case 'month': return `${month}月`;
    case 'quarter': return `${CN[Math.ceil(month / 3) - 1] ?? ''}季度`;
    case 'half': return month === 1 ? '上半年' : '下半年';
    case 'year': return p.label;
  }
}

/**
 * Rates at the end of each earlier period whose lights were kept (task_lights), oldest first, at
 * most `limit`: a task counts as due when its plan deadline ended within the period, as done when
 * its kept light was done, and on time when the office accepted it by its deadline.
 */
export async function lightTrend(db: Db, planId: number, before: Period, limit = 6): Promise<TrendPoint[]> {
  const rows = await db.select({ taskId: taskLights.taskId, period: taskLights.period, light: taskLights.light, dueOn: tasks.dueOn, completedAt: taskSupervision.completedAt })
    .from(taskLights).innerJoin(tasks, eq(tasks.id, taskLights.taskId)).leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id))
    .where(eq(tasks.planId, planId));
  const byPeriod = new Map<string, typeof rows>();
  for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
  const points: { end: string; point: TrendPoint }[] = [];
  for (const [key, list] of byPeriod) {
    const p = parsePeriod(key);
    if (!p || p.end >= before.start) continue;
    const due = list.filter((r) => r.dueOn !== null && r.dueOn <= p.end);
    if (!due.length) continue;
    const done = due.filter((r) => r.light === 'done');
    const onTime = done.filter((r) => r.completedAt === null || r.dueOn === null || chinaDate(r.completedAt) <= r.dueOn);
    points.push({ end: p.end, point: { label: shortLabel(p), completionRate: done.length / due.length, onTimeRate: onTime.length / due.length } });
  }
  return points.sort((a, b) => a.end.localeCompare(b.end)).slice(-limit).map((p) => p.point);
}
