/**
 * A task's filed reports folded into what its light needs, and the light itself — one rule for the
 * plan's board (planStatus, all tasks at once) and the task page (one task read with its reports).
 */
import { applyCasePressure, type TaskLightRule } from '../cases/case-light.ts';
import { isReportLate } from './late-report.ts';
import type { Period } from './periods.ts';
import { taskLight, type Light, type LightRules } from './task-light.ts';

/** A submitted, accepted or returned report as the lights read it. */
export interface FiledReportFact {
  unitId: number; period: string; role: 'lead' | 'responsible'; state: string; status: string; workDone: string; problems: string;
}

export interface ReportFold {
  /** Units that filed the owed period's report (a returned one does not count). */
  filed: Set<number>;
  /** The lead units' latest report says 已完成. */
  reportedDone: boolean;
  /** The lead units' reports returned in a row, latest first. */
  consecutiveReturns: number;
  /** The lead units' latest progress text. */
  note: string | null;
}

export function emptyFold(): ReportFold {
  return { filed: new Set(), reportedDone: false, consecutiveReturns: 0, note: null };
}

/** Adds one report; reports must come in submission order, so the fold ends as "the latest" and "returns in a row". */
export function foldReport(fold: ReportFold, r: FiledReportFact, owedPeriodKey: string | null): void {
  if (owedPeriodKey !== null && r.period === owedPeriodKey && r.state !== 'returned') fold.filed.add(r.unitId);
  if (r.role !== 'lead') return;
  if (r.state !== 'returned') {
    fold.reportedDone = r.status === 'done';
    fold.note = r.problems.trim() ? `${r.workDone}；存在问题：${r.problems.trim()}` : r.workDone;
  }
  fold.consecutiveReturns = r.state === 'returned' ? fold.consecutiveReturns + 1 : 0;
}

export interface LightInput {
  dueOn: string | null; completedOn: string | null; ongoing: boolean;
  fold: ReportFold | undefined;
  leadUnitIds: number[];
  owed: { period: Period; dueOn: string } | null;
  /** Reasons from problems (督查整改, 诉求) linked to the task, and the plan's rule for them. */
  pressure: string[];
  caseRule: TaskLightRule;
}

/** The task's light on `day`: deadline, reports and late report, then the linked problems' pressure. */
export function statusLight(i: LightInput, day: string, rules: LightRules): { lateReport: boolean; light: Light; reasons: string[] } {
  const lateReport = i.owed !== null && isReportLate({
    period: i.owed.period, reportDueOn: i.owed.dueOn, dueOn: i.dueOn, completedOn: i.completedOn, leadUnitIds: i.leadUnitIds, filedUnitIds: i.fold?.filed ?? new Set(),
  }, day);
  const own = taskLight({
    dueOn: i.dueOn, completed: i.completedOn !== null, reportedDone: i.fold?.reportedDone ?? false, lateReport, consecutiveReturns: i.fold?.consecutiveReturns ?? 0, ongoing: i.ongoing,
  }, day, rules);
  return { lateReport, ...applyCasePressure(own.light, own.reasons, i.pressure, i.caseRule) };
}
