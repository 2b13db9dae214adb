/**
 * The reporting periods of a plan. A plan is supervised from its start — the later of its year's
 * first day and the day it entered the platform — so a period that began before the plan existed
 * is never owed (nobody was asked to report in it).
 */
import { nextPeriod, periodContaining, previousPeriod, reportDueDate, type Period, type ReportingCycle } from './periods.ts';
import type { WorkCalendar } from './work-calendar.ts';

export interface PlanSchedule {
  /** The plan's year. */
  year: number;
  /** China date the plan entered the platform (import or creation). */
  createdOn: string;
  cycle: ReportingCycle;
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
  let p = periodContaining(planStart(s), s.cycle);
  if (p.start < planStart(s)) p = nextPeriod(p);
  for (; p.start <= planEnd(s) && p.start <= day; p = nextPeriod(p)) {
    const dueOn = reportDueDate(p, calendar, s.dueWorkdays);
    if (dueOn <= day) out.push({ period: p, dueOn });
  }
  return out;
}

/** The period whose report a late-report check looks at on `day`: the one before the current, if owed. */
export function lastOwedPeriod(s: PlanSchedule, day: string, calendar: WorkCalendar): { period: Period; dueOn: string } | null {
  const last = previousPeriod(periodContaining(day, s.cycle));
  if (!isOwedPeriod(last, s)) return null;
  return { period: last, dueOn: reportDueDate(last, calendar, s.dueWorkdays) };
}
