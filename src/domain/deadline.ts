/**
 * Deadlines: plans speak in months ("2023年6月" = due by the end of June 2023). The raw text is
 * kept for people; the normalised form is `YYYY-MM`, `YYYY` for a year alone, else null.
 */
import { normSpaces } from './text-normalise.ts';

export interface Deadline {
  deadline_raw: string | null;
  deadline: string | null;
}

const MONTH = /^(\d{4})年(\d{1,2})月(?:份)?(?:底|末|前|底前|中旬|上旬|下旬|内)?(?:前)?$/;
const YEAR = /^(\d{4})年(?:度)?(?:底|末|内|全年|底前)?(?:前)?$/;

/** Parses a deadline cell; a blank cell gives nulls, an unparseable one keeps only the raw text. */
export function parseDeadline(raw: string | null | undefined): Deadline {
  const text = raw == null ? '' : normSpaces(raw);
  if (text === '') return { deadline_raw: null, deadline: null };
  const m = MONTH.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) return { deadline_raw: text, deadline: `${m[1]}-${String(month).padStart(2, '0')}` };
  }
  const y = YEAR.exec(text);
  if (y) return { deadline_raw: text, deadline: y[1] ?? null };
  return { deadline_raw: text, deadline: null };
}

/** Parses a Chinese full date (`2022年5月23日`, spaces allowed) to ISO `YYYY-MM-DD`, else null. */
export function parseChineseDate(text: string): string | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
