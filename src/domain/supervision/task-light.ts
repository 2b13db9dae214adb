/**
 * A task's light (红黄绿灯) on a date, from its deadline, its reports and the office's reviews.
 * The thresholds are the plan's (an office can adjust them); the defaults follow the issue's
 * rules: yellow when due within 15 days and not reported done, or a report is late; red when
 * overdue or returned twice in a row; done only after the office's completion review (办结审核).
 */
import { daysLeft, isNearDue, isOverdue } from './due-dates.ts';
import { daysBetween } from './work-calendar.ts';

export type Light = 'green' | 'yellow' | 'red' | 'done';

export interface LightRules {
  /** Days before the deadline from which a task not reported done turns yellow. */
  yellowWithinDays: number;
  /** Consecutive returned reports that turn a task red. */
  redAfterReturns: number;
}

export const DEFAULT_LIGHT_RULES: LightRules = { yellowWithinDays: 15, redAfterReturns: 2 };

export interface TaskLightInput {
  /** Effective due date (the extended one after an approved extension), YYYY-MM-DD, or null. */
  dueOn: string | null;
  /** The office accepted completion (办结审核). */
  completed: boolean;
  /** The latest submitted report says 已完成. */
  reportedDone: boolean;
  /** A period's report is past its due date and not submitted. */
  lateReport: boolean;
  /** Returned reports in a row, newest first, until the first accepted one. */
  consecutiveReturns: number;
  /** 持续推进/长期坚持: no deadline, never overdue. */
  ongoing?: boolean;
}

export interface LightResult {
  light: Light;
  /** Why, in Chinese, for the 预警 board and the timeline. */
  reasons: string[];
}

/** Computes the light of one task on `today` (YYYY-MM-DD). */
export function taskLight(input: TaskLightInput, today: string, rules: LightRules = DEFAULT_LIGHT_RULES): LightResult {
  if (input.completed) return { light: 'done', reasons: ['已办结'] };
  const red: string[] = [];
  const yellow: string[] = [];
  const dueOn = input.ongoing ? null : input.dueOn;
  if (dueOn && isOverdue(dueOn, false, today)) red.push(`已超过完成时限 ${daysBetween(dueOn, today)} 天`);
  if (input.consecutiveReturns >= rules.redAfterReturns) red.push(`进展报告连续 ${input.consecutiveReturns} 次被退回`);
  if (red.length) return { light: 'red', reasons: red };
  if (!input.reportedDone && isNearDue(dueOn, false, today, rules.yellowWithinDays)) {
    yellow.push(`距完成时限仅剩 ${daysLeft(dueOn, today) ?? 0} 天，尚未报告完成`);
  }
  if (input.lateReport) yellow.push('进展报告逾期未报');
  if (yellow.length) return { light: 'yellow', reasons: yellow };
  return { light: 'green', reasons: input.ongoing ? ['持续推进，按期报送进展'] : [] };
}
