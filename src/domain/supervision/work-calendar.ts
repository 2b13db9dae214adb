/**
 * China's working-day calendar, used by every "working day" rule (report due dates, reminders).
 *
 * Sources: for the years the State Council has published (2004–2026 at the time of writing) the
 * `chinese-days` package, which transcribes the 国务院办公厅 holiday notices including make-up
 * working days (调休). For a year it does not cover yet (2027), the statutory holidays of
 * 《全国年节及纪念日放假办法》(2024 revision: 元旦 1, 春节 4 from 除夕, 清明 1, 劳动节 2, 端午 1,
 * 中秋 1, 国庆 3 days) are computed from the lunar calendar, without 调休 — `coverage()` says so, and
 * an office can add the official arrangement as overrides when it is published.
 */
import chineseDays from 'chinese-days';
import { addDays } from './days.ts';

export interface CalendarOverrides {
  /** Extra days off (YYYY-MM-DD). */
  holidays?: string[];
  /** Days worked although they would be off (调休 make-up days). */
  workdays?: string[];
}

export type Coverage = 'official' | 'statutory';

const DAY_MS = 86_400_000;

export { addDays };

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

function isWeekend(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

function statutoryHolidays(year: number): Set<string> {
  const days = new Set<string>([`${year}-01-01`, `${year}-05-01`, `${year}-05-02`, `${year}-10-01`, `${year}-10-02`, `${year}-10-03`]);
  const springFestival = chineseDays.getSolarDateFromLunar(`${year}-01-01`).date;
  for (let i = -1; i <= 2; i++) days.add(addDays(springFestival, i));
  days.add(chineseDays.getSolarDateFromLunar(`${year}-05-05`).date);
  days.add(chineseDays.getSolarDateFromLunar(`${year}-08-15`).date);
  const qingming = chineseDays.getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.name === '清明');
  if (qingming) days.add(qingming.date);
  return days;
}

/** A working-day calendar with optional office overrides. */
export class WorkCalendar {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;
  private readonly coverageByYear = new Map<number, Coverage>();
  private readonly statutory = new Map<number, Set<string>>();

  constructor(overrides: CalendarOverrides = {}) {
    this.holidays = new Set(overrides.holidays ?? []);
    this.workdays = new Set(overrides.workdays ?? []);
  }

  /** Whether the year's official arrangement is known, or only its statutory holidays. */
  coverage(year: number): Coverage {
    let c = this.coverageByYear.get(year);
    if (!c) {
      c = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0 ? 'official' : 'statutory';
      this.coverageByYear.set(year, c);
    }
    return c;
  }

  /** True when people work on this date. */
  isWorkday(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const year = Number(date.slice(0, 4));
    if (this.coverage(year) === 'official') return chineseDays.isWorkday(date);
    let s = this.statutory.get(year);
    if (!s) this.statutory.set(year, (s = statutoryHolidays(year)));
    return !isWeekend(date) && !s.has(date);
  }

  /** The n-th working day after `date` (n ≥ 1), or `date` itself moved to a working day for n = 0. */
  addWorkdays(date: string, n: number): string {
    let d = date;
    if (n === 0) {
      while (!this.isWorkday(d)) d = addDays(d, 1);
      return d;
    }
    const step = n > 0 ? 1 : -1;
    let left = Math.abs(n);
    while (left > 0) {
      d = addDays(d, step);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }

  /** Working days strictly after `from` up to and including `to` (negative when `to` is earlier). */
  workdaysBetween(from: string, to: string): number {
    if (to < from) return -this.workdaysBetween(to, from);
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkday(d)) n++;
    return n;
  }
}

/** Today's date in China (UTC+8), whatever the server's time zone: deadlines are Chinese dates. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
