/**
 * The day rules of a task's deadline, used by every surface (board, dashboard, documents, unit
 * assessment, reminders). A task's effective due date is the extended one after an approved
 * extension, else the plan's; the plan's own date stays for the unit assessment.
 *
 * On a day T (China date):
 * - its deadline has passed (已到期) when dueOn < T — on the deadline day itself there is still time;
 * - it is overdue (逾期未办结) from the day after its deadline while not done: dueOn < T and not done,
 *   so 已到期 − 已到期且已办结 = 逾期未办结, always;
 * - it is 临期 when not done, not overdue and T ≤ dueOn ≤ T + yellowWithinDays;
 * - an ongoing task (持续推进/长期坚持) has no deadline: never overdue, never 临期, reported every period.
 * A document "as of the close of day A" uses T = A + 1 with the events up to the end of A.
 */
import { addDays, daysBetween } from './work-calendar.ts';

export interface TaskDue {
  /** The plan's due date (YYYY-MM-DD) or null. */
  plannedDueOn: string | null;
  /** After an approved extension, the new due date. */
  extendedDueOn: string | null;
  /** 持续推进 / 长期坚持. */
  ongoing: boolean;
}

/** The due date that counts for supervision: the extended one, else the plan's; null when ongoing. */
export function effectiveDueOn(t: TaskDue): string | null {
  if (t.ongoing) return null;
  return t.extendedDueOn ?? t.plannedDueOn;
}

/** True when the deadline has passed on day `day` (from the day after the due date). */
export function deadlinePassed(dueOn: string | null, day: string): boolean {
  return dueOn !== null && dueOn < day;
}

/** True when a task not done on `day` is overdue on that day. */
export function isOverdue(dueOn: string | null, done: boolean, day: string): boolean {
  return !done && deadlinePassed(dueOn, day);
}

/** Days left to the deadline on `day` (0 on the deadline day), or null without a deadline. */
export function daysLeft(dueOn: string | null, day: string): number | null {
  return dueOn === null ? null : daysBetween(day, dueOn);
}

/** 临期: not done, not yet overdue, due within `withinDays` days of `day` (inclusive). */
export function isNearDue(dueOn: string | null, done: boolean, day: string, withinDays: number): boolean {
  if (done || dueOn === null || dueOn < day) return false;
  return dueOn <= addDays(day, withinDays);
}

/** The day a document's figures "as of the close of `asOf`" are evaluated on. */
export function dayAfterClose(asOf: string): string {
  return addDays(asOf, 1);
}

/** An extension may be asked while the task has a deadline, is not done and the deadline has not passed. */
export function mayAskExtension(dueOn: string | null, done: boolean, day: string): boolean {
  return dueOn !== null && !done && !deadlinePassed(dueOn, day);
}
