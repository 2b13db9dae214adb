/**
 * Completion figures for notices and reviews, from the supervision model's verdicts carried on
 * each task (domain/supervision). Definitions (printed in the notice's note so readers know what a
 * rate means), all as of the close of the report date:
 * - a task is 到期 when its effective deadline (after an approved extension) is on or before the
 *   report date; 逾期未办结 = 到期 and not done — so 到期 − 到期已办结 = 逾期未办结, always;
 * - 完成率 = 到期任务中已办结的 / 到期任务;
 * - 按时完成率 = 到期任务中在时限内办结的 / 到期任务, the completion date being the day the unit
 *   reported the task done (confirmed in 办结审核), not the day of the office's review.
 * Units are counted by their 牵头 role: the lead unit answers for the task.
 */
import { deadlinePassed, dayAfterClose } from '../../domain/supervision/due-dates.ts';
import { doneOnTime as onTimeRule } from '../../domain/supervision/completion-rates.ts';
import type { IndicatorInfo, TaskProgress } from '../report-data.ts';

/** Counts and rates for one group of tasks (an indicator, a unit or the whole plan). */
export interface RateRow {
  name: string;
  total: number;
  due: number;
  done: number;
  doneDue: number;
  onTime: number;
  /** 逾期未办结 (= due − doneDue): what the documents print as overdue / red. */
  red: number;
  /** Yellow lights: 临期 or a late report. */
  yellow: number;
  /** 临期 alone. */
  nearDue: number;
  /** null when nothing is due yet. */
  completionRate: number | null;
  onTimeRate: number | null;
}

/** True when the task's effective deadline has passed as of the close of `asOf`. */
export function isDue(task: TaskProgress, asOf: string): boolean {
  return deadlinePassed(task.dueOn, dayAfterClose(asOf));
}

/** True when the task was done by its effective deadline. */
export function doneOnTime(task: TaskProgress): boolean {
  return task.light === 'done' && onTimeRule({ dueOn: task.dueOn, completedOn: task.completedOn ?? task.dueOn });
}

/** Counts and rates of a group of tasks on `asOf`. */
export function rateRow(name: string, tasks: readonly TaskProgress[], asOf: string): RateRow {
  const due = tasks.filter((t) => isDue(t, asOf));
  const doneDue = due.filter((t) => t.light === 'done').length;
  const onTime = due.filter(doneOnTime).length;
  return {
    name,
    total: tasks.length,
    due: due.length,
    done: tasks.filter((t) => t.light === 'done').length,
    doneDue,
    onTime,
    red: tasks.filter((t) => t.overdue).length,
    yellow: tasks.filter((t) => t.light === 'yellow').length,
    nearDue: tasks.filter((t) => t.nearDue).length,
    completionRate: due.length ? doneDue / due.length : null,
    onTimeRate: due.length ? onTime / due.length : null,
  };
}

/** One row per indicator, in plan order. */
export function ratesByIndicator(indicators: readonly IndicatorInfo[], tasks: readonly TaskProgress[], asOf: string): RateRow[] {
  return indicators.map((i) => rateRow(i.name, tasks.filter((t) => t.indicatorSeq === i.seq), asOf));
}

const rateKey = (r: number | null): number => (r === null ? -1 : r);

/**
 * One row per lead unit, best first: by on-time rate, then completion rate, then fewer red
 * tasks; units with nothing due yet go last. Ties keep the plan's first-mention order.
 */
export function rankedUnits(tasks: readonly TaskProgress[], asOf: string): RateRow[] {
  const byUnit = new Map<string, TaskProgress[]>();
  for (const t of tasks) for (const u of t.leadUnits) byUnit.set(u, [...(byUnit.get(u) ?? []), t]);
  const rows = [...byUnit].map(([unit, list]) => rateRow(unit, list, asOf));
  return rows
    .map((row, order) => ({ row, order }))
    .sort((a, b) => rateKey(b.row.onTimeRate) - rateKey(a.row.onTimeRate)
      || rateKey(b.row.completionRate) - rateKey(a.row.completionRate)
      || a.row.red - b.row.red
      || a.order - b.order)
    .map((x) => x.row);
}

/**
 * Units to name as lagging: every unit with an overdue (red) task, most red first. Naming is a
 * consequence (seed 000's rules attach 约谈 to the bottom ranks), so only facts qualify a unit.
 */
export function laggards(units: readonly RateRow[]): RateRow[] {
  return units.filter((u) => u.red > 0).sort((a, b) => b.red - a.red || rateKey(a.onTimeRate) - rateKey(b.onTimeRate));
}

/**
 * An indicator's worst laggards: the lead units with the most overdue tasks among the indicator's
 * tasks (all of them on a tie), none when nothing of the indicator is overdue. A 表彰通报 must not
 * commend them for that indicator.
 */
export function indicatorWorstLaggards(tasks: readonly TaskProgress[], indicatorSeq: number): string[] {
  const red = new Map<string, number>();
  for (const t of tasks) {
    if (t.indicatorSeq !== indicatorSeq || !t.overdue) continue;
    for (const u of t.leadUnits) red.set(u, (red.get(u) ?? 0) + 1);
  }
  const most = Math.max(0, ...red.values());
  return most === 0 ? [] : [...red].filter(([, n]) => n === most).map(([u]) => u);
}
