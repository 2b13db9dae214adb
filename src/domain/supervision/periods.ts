/**
 * Reporting periods: 旬 (1–10, 11–20, 21–end of month), month, quarter, half-year and year, with
 * the keys used across the platform: `2023-06-2` (second 旬 of June), `2023-06`, `2023-Q2`,
 * `2023-H1`, `2023`.
 */
import { addDays } from './days.ts';
import type { WorkCalendar } from './work-calendar.ts';

export type PeriodKind = 'xun' | 'month' | 'quarter' | 'half' | 'year';
/** The cycles a plan can report on (一旬一简报、一月一通报; or a monthly dispatch). */
export type ReportingCycle = 'xun' | 'month' | 'quarter';

export interface Period {
  key: string;
  kind: PeriodKind;
  /** First and last day, inclusive (YYYY-MM-DD). */
  start: string;
  end: string;
  /** Chinese label: 2023年6月中旬, 2023年第二季度 … */
  label: string;
}

const XUN = ['上旬', '中旬', '下旬'];
const CN_NUM = ['一', '二', '三', '四'];
const pad = (n: number): string => String(n).padStart(2, '0');

function monthEnd(y: number, m: number): string {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

function build(kind: PeriodKind, y: number, n: number): Period {
  switch (kind) {
    case 'xun': {
      const m = Math.floor((n - 1) / 3) + 1;
      const x = ((n - 1) % 3) + 1;
      const start = `${y}-${pad(m)}-${pad((x - 1) * 10 + 1)}`;
      const end = x < 3 ? `${y}-${pad(m)}-${pad(x * 10)}` : monthEnd(y, m);
      return { key: `${y}-${pad(m)}-${x}`, kind, start, end, label: `${y}年${m}月${XUN[x - 1]}` };
    }
    case 'month':
      return { key: `${y}-${pad(n)}`, kind, start: `${y}-${pad(n)}-01`, end: monthEnd(y, n), label: `${y}年${n}月` };
    case 'quarter':
      return { key: `${y}-Q${n}`, kind, start: `${y}-${pad(n * 3 - 2)}-01`, end: monthEnd(y, n * 3), label: `${y}年第${CN_NUM[n - 1]}季度` };
    case 'half':
      return { key: `${y}-H${n}`, kind, start: `${y}-${n === 1 ? '01' : '07'}-01`, end: monthEnd(y, n === 1 ? 6 : 12), label: `${y}年${n === 1 ? '上' : '下'}半年` };
    case 'year':
      return { key: String(y), kind, start: `${y}-01-01`, end: `${y}-12-31`, label: `${y}年` };
  }
}

/** Parses a period key; returns null when it is not one. */
export function parsePeriod(key: string): Period | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])-([1-3])$/.exec(key);
  if (m) return build('xun', Number(m[1]), (Number(m[2]) - 1) * 3 + Number(m[3]));
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return build('month', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return build('quarter', Number(m[1]), Number(m[2]));
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return build('half', Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(key);
  if (m) return build('year', Number(m[1]), 1);
  return null;
}

/** A period's Chinese label (2023年6月中旬, 2023年第二季度 …), or the key itself when it is not one. */
export function periodLabel(key: string): string {
  return parsePeriod(key)?.label ?? key;
}

/** A period from its parts: the year, the month (旬, month), quarter or half, and the 旬 (1–3). */
export function periodOf(kind: PeriodKind, year: number, part = 1, xun = 1): Period {
  return build(kind, year, kind === 'xun' ? (part - 1) * 3 + xun : kind === 'year' ? 1 : part);
}

/** The parts of a period, the inverse of periodOf. */
export function periodParts(p: Period): { kind: PeriodKind; year: number; part: number; xun: number } {
  const year = Number(p.start.slice(0, 4));
  const month = Number(p.start.slice(5, 7));
  const day = Number(p.start.slice(8, 10));
  const part = p.kind === 'quarter' ? Math.ceil(month / 3) : p.kind === 'half' ? (month <= 6 ? 1 : 2) : p.kind === 'year' ? 1 : month;
  return { kind: p.kind, year, part, xun: p.kind === 'xun' ? Math.ceil(day / 10) : 1 };
}

/** The period of a kind that contains a date. */
export function periodContaining(date: string, kind: PeriodKind): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  switch (kind) {
    case 'xun': return build(kind, y, (m - 1) * 3 + (d <= 10 ? 1 : d <= 20 ? 2 : 3));
    case 'month': return build(kind, y, m);
    case 'quarter': return build(kind, y, Math.ceil(m / 3));
    case 'half': return build(kind, y, m <= 6 ? 1 : 2);
    case 'year': return build(kind, y, 1);
  }
}

/** The period right after the given one. */
export function nextPeriod(p: Period): Period {
  return periodContaining(addDays(p.end, 1), p.kind);
}

/** The period right before the given one. */
export function previousPeriod(p: Period): Period {
  return periodContaining(addDays(p.start, -1), p.kind);
}

/** When a period's report is due: the n-th working day after the period ends (default 3rd). */
export function reportDueDate(p: Period, calendar: WorkCalendar, workdaysAfter = 3): string {
  return calendar.addWorkdays(p.end, workdaysAfter);
}
