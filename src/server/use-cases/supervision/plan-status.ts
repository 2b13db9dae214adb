/**
 * The supervision state of every task of a plan on a day, from the database through the domain
 * model — the one place the board, the documents, the dashboard and the reminders get lights,
 * overdue, 临期, completion dates and late reports from. `day` is the day the rules are applied on;
 * `cutoff` the last day whose events count (the board: today; a document "as of the close of A":
 * day A + 1, cutoff A).
 */
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { isOngoingDeadline } from '../../../domain/deadline.ts';
import { deadlinePassed, effectiveDueOn, isNearDue, isOverdue } from '../../../domain/supervision/due-dates.ts';
import { lastOwedPeriod, type PlanSchedule } from '../../../domain/supervision/plan-periods.ts';
import { DEFAULT_LIGHT_RULES, type Light, type LightRules } from '../../../domain/supervision/task-light.ts';
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { plans, taskUnits, tasks } from '../../../db/schema.ts';
import { supervisionOf } from '../../../db/queries/supervision-of.ts';
import { planSupervision, progressReports } from '../../../db/supervision-schema.ts';
import { memoisedMany, remember } from '../../../db/request-memo.ts';
import { loadPlanSettings, type PlanSettings } from './task-context.ts';
import { emptyFold, foldReport, statusLight, type ReportFold } from '../../../domain/supervision/report-fold.ts';
import { casePressure } from '../cases/case-pressure.ts';

export interface TaskStatus {
  taskId: number;
  seq: number;
  indicatorId: number | null;
  /** The plan's due date (kept for the assessment) and the effective one (after an extension). */
  plannedDueOn: string | null;
  dueOn: string | null;
  ongoing: boolean;
  /** Completion date (the unit's 已完成 report, confirmed) when done by the cutoff, else null. */
  completedOn: string | null;
  deadlinePassed: boolean;
  overdue: boolean;
  nearDue: boolean;
  lateReport: boolean;
  light: Light;
  reasons: string[];
  /** The lead unit's latest progress text by the cutoff. */
  note: string | null;
}

export interface PlanStatus {
  schedule: PlanSchedule;
  rules: LightRules;
  day: string;
  tasks: TaskStatus[];
}

export interface ScheduleAndRules { schedule: PlanSchedule; rules: LightRules }

/** The plan's schedule (year, start, cycle) and light rules. */
export async function planSchedule(db: Db | Tx, planId: number): Promise<ScheduleAndRules> {
  const found = (await planSchedules(db, [planId])).get(planId);
  if (!found) throw new Error(`plan ${planId} not found`);
  return found;
}

/** A plan's schedule and light rules from its row and settings. */
export function scheduleOf(plan: { year: number; createdAt: Date }, s: PlanSettings): ScheduleAndRules {
  return {
    schedule: { year: plan.year, createdOn: chinaDate(plan.createdAt), cycle: s.cycle, previousCycle: s.previousCycle, cycleFrom: s.cycleFrom, dueWorkdays: s.dueWorkdays },
    rules: { ...DEFAULT_LIGHT_RULES, yellowWithinDays: s.yellowWithinDays, redAfterReturns: s.redAfterReturns },
  };
}

/**
 * The schedules and light rules of several plans in one statement (plans joined to their
 * settings), memoised for the request on the pool; plans not found are absent from the map.
 */
export function planSchedules(db: Db | Tx, planIds: readonly number[]): Promise<Map<number, ScheduleAndRules>> {
  return memoisedMany(db, 'schedule', planIds, async (ids) => {
    const rows = await db.select({ id: plans.id, year: plans.year, createdAt: plans.createdAt, settings: planSupervision })
      .from(plans).leftJoin(planSupervision, eq(planSupervision.planId, plans.id)).where(inArray(plans.id, ids));
    const out = new Map<number, ScheduleAndRules>();
    for (const row of rows) {
      // A plan without settings yet gets the defaults stored, as planSettings does on first use.
      const s = row.settings ?? await loadPlanSettings(db, row.id);
      remember(db, `settings:${row.id}`, s);
      out.set(row.id, scheduleOf(row, s));
    }
    return out;
  });
}

/** Completion date of a completed task: the reported-done day, else (older rows) the review's day. */
export function completionDate(row: { completedAt: Date | null; doneOn: string | null }): string | null {
  if (!row.completedAt) return null;
  return row.doneOn ?? chinaDate(row.completedAt);
}

/** A task's deadline and completion as stored (tasks, task_supervision). */
export interface DeadlineRow { plannedDueOn: string | null; deadline: string | null; extendedDueOn: string | null; completedAt: Date | null; doneOn: string | null }

export type DeadlineFacts = Pick<TaskStatus, 'plannedDueOn' | 'dueOn' | 'ongoing' | 'completedOn' | 'deadlinePassed' | 'overdue' | 'nearDue'>;

/**
 * What a task's deadline and completion say on `day` — the figures that need no reports, shared by
 * the computed status (planStatus) and the stored lights' readers (lights.ts).
 */
export function deadlineFacts(row: DeadlineRow, day: string, options: { cutoff?: string; reviewedBy?: string; yellowWithinDays: number }): DeadlineFacts {
  const { cutoff = day, reviewedBy = day } = options;
  const ongoing = isOngoingDeadline(row.deadline);
  const dueOn = effectiveDueOn({ plannedDueOn: row.plannedDueOn, extendedDueOn: row.extendedDueOn, ongoing });
  const reviewedOn = row.completedAt ? chinaDate(row.completedAt) : null;
  const completed = completionDate(row);
  // Done by the cutoff: confirmed by the review (by the day the figures are taken) and reported done by the cutoff.
  const completedOn = completed !== null && reviewedOn !== null && reviewedOn <= reviewedBy && completed <= cutoff ? completed : null;
  const done = completedOn !== null;
  return {
    plannedDueOn: row.plannedDueOn, dueOn, ongoing, completedOn,
    deadlinePassed: deadlinePassed(dueOn, day), overdue: isOverdue(dueOn, done, day), nearDue: isNearDue(dueOn, done, day, options.yellowWithinDays),
  };
}

export interface StatusOptions {
  /** Last day whose reports and completions count (default: `day`). */
  cutoff?: string;
  /** Completion reviews made by this day confirm a completion dated by the cutoff (default: `day`). */
  reviewedBy?: string;
  taskIds?: number[];
}

/** The state of every task of a plan (or of the given tasks) on `day`. */
export async function planStatus(db: Db | Tx, planId: number, day: string, calendar: WorkCalendar, options: StatusOptions = {}): Promise<PlanStatus> {
  const { cutoff = day, reviewedBy = day, taskIds } = options;
  const { schedule, rules } = await planSchedule(db, planId);
  const ts = supervisionOf(db);
  const rows = await db.select({ t: { id: tasks.id, seq: tasks.seq, indicatorId: tasks.indicatorId, dueOn: tasks.dueOn, deadline: tasks.deadline }, extendedDueOn: ts.extendedDueOn, completedAt: ts.completedAt, doneOn: ts.doneOn })
    .from(tasks).leftJoinLateral(ts, sql`true`)
    .where(and(eq(tasks.planId, planId), taskIds ? inArray(tasks.id, taskIds.length ? taskIds : [-1]) : undefined)).orderBy(asc(tasks.seq));
  const ids = rows.map((r) => r.t.id);
  if (!ids.length) return { schedule, rules, day, tasks: [] };
  const end = new Date(`${cutoff}T23:59:59.999+08:00`);
  const links = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, role: taskUnits.role }).from(taskUnits).where(inArray(taskUnits.taskId, ids));
  const owed = lastOwedPeriod(schedule, day, calendar);
  // The lead units' reports of every period (latest state, returns in a row) and, of the owed
  // period, everyone's (who filed): the responsible units' reports of other periods are not read.
  const reports = await db.select({ taskId: progressReports.taskId, unitId: progressReports.unitId, period: progressReports.period, role: progressReports.role, state: progressReports.state, status: progressReports.status, workDone: progressReports.workDone, problems: progressReports.problems })
    .from(progressReports)
    .where(and(inArray(progressReports.taskId, ids), inArray(progressReports.state, ['submitted', 'accepted', 'returned']), lte(progressReports.submittedAt, end),
      owed ? or(eq(progressReports.role, 'lead'), eq(progressReports.period, owed.period.key)) : eq(progressReports.role, 'lead')))
    .orderBy(asc(progressReports.submittedAt), asc(progressReports.id));
  const leadsOf = new Map<number, number[]>();
  for (const l of links) {
    if (l.role !== 'lead') continue;
    const list = leadsOf.get(l.taskId);
    if (list) list.push(l.unitId);
    else leadsOf.set(l.taskId, [l.unitId]);
  }
  // Overdue and 不满意 problems linked to a task count against its light (the plan's case rule).
  const cases = await casePressure(db, planId, day, cutoff);
  const folds = new Map<number, ReportFold>();
  const owedKey = owed?.period.key ?? null;
  for (const r of reports) {
    let fold = folds.get(r.taskId);
    if (!fold) folds.set(r.taskId, (fold = emptyFold()));
    foldReport(fold, r, owedKey);
  }
  const out = rows.map(({ t, extendedDueOn, completedAt, doneOn }): TaskStatus => {
    const facts = deadlineFacts({ plannedDueOn: t.dueOn, deadline: t.deadline, extendedDueOn, completedAt, doneOn }, day, { cutoff, reviewedBy, yellowWithinDays: rules.yellowWithinDays });
    const fold = folds.get(t.id);
    const { lateReport, light, reasons } = statusLight({
      ...facts, fold, leadUnitIds: leadsOf.get(t.id) ?? [], owed, pressure: cases.byTask.get(t.id) ?? [], caseRule: cases.rule,
    }, day, rules);
    return { taskId: t.id, seq: t.seq, indicatorId: t.indicatorId, ...facts, lateReport, light, reasons, note: fold?.note ?? null };
  });
  return { schedule, rules, day, tasks: out };
}
