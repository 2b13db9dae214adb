/**
 * The plan's tasks with their progress as of the close of a report date, as the reports engine
 * takes them (TaskProgress), from the supervision model (plan-status.ts), and the trend of earlier
 * periods from the lights kept per period. A notice for a past month shows that month's state.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { dayAfterClose } from '../../../domain/supervision/due-dates.ts';
import { doneOnTime } from '../../../domain/supervision/completion-rates.ts';
import { parsePeriod, type Period } from '../../../domain/supervision/periods.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { indicators, taskUnits, tasks, units } from '../../../db/schema.ts';
import { taskLights, taskSupervision } from '../../../db/supervision-schema.ts';
import type { IndicatorInfo, TaskProgress, TrendPoint } from '../../../reports/index.ts';
import { currentPlanStatus } from '../supervision/lights.ts';
import { completionDate, planStatus } from '../supervision/plan-status.ts';

/** The tasks of a plan with their progress on `asOf`, and the plan's indicators. */
export interface PlanProgress {
  indicators: IndicatorInfo[];
  tasks: TaskProgress[];
  /** Task id by seq, for callers that go back to the database (highlights, orders). */
  taskIds: Map<number, number>;
  /** The plan's 临期 window (its own light settings), for the documents' wording. */
  yellowWithinDays: number;
}

/**
 * Every task of the plan as of the close of `asOf` (the supervision model on the next day, with
 * the reports and completions up to `asOf`; completions confirmed by `today` count). While the
 * period runs (`asOf` is yesterday) the figures are today's stored lights, the board's.
 */
export async function planProgress(db: Db, planId: number, asOf: string, calendar: WorkCalendar, today: string = asOf): Promise<PlanProgress> {
  const inds = await db.select().from(indicators).where(eq(indicators.planId, planId)).orderBy(asc(indicators.seq));
  const rows = await db.select({ t: tasks }).from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.seq));
  const ids = rows.map((r) => r.t.id);
  const links = ids.length ? await db.select({ taskId: taskUnits.taskId, role: taskUnits.role, name: units.name })
    .from(taskUnits).innerJoin(units, eq(units.id, taskUnits.unitId)).where(inArray(taskUnits.taskId, ids)).orderBy(asc(taskUnits.position)) : [];
  const status = dayAfterClose(asOf) === today
    // A running period's figures (as of yesterday's close, taken today) are the stored lights the
    // 预警 board, the cockpit and the dashboard show today; a closed period's are computed as of its close.
    ? await currentPlanStatus(db, planId, today, calendar)
    : await planStatus(db, planId, dayAfterClose(asOf), calendar, { cutoff: asOf, reviewedBy: today > asOf ? today : dayAfterClose(asOf) });
  const byId = new Map(status.tasks.map((s) => [s.taskId, s]));
  const seqOf = new Map(inds.map((i) => [i.id, i.seq]));
  // Unit names per task and role, grouped once (links are in position order).
  const namesOf = new Map<string, Set<string>>();
  for (const l of links) {
    const key = `${l.taskId}|${l.role}`;
    const set = namesOf.get(key);
    if (set) set.add(l.name);
    else namesOf.set(key, new Set([l.name]));
  }
  const names = (taskId: number, role: 'lead' | 'responsible') => [...(namesOf.get(`${taskId}|${role}`) ?? [])];
  const out = rows.flatMap(({ t }): TaskProgress[] => {
    const s = byId.get(t.id);
    if (!s) return [];
    return [{
      seq: t.seq, indicatorSeq: t.indicatorId === null ? 0 : (seqOf.get(t.indicatorId) ?? 0), text: t.text,
      leadUnits: names(t.id, 'lead'), responsibleUnits: names(t.id, 'responsible'), deadline: t.deadline, deadlineRaw: t.deadlineRaw,
      light: s.light, completedOn: s.completedOn, progressNote: s.light === 'done' ? null : s.note,
      dueOn: s.dueOn, ongoing: s.ongoing, overdue: s.overdue, nearDue: s.nearDue,
    }];
  });
  return {
    indicators: inds.map((i) => ({ seq: i.seq, name: i.name, leader: i.leader, leadUnits: i.leadUnits })),
    tasks: out,
    taskIds: new Map(rows.map((r) => [r.t.seq, r.t.id])),
    yellowWithinDays: status.rules.yellowWithinDays,
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
  const rows = await db.select({ taskId: taskLights.taskId, period: taskLights.period, light: taskLights.light, plannedDueOn: tasks.dueOn, extendedDueOn: taskSupervision.extendedDueOn, completedAt: taskSupervision.completedAt, doneOn: taskSupervision.doneOn })
    .from(taskLights).innerJoin(tasks, eq(tasks.id, taskLights.taskId)).leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id))
    .where(eq(tasks.planId, planId));
  const byPeriod = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byPeriod.get(r.period);
    if (list) list.push(r);
    else byPeriod.set(r.period, [r]);
  }
  const points: { end: string; point: TrendPoint }[] = [];
  for (const [key, list] of byPeriod) {
    const p = parsePeriod(key);
    if (!p || p.end >= before.start) continue;
    const due = list.map((r) => ({ ...r, dueOn: r.extendedDueOn ?? r.plannedDueOn })).filter((r) => r.dueOn !== null && r.dueOn <= p.end);
    if (!due.length) continue;
    const done = due.filter((r) => r.light === 'done');
    const onTime = done.filter((r) => doneOnTime({ dueOn: r.dueOn, completedOn: completionDate(r) ?? p.end }));
    points.push({ end: p.end, point: { label: shortLabel(p), completionRate: done.length / due.length, onTimeRate: onTime.length / due.length } });
  }
  return points.sort((a, b) => a.end.localeCompare(b.end)).slice(-limit).map((p) => p.point);
}
