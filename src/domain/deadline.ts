/**
 * Deadlines as plans write them. The raw text is kept for people; the normalised `deadline` is
 * `YYYY-MM` (a month: due by its last day), `YYYY` (a year alone), `YYYY-MM-DD` (a precise day:
 * 2027年6月30日, 2026年12月20日前, 6月中旬, 2027年二季度, 上半年), `ongoing` (持续推进/长期坚持: reported on
 * every period, never overdue) or null. Text whose year is missing (6月底前) takes the plan's year
 * and is marked for review; anything not understood keeps only its raw text and is marked too.
 */
import { normSpaces } from './text-normalise.ts';

export interface Deadline {
  deadline_raw: string | null;
  deadline: string | null;
}

/** A deadline read with what the reader was unsure of (the import draft's warnings). */
export interface DeadlineReading extends Deadline {
  /** Why the value needs a person's check (Chinese), or null when sure. */
  review: string | null;
}

export const ONGOING = 'ongoing';

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const day = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const SUFFIX = '(?:份)?(?:底|末|前|内|以前|之前|完成|底前|末前)*';
const ONGOING_TEXT = /^(?:持续推进|长期坚持|长期推进|持续开展|常态化推进|长期|持续|常年)$/;

/** Reads a month-with-part (`6月`, `6月底`, `6月中旬`, `6月15日前`) of year y; null when not one. */
function monthPart(y: number, rest: string): string | null {
  const m = new RegExp(`^(\\d{1,2})月(?:(\\d{1,2})日|(上旬|中旬|下旬|中|初))?${SUFFIX}$`).exec(rest);
  if (!m) return null;
  const month = Number(m[1]);
  if (month < 1 || month > 12) return null;
  if (m[2]) {
    const d = Number(m[2]);
    return d >= 1 && d <= lastDay(y, month) ? day(y, month, d) : null;
  }
  switch (m[3]) {
    case '上旬': case '初': return day(y, month, 10);
    case '中旬': case '中': return day(y, month, 20);
    case '下旬': return day(y, month, lastDay(y, month));
    default: return `${y}-${pad(month)}`;
  }
}

/** Reads the part after a year (`年` already removed); null when not understood. */
function afterYear(y: number, rest: string): string | null {
  if (new RegExp(`^(?:度)?(?:底|末|内|全年|年底|年内)?${SUFFIX}$`).test(rest)) return String(y);
  const quarter = new RegExp(`^(?:第)?([一二三四1-4])季度${SUFFIX}$`).exec(rest);
  if (quarter) {
    const q = CN_DIGIT[quarter[1] ?? ''] ?? 0;
    return day(y, q * 3, lastDay(y, q * 3));
  }
  const half = new RegExp(`^(上|下)半年${SUFFIX}$`).exec(rest);
  if (half) return half[1] === '上' ? day(y, 6, 30) : day(y, 12, 31);
  // Ranges end at their last month: 3月—6月, 3-6月, 3至6月.
  const range = new RegExp(`^(\\d{1,2})月?\\s*(?:—|–|-|~|～|至|到)\\s*(?:${y}年)?(\\d{1,2})月${SUFFIX}$`).exec(rest);
  if (range) {
    const end = Number(range[2]);
    return end >= 1 && end <= 12 && Number(range[1]) <= end ? `${y}-${pad(end)}` : null;
  }
  return monthPart(y, rest);
}

/**
 * Reads a deadline cell. `planYear` completes text without a year (6月底前, 上半年, 年底前); such a
 * value, and any text not understood, comes back with a review note.
 */
export function readDeadline(raw: string | null | undefined, planYear?: number | null): DeadlineReading {
  const text = raw == null ? '' : normSpaces(raw).replace(/\s+/g, '');
  if (text === '') return { deadline_raw: null, deadline: null, review: null };
  const shown = normSpaces(raw ?? '');
  if (ONGOING_TEXT.test(text)) return { deadline_raw: shown, deadline: ONGOING, review: null };
  const withYear = /^(\d{4})年(.*)$/.exec(text);
  if (withYear) {
    const value = afterYear(Number(withYear[1]), withYear[2] ?? '');
    if (value) return { deadline_raw: shown, deadline: value, review: null };
    return { deadline_raw: shown, deadline: null, review: `完成时限“${shown}”无法识别，请核对` };
  }
  if (planYear) {
    const yearless = /^(?:今年|本年|年)(.*)$/.exec(text);
    const value = yearless ? afterYear(planYear, yearless[1] ?? '') : afterYear(planYear, text);
    const yearEnd = /^(?:年底|年末|年内|年底前|全年)$/.test(text) ? String(planYear) : null;
    const found = value ?? yearEnd;
    if (found) return { deadline_raw: shown, deadline: found, review: `完成时限“${shown}”未写年份，已按方案年度${planYear}年理解，请核对` };
  }
  return { deadline_raw: shown, deadline: null, review: `完成时限“${shown}”无法识别，请核对` };
}

/** Parses a deadline cell; a blank cell gives nulls, an unparseable one keeps only the raw text. */
export function parseDeadline(raw: string | null | undefined, planYear?: number | null): Deadline {
  const { deadline_raw, deadline } = readDeadline(raw, planYear);
  return { deadline_raw, deadline };
}

/** The due date of a normalised deadline: a month's or year's last day, a precise day, else null (ongoing too). */
export function deadlineDueOn(deadline: string | null): string | null {
  if (!deadline) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return deadline;
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(deadline);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 12;
  return day(year, month, lastDay(year, month));
}

/** True for 持续推进/长期坚持 tasks. */
export function isOngoingDeadline(deadline: string | null): boolean {
  return deadline === ONGOING;
}

/** Parses a Chinese full date (`2022年5月23日`, spaces allowed) to ISO `YYYY-MM-DD`, else null. */
export function parseChineseDate(text: string): string | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
