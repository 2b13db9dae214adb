/**
 * Annual targets (年度目标) as plans write them — "前5名", "前 3 名", "全省前三", "第一名" — read
 * as the rank an indicator must reach in the provincial evaluation.
 */

const DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads 1–99 written in Arabic digits or Chinese numerals (五, 十, 十四, 二十三); null otherwise. */
export function parseSmallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? (DIGITS[tens] ?? null) : null;
  return (tens ? (DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (DIGITS[ones] ?? 0) : 0);
}

/** The target rank N of an annual target ("前5名" → 5, "第一名" → 1); null when the text names no rank. */
export function parseAnnualTarget(text: string | null | undefined): number | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, '');
  const m = /前([0-9]+|[一二两三四五六七八九十]+)(?:名|位)?/.exec(t) ?? /第([0-9]+|[一二两三四五六七八九十]+)(?:名|位)?/.exec(t);
  const n = m?.[1] ? parseSmallNumber(m[1]) : null;
  return n !== null && n > 0 ? n : null;
}
