/**
 * The periodic documents an office owes on a day, from the plan's reporting cycle: 一旬一简报 when
 * it reports per 旬, 一月一通报 always, 一季一小结 when it reports per quarter. Each is owed for the
 * last period of its kind that has ended, while that period lies within the plan's supervision.
 */
import { periodContaining, previousPeriod, type Period } from './periods.ts';
import { cycleOn, isOwedPeriod, type PlanSchedule } from './plan-periods.ts';

export type PeriodicDocumentKind = 'dekad-brief' | 'monthly-notice' | 'quarterly-summary';

export interface DueDocument { kind: PeriodicDocumentKind; period: Period }

/** The documents owed on `today` for the plan, brief first. */
export function dueDocuments(schedule: PlanSchedule, today: string): DueDocument[] {
  const cycle = cycleOn(schedule, today);
  const wanted: [PeriodicDocumentKind, 'xun' | 'month' | 'quarter'][] = [
    ...(cycle === 'xun' ? [['dekad-brief', 'xun'] as [PeriodicDocumentKind, 'xun']] : []),
    ['monthly-notice', 'month'],
    ...(cycle === 'quarter' ? [['quarterly-summary', 'quarter'] as [PeriodicDocumentKind, 'quarter']] : []),
  ];
  const out: DueDocument[] = [];
  for (const [kind, periodKind] of wanted) {
    const period = previousPeriod(periodContaining(today, periodKind));
    if (isOwedPeriod(period, schedule)) out.push({ kind, period });
  }
  return out;
}
