/**
 * The reporting periods of a plan. A plan is supervised from its start — the later of its year's
 * first day and the day it entered the platform — so a period that began before the plan existed
 * is never owed (nobody was asked to report in it).
 */
import { nextPeriod, periodContaining, reportDueDate, type Period, type ReportingCycle } from './periods.ts';
import { addDays, type WorkCalendar } from './work-calendar.ts';

export interface PlanSchedule {
  /** The plan's year. */
  year: number;
  /** China date the plan entered the platform (import or creation). */
  createdOn: string;
  cycle: ReportingCycle;
  /**
   * A cycle change: periods that begin before `cycleFrom` use `previousCycle`, later ones `cycle`.
   * Reports filed under the old cycle's periods keep their keys and stay owed and counted.
   */
  previousCycle?: ReportingCycle | null;
  cycleFrom?: string | null;
  /** The report of a period is due on this working day after it ends. */
  dueWorkdays: number;
}

/** First day of supervision of a plan. */
export function planStart(s: Pick<PlanSchedule, 'year' | 'createdOn'>): string {
  const yearStart = `${s.year}-01-01`;
  return s.createdOn > yearStart ? s.createdOn : yearStart;
}

/** Last day of the plan's supervision: the end of its year. */
export function planEnd(s: Pick<PlanSchedule, 'year'>): string {
  return `${s.year}-12-31`;
}

/** True when units are asked to report on the period: it began on or after the plan's start, within its year. */
export function isOwedPeriod(p: Pick<Period, 'start'>, s: Pick<PlanSchedule, 'year' | 'createdOn'>): boolean {
  return p.start >= planStart(s) && p.start <= planEnd(s);
}

/** The owed periods of a plan whose report due date is on or before `day`, oldest first. */
export function periodsDueBy(s: PlanSchedule, day: string, calendar: WorkCalendar): { period: Period; dueOn: string }[] {
  const out: { period: Period; dueOn: string }[] = [];
  let p = schedulePeriodContaining(s, planStart(s));
  if (p.start < planStart(s)) p = scheduleNextPeriod(s, p);
  for (; p.start <= planEnd(s) && p.start <= day; p = scheduleNextPeriod(s, p)) {
    const dueOn = reportDueDate(p, calendar, s.dueWorkdays);
    if (dueOn <= day) out.push({ period: p, dueOn });
  }
  return out;
}

/** The period whose report a late-report check looks at on `day`: the one before the current, if owed. */
export function lastOwedPeriod(s: PlanSchedule, day: string, calendar: WorkCalendar): { period: Period; dueOn: string } | null {
  const last = schedulePreviousPeriod(s, schedulePeriodContaining(s, day));
  if (!isOwedPeriod(last, s)) return null;
  return { period: last, dueOn: reportDueDate(last, calendar, s.dueWorkdays) };
}

/** A plan's cycle with its last change, as stored with the plan's settings. */
export type CycleHistory = Pick<PlanSchedule, 'cycle' | 'previousCycle' | 'cycleFrom'>;

/** The reporting cycle in force on a day. */
export function cycleOn(s: CycleHistory, day: string): ReportingCycle {
  return s.previousCycle && s.cycleFrom && day < s.cycleFrom ? s.previousCycle : s.cycle;
}

/** The plan's reporting period that contains a day (old cycle before a change takes effect). */
export function schedulePeriodContaining(s: CycleHistory, day: string): Period {
  return periodContaining(day, cycleOn(s, day));
}

/** The plan's period right after the given one; the periods of both cycles tile the year without gaps. */
export function scheduleNextPeriod(s: CycleHistory, p: Period): Period {
  return schedulePeriodContaining(s, addDays(p.end, 1));
}

/** The plan's period right before the given one. */
export function schedulePreviousPeriod(s: CycleHistory, p: Period): Period {
  return schedulePeriodContaining(s, addDays(p.start, -1));
}

/** True when the period (e.g. from a report's key) is one of the plan's periods under its cycle history. */
export function isSchedulePeriod(s: CycleHistory, p: Period): boolean {
  return schedulePeriodContaining(s, p.start).key === p.key;
}

/**
 * The cycle state after the office switches to `next` on `day`. The change takes effect from the
 * first period of the new cycle that begins after the current period of the cycle in force ends, so
 * the period under way (and every report filed for it) keeps its cycle. Before the plan's
 * supervision starts, nothing has been owed and the change applies at once.
 */
export function changeCycle(s: CycleHistory & Pick<PlanSchedule, 'year' | 'createdOn'>, next: ReportingCycle, day: string): Required<CycleHistory> {
  const inForce = cycleOn(s, day);
  if (day < planStart(s)) return { cycle: next, previousCycle: null, cycleFrom: null };
  if (next === inForce && !(s.cycleFrom && day < s.cycleFrom)) return { cycle: next, previousCycle: s.previousCycle ?? null, cycleFrom: s.cycleFrom ?? null };
  if (next === inForce) return { cycle: next, previousCycle: null, cycleFrom: null };
  const after = addDays(periodContaining(day, inForce).end, 1);
  let first = periodContaining(after, next);
  if (first.start < after) first = nextPeriod(first);
  return { cycle: next, previousCycle: inForce, cycleFrom: first.start };
}
