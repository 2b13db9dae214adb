/**
 * What a review (季度小结, 半年讲评, 年终总结) says about its own period, from the tasks' due and
 * completion dates in the supervision model: the tasks due within the period and how many were
 * done (not the plan's cumulative figures), the change from the period before, the indicators and
 * lead units that improved or slipped, the month-by-month trend, and the tasks due next period.
 * A task counts as done by a date when it is done and its completion date is on or before it.
 */
import { nextPeriod, periodOf, previousPeriod, type Period } from '../../domain/supervision/periods.ts';
import type { ProgressReviewData, ReviewPeriod, TaskProgress } from '../report-data.ts';

/** A period's figures: tasks due within it (by its end, or the report date if earlier), done and on time by then. */
export interface SpanFigures {
  due: number;
  done: number;
  onTime: number;
  rate: number | null;
  onTimeRate: number | null;
}

/** The reviewed period as dates (quarter, half or year; a month for the notice). */
function spanOf(p: ReviewPeriod): Period {
  switch (p.kind) {
    case 'month': return periodOf('month', p.year, p.month);
    case 'quarter': return periodOf('quarter', p.year, p.quarter);
    case 'half': return periodOf('half', p.year, p.half);
    case 'year': return periodOf('year', p.year);
  }
}

const doneBy = (t: TaskProgress, date: string): boolean => t.light === 'done' && t.completedOn !== null && t.completedOn <= date;

/** Figures of the tasks due in [start, end] (end capped at `asOf`), done by that end. */
export function spanFigures(tasks: readonly TaskProgress[], start: string, end: string, asOf: string): SpanFigures {
  const close = end < asOf ? end : asOf;
  const due = tasks.filter((t) => t.dueOn !== null && t.dueOn >= start && t.dueOn <= close);
  const done = due.filter((t) => doneBy(t, close));
  const onTime = done.filter((t) => t.completedOn !== null && t.dueOn !== null && t.completedOn <= t.dueOn);
  return {
    due: due.length, done: done.length, onTime: onTime.length,
    rate: due.length ? done.length / due.length : null, onTimeRate: due.length ? onTime.length / due.length : null,
  };
}

/** Cumulative completion rate at each month's end of the period, up to the report date's month (null: nothing due yet). */
export function monthlyRates(tasks: readonly TaskProgress[], months: readonly Period[], asOf: string): { label: string; rate: number | null; onTimeRate: number | null }[] {
  return months.filter((m) => m.start <= asOf).map((m) => {
    const f = spanFigures(tasks, '0000-01-01', m.end, asOf);
    return { label: `${Number(m.start.slice(5, 7))}月`, rate: f.rate, onTimeRate: f.onTimeRate };
  });
}

/** The months of a period, in order. */
export function monthsOf(span: Period): Period[] {
  const out: Period[] = [];
  const year = Number(span.start.slice(0, 4));
  for (let m = Number(span.start.slice(5, 7)); m <= Number(span.end.slice(5, 7)); m++) out.push(periodOf('month', year, m));
  return out;
}

/** A group (an indicator or a lead unit) whose period rate changed from the period before. */
export interface RateChange {
  name: string;
  before: number;
  now: number;
}

/** Groups due in both periods whose completion rate rose (improved) or fell (slipped), biggest change first. */
export function rateChanges(groups: readonly { name: string; tasks: readonly TaskProgress[] }[], current: Period, previous: Period, asOf: string): { improved: RateChange[]; slipped: RateChange[] } {
  const changes = groups.flatMap((g) => {
    const now = spanFigures(g.tasks, current.start, current.end, asOf).rate;
    const before = spanFigures(g.tasks, previous.start, previous.end, asOf).rate;
    return now === null || before === null || now === before ? [] : [{ name: g.name, before, now }];
  });
  const by = (a: RateChange, b: RateChange) => Math.abs(b.now - b.before) - Math.abs(a.now - a.before);
  return { improved: changes.filter((c) => c.now > c.before).sort(by), slipped: changes.filter((c) => c.now < c.before).sort(by) };
}

/** Groups of the review's tasks: by indicator (plan order) and by lead unit (first mention order). */
export function taskGroups(data: ProgressReviewData): { indicators: { name: string; tasks: TaskProgress[] }[]; units: { name: string; tasks: TaskProgress[] }[] } {
  const units = new Map<string, TaskProgress[]>();
  for (const t of data.tasks) for (const u of t.leadUnits) units.set(u, [...(units.get(u) ?? []), t]);
  return {
    indicators: data.indicators.map((i) => ({ name: i.name, tasks: data.tasks.filter((t) => t.indicatorSeq === i.seq) })),
    units: [...units].map(([name, tasks]) => ({ name, tasks })),
  };
}

/** Open tasks due in the next period, by lead unit, most first (ties in first-mention order). */
export function nextPeriodDue(tasks: readonly TaskProgress[], next: Period): { unit: string; seqs: number[] }[] {
  const byUnit = new Map<string, number[]>();
  for (const t of tasks) {
    if (t.light === 'done' || t.dueOn === null || t.dueOn < next.start || t.dueOn > next.end) continue;
    for (const u of t.leadUnits) byUnit.set(u, [...(byUnit.get(u) ?? []), t.seq]);
  }
  return [...byUnit].map(([unit, seqs]) => ({ unit, seqs })).sort((a, b) => b.seqs.length - a.seqs.length);
}

/** The periods a review compares with and plans for. */
export function neighbours(p: ReviewPeriod): { current: Period; previous: Period; next: Period } {
  const current = spanOf(p);
  return { current, previous: previousPeriod(current), next: nextPeriod(current) };
}
