/**
 * One task's supervision state on a day, from the facts read with the task itself
 * (findTaskDetail): the rules planStatus applies to a plan's tasks, applied to one task without
 * re-reading its plan, settings, links, reports and cases statement by statement. The task page
 * is opened far more often than a plan's board; task-status.test.ts holds the two to the same
 * answers.
 */
import { applyCasePressure, DEFAULT_CASE_RULES, type TaskLightRule } from '../../../domain/cases/case-light.ts';
import { isReportLate } from '../../../domain/supervision/late-report.ts';
import { lastOwedPeriod, type PlanSchedule } from '../../../domain/supervision/plan-periods.ts';
import { DEFAULT_LIGHT_RULES, taskLight, type LightRules } from '../../../domain/supervision/task-light.ts';
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { TaskDetailRecord } from '../../../db/queries/task-query.ts';
import { caseReasons, dissatisfiedCases } from '../cases/case-pressure.ts';
import { deadlineFacts, type TaskStatus } from './plan-status.ts';
import type { PlanSettings } from './task-context.ts';

/** The plan's schedule and light rules from its row and settings (as planSchedule reads them). */
function scheduleOf(plan: { year: number; createdAt: Date }, s: PlanSettings): { schedule: PlanSchedule; rules: LightRules } {
  return {
    schedule: { year: plan.year, createdOn: chinaDate(plan.createdAt), cycle: s.cycle, previousCycle: s.previousCycle, cycleFrom: s.cycleFrom, dueWorkdays: s.dueWorkdays },
    rules: { ...DEFAULT_LIGHT_RULES, yellowWithinDays: s.yellowWithinDays, redAfterReturns: s.redAfterReturns },
  };
}

/** The task's state on `day` (events up to the end of `day` count), as planStatus computes it. */
export function oneTaskStatus(t: TaskDetailRecord, settings: PlanSettings, day: string, calendar: WorkCalendar): TaskStatus {
  const { schedule, rules } = scheduleOf(t.plan, settings);
  const facts = deadlineFacts({ plannedDueOn: t.plannedDueOn, deadline: t.task.deadline, ...t.supervision }, day, { yellowWithinDays: rules.yellowWithinDays });
  const owed = lastOwedPeriod(schedule, day, calendar);
  // The lead units' reports fold in submission order into "the latest" and "returns in a row";
  // of the owed period everyone's count as filed.
  const filed = new Set<number>();
  let reportedDone = false;
  let consecutiveReturns = 0;
  let note: string | null = null;
  for (const r of t.filedReports) {
    if (owed && r.period === owed.period.key && r.state !== 'returned') filed.add(r.unitId);
    if (r.role !== 'lead') continue;
    if (r.state !== 'returned') {
      reportedDone = r.status === 'done';
      note = r.problems.trim() ? `${r.workDone}；存在问题：${r.problems.trim()}` : r.workDone;
    }
    consecutiveReturns = r.state === 'returned' ? consecutiveReturns + 1 : 0;
  }
  const lateReport = owed !== null && isReportLate({
    period: owed.period, reportDueOn: owed.dueOn, dueOn: facts.dueOn, completedOn: facts.completedOn, leadUnitIds: t.task.leadUnits.map((u) => u.id), filedUnitIds: filed,
  }, day);
  const own = taskLight({ dueOn: facts.dueOn, completed: facts.completedOn !== null, reportedDone, lateReport, consecutiveReturns, ongoing: facts.ongoing }, day, rules);
  const rule = (t.caseLightRule ?? DEFAULT_CASE_RULES.taskLightRule) as TaskLightRule;
  const dissatisfied = dissatisfiedCases(t.cases.flatMap((c) => c.events));
  const pressure = rule === 'off' ? [] : t.cases.flatMap((c) => caseReasons(c, dissatisfied.has(c.id), day));
  const { light, reasons } = applyCasePressure(own.light, own.reasons, pressure, rule);
  return { taskId: t.task.id, seq: t.task.seq, indicatorId: t.task.indicator?.id ?? null, ...facts, lateReport, light, reasons, note };
}
