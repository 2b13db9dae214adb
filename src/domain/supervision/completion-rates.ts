/**
 * Completion figures of a group of tasks on a day: 已到期 (deadline passed), 已办结, 按时完成,
 * 逾期未办结, 临期 and the rates, from the due-date rules. The completion date is the day the unit
 * reported the task done (the lead unit's 已完成 report that the office confirmed in 办结审核), not
 * the day of the office's click; a task is on time when that date is on or before its effective
 * due date.
 */
import { deadlinePassed, isNearDue, isOverdue } from './due-dates.ts';

export interface TaskDoneFacts {
  /** Effective due date, or null (no deadline or ongoing). */
  dueOn: string | null;
  /** Completion date (the unit's 已完成 report, confirmed), or null while not done on the day. */
  completedOn: string | null;
}

export interface CompletionFigures {
  total: number;
  /** Tasks whose deadline has passed on the day. */
  due: number;
  /** Tasks done (any deadline). */
  done: number;
  /** Tasks whose deadline passed and that are done. */
  doneDue: number;
  /** Of those due, done by their due date. */
  onTime: number;
  /** Due and not done: 逾期未办结 (= due − doneDue). */
  overdue: number;
  /** 临期. */
  nearDue: number;
  completionRate: number | null;
  onTimeRate: number | null;
}

/** True when the task is done on or before its due date (done without a deadline counts as on time). */
export function doneOnTime(t: TaskDoneFacts): boolean {
  return t.completedOn !== null && (t.dueOn === null || t.completedOn <= t.dueOn);
}

/** The figures of tasks on `day` (events up to the day before are what counts; see due-dates). */
export function completionFigures(tasks: readonly TaskDoneFacts[], day: string, yellowWithinDays: number): CompletionFigures {
  const due = tasks.filter((t) => deadlinePassed(t.dueOn, day));
  const doneDue = due.filter((t) => t.completedOn !== null).length;
  const onTime = due.filter(doneOnTime).length;
  return {
    total: tasks.length,
    due: due.length,
    done: tasks.filter((t) => t.completedOn !== null).length,
    doneDue,
    onTime,
    overdue: tasks.filter((t) => isOverdue(t.dueOn, t.completedOn !== null, day)).length,
    nearDue: tasks.filter((t) => isNearDue(t.dueOn, t.completedOn !== null, day, yellowWithinDays)).length,
    completionRate: due.length ? doneDue / due.length : null,
    onTimeRate: due.length ? onTime / due.length : null,
  };
}
