/**
 * A case's light by the supervision model: its reply is due a number of working days after 交办
 * (by kind, configurable per plan); 临期 within `nearWorkdays` working days of the deadline; overdue
 * from the day after it while the office has not accepted a reply. An accepted case is done; it
 * was on time when its accepted reply came by the (possibly extended) deadline.
 */
import type { WorkCalendar } from '../supervision/work-calendar.ts';
import type { Light } from '../supervision/task-light.ts';
import { DEFAULT_KIND_WORKDAYS, type CaseKind } from './case-model.ts';

export interface CaseRules {
  /** Working days from 交办 to the reply, by kind. */
  kindWorkdays: Record<CaseKind, number>;
  /** 临期 when at most this many working days are left. */
  nearWorkdays: number;
  /** How an overdue or 不满意 case weighs on its linked task's light. */
  taskLightRule: TaskLightRule;
}

/** off: no effect; downgrade: green → yellow, yellow → red; red: the task turns red. */
export type TaskLightRule = 'off' | 'downgrade' | 'red';

export const DEFAULT_CASE_RULES: CaseRules = { kindWorkdays: DEFAULT_KIND_WORKDAYS, nearWorkdays: 2, taskLightRule: 'downgrade' };

/** The reply deadline of a case assigned on `assignedOn`. */
export function caseDueOn(assignedOn: string, kind: CaseKind, rules: CaseRules, calendar: WorkCalendar): string {
  return calendar.addWorkdays(assignedOn, rules.kindWorkdays[kind] ?? DEFAULT_KIND_WORKDAYS[kind]);
}

export interface CaseTiming {
  dueOn: string | null;
  /** The day the office accepted the reply (the case is done), or null. */
  finishedOn: string | null;
}

/** Overdue on `day`: not finished by it and its deadline has passed. */
export function caseOverdue(c: CaseTiming, day: string): boolean {
  return c.dueOn !== null && c.dueOn < day && (c.finishedOn === null || c.finishedOn > day);
}

/** On time: finished by its deadline. */
export function caseOnTime(c: CaseTiming): boolean {
  return c.finishedOn !== null && (c.dueOn === null || c.finishedOn <= c.dueOn);
}

export interface CaseLight { light: Light; reason: string }

/** The case's light on `day`. */
export function caseLight(c: CaseTiming & { returns: number }, day: string, calendar: WorkCalendar, rules: CaseRules = DEFAULT_CASE_RULES): CaseLight {
  if (c.finishedOn !== null && c.finishedOn <= day) return { light: 'done', reason: caseOnTime(c) ? '已按期办结' : '已办结（超期）' };
  if (c.dueOn === null) return { light: 'green', reason: '尚未交办' };
  if (caseOverdue(c, day)) return { light: 'red', reason: `已超过办理时限 ${calendar.workdaysBetween(c.dueOn, day)} 个工作日` };
  const left = calendar.workdaysBetween(day, c.dueOn);
  if (left <= rules.nearWorkdays) return { light: 'yellow', reason: left === 0 ? '今天到期' : `临期：剩余 ${left} 个工作日` };
  if (c.returns > 0) return { light: 'yellow', reason: `已退回重办 ${c.returns} 次` };
  return { light: 'green', reason: `剩余 ${left} 个工作日` };
}

const WORSE: Record<Light, Light> = { green: 'yellow', yellow: 'red', red: 'red', done: 'done' };

/**
 * The linked task's light with its cases' pressure: with any overdue or 不满意 case the light is
 * lowered (or turned red) by the plan's rule, and the cases are named among the reasons. A task
 * the office accepted as done stays done.
 */
export function applyCasePressure(light: Light, reasons: string[], pressure: string[], rule: TaskLightRule): { light: Light; reasons: string[] } {
  if (rule === 'off' || pressure.length === 0 || light === 'done') return { light, reasons };
  return { light: rule === 'red' ? 'red' : WORSE[light], reasons: [...reasons, ...pressure] };
}
