/**
 * The late-report rule (进展报告逾期未报), written once: on `day`, a task's report for an owed period
 * is late when the report's due date has passed (`day` is after it), the task still owed reports
 * in that period (it was not completed before the period began — an overdue task keeps reporting
 * until it is done, an ongoing one always) and no lead unit filed (submitted or accepted) a report.
 */
export interface LateReportInput {
  period: { start: string };
  /** The period's report due date. */
  reportDueOn: string;
  /** Effective due date, or null. */
  dueOn: string | null;
  /** China date the task was completed (办结), or null. */
  completedOn: string | null;
  leadUnitIds: readonly number[];
  /** Units that filed a report for the period. */
  filedUnitIds: ReadonlySet<number>;
}

/** True when the task owed a report for the period (it was not completed before the period began). */
export function owesReport(i: Pick<LateReportInput, 'period' | 'completedOn'>): boolean {
  return i.completedOn === null || i.completedOn >= i.period.start;
}

/** True when the lead units' report for the period is late on `day`. */
export function isReportLate(i: LateReportInput, day: string): boolean {
  if (day <= i.reportDueOn || !owesReport(i)) return false;
  if (i.completedOn !== null && i.completedOn <= i.reportDueOn) return false;
  return i.leadUnitIds.length > 0 && !i.leadUnitIds.some((u) => i.filedUnitIds.has(u));
}

/** True when a report for the period was filed after its due date (补报, late). */
export function isFiledLate(submittedOn: string, reportDueOn: string): boolean {
  return submittedOn > reportDueOn;
}
