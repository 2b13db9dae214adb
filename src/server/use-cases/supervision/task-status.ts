/**
 * One task's supervision state on a day, from the facts read with the task itself
 * (findTaskDetail): the rules planStatus applies to a plan's tasks, applied to one task without
 * re-reading its plan, settings, links, reports and cases statement by statement. The task page
 * is opened far more often than a plan's board; task-status.test.ts holds the two to the same
 * answers.
 */
import { DEFAULT_CASE_RULES, type TaskLightRule } from '../../../domain/cases/case-light.ts';
import { emptyFold, foldReport, statusLight } from '../../../domain/supervision/report-fold.ts';
import { lastOwedPeriod } from '../../../domain/supervision/plan-periods.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { TaskDetailRecord } from '../../../db/queries/task-query.ts';
import { caseReasons, dissatisfiedCases } from '../cases/case-pressure.ts';
import { deadlineFacts, scheduleOf, type TaskStatus } from './plan-status.ts';
import type { PlanSettings } from './task-context.ts';

/** The task's state on `day` (events up to the end of `day` count), as planStatus computes it. */
export function oneTaskStatus(t: TaskDetailRecord, settings: PlanSettings, day: string, calendar: WorkCalendar): TaskStatus {
  const { schedule, rules } = scheduleOf(t.plan, settings);
  const facts = deadlineFacts({ plannedDueOn: t.plannedDueOn, deadline: t.task.deadline, ...t.supervision }, day, { yellowWithinDays: rules.yellowWithinDays });
  const owed = lastOwedPeriod(schedule, day, calendar);
  const fold = emptyFold();
  for (const r of t.filedReports) foldReport(fold, r, owed?.period.key ?? null);
  const rule = (t.caseLightRule ?? DEFAULT_CASE_RULES.taskLightRule) as TaskLightRule;
  const dissatisfied = dissatisfiedCases(t.cases.flatMap((c) => c.events));
  const pressure = rule === 'off' ? [] : t.cases.flatMap((c) => caseReasons(c, dissatisfied.has(c.id), day));
  const { lateReport, light, reasons } = statusLight({ ...facts, fold, leadUnitIds: t.task.leadUnits.map((u) => u.id), owed, pressure, caseRule: rule }, day, rules);
  const note = fold.note;
  return { taskId: t.task.id, seq: t.task.seq, indicatorId: t.task.indicator?.id ?? null, ...facts, lateReport, light, reasons, note };
}
