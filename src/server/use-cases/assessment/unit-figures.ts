/**
 * The supervision figures of each unit for one period (标准量化), from the plan's tasks, task–unit
 * links, progress reports and extension requests. Pure, so the counting rules can be read and
 * tested apart from the queries:
 * - on-time report rate: reports owed (task × reporting period of the plan's cycle inside the
 *   period, task not yet completed when that reporting period began) that were first submitted
 *   by the report's due date (n-th working day after the reporting period); a report not yet due
 *   and not yet filed is not counted;
 * - completion rate: tasks due by the period's end that were completed by then (1 when none due);
 * - overdue tasks: tasks whose deadline passed before the period's end (or today) and that were
 *   not completed — the plan's deadline, not an extended one: extensions count on their own;
 * - returned reports and extension requests (not withdrawn) within the period.
 */
import { owesReport } from '../../../domain/supervision/late-report.ts';
import type { Period } from '../../../domain/supervision/periods.ts';
import type { UnitPeriodInput } from '../../../evaluation/index.ts';

export interface FigureInputs {
  period: Period;
  /** Reporting periods of the plan's cycle inside `period`, each with its report due date. */
  reportingPeriods: { key: string; start: string; dueOn: string }[];
  /** min(period end, today): tasks are overdue or completed as of this day. */
  asOf: string;
  /** Today (China): a report whose due date has not passed is not owed yet. */
  today: string;
  tasks: { id: number; dueOn: string | null; completedOn: string | null }[];
  links: { taskId: number; unitId: number; unitName: string }[];
  reports: { taskId: number; unitId: number; period: string; state: string; submittedOn: string | null }[];
  extensions: { unitId: number; createdOn: string; state: string }[];
}

/** A unit's figures with its id, ready for the engine's assessUnits. */
export type UnitFigures = UnitPeriodInput & { unitId: number };

interface UnitCounts { owed: number; onTime: number; due: number; completed: number; overdue: number; returned: number; extensions: number; tasks: Set<number> }

function reportCounts(input: FigureInputs, c: UnitCounts, unitId: number, taskId: number, completedOn: string | null): void {
  for (const rp of input.reportingPeriods) {
    if (!owesReport({ period: rp, completedOn })) continue;
    const mine = input.reports.filter((r) => r.taskId === taskId && r.unitId === unitId && r.period === rp.key);
    const first = mine.map((r) => r.submittedOn).filter((d): d is string => d !== null).sort()[0];
    // A report not yet due and not yet filed is not owed yet.
    if (first === undefined && rp.dueOn >= input.today) continue;
    c.owed++;
    if (first !== undefined && first <= rp.dueOn) c.onTime++;
    c.returned += mine.filter((r) => r.state === 'returned').length;
  }
}

/** Figures per unit linked to the plan's tasks, in the order units first appear in the links. */
export function unitFigures(input: FigureInputs): UnitFigures[] {
  const tasks = new Map(input.tasks.map((t) => [t.id, t]));
  const counts = new Map<number, UnitCounts & { name: string }>();
  for (const link of input.links) {
    const task = tasks.get(link.taskId);
    if (!task) continue;
    const c = counts.get(link.unitId) ?? { name: link.unitName, owed: 0, onTime: 0, due: 0, completed: 0, overdue: 0, returned: 0, extensions: 0, tasks: new Set<number>() };
    counts.set(link.unitId, c);
    // A unit linked twice to one task (lead and responsible) owes one report, not two.
    if (c.tasks.has(task.id)) continue;
    c.tasks.add(task.id);
    const completedOn = task.completedOn !== null && task.completedOn <= input.asOf ? task.completedOn : null;
    reportCounts(input, c, link.unitId, task.id, completedOn);
    if (task.dueOn !== null && task.dueOn <= input.period.end) {
      c.due++;
      if (completedOn !== null) c.completed++;
      else if (task.dueOn < input.asOf) c.overdue++;
    }
  }
  for (const e of input.extensions) {
    const c = counts.get(e.unitId);
    if (c && e.state !== 'withdrawn' && e.createdOn >= input.period.start && e.createdOn <= input.period.end) c.extensions++;
  }
  // A unit that owed no report and had nothing due in the period has nothing to assess: no score, no rank.
  return [...counts.entries()].map(([unitId, c]) => ({
    unitId, unit: c.name, period: input.period.key, tasks: c.owed === 0 && c.due === 0 ? 0 : c.tasks.size,
    onTimeReportRate: c.owed === 0 ? 1 : c.onTime / c.owed,
    completionRate: c.due === 0 ? 1 : c.completed / c.due,
    overdueTasks: c.overdue, returnedReports: c.returned, extensions: c.extensions,
  }));
}
