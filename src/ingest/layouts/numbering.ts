/**
 * Item numbering of prose plans: （一） 一、 1. 1． (1) 1、 — recognised at the start of a line,
 * with the value so restarts and gaps can be noticed.
 */

export type NumberingStyle = 'cn-paren' | 'cn-comma' | 'arabic-dot' | 'arabic-paren' | 'arabic-comma';

export interface Numbering {
  style: NumberingStyle;
  value: number;
  /** The label as printed (`(六)`, `1．`). */
  label: string;
  /** Text after the label. */
  rest: string;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Value of a Chinese numeral up to 999 (十一, 二十三, 一百零五), or NaN. */
export function chineseNumeral(text: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch] ?? 0;
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else return Number.NaN;
  }
  return total + digit;
}

const CN = '[一二三四五六七八九十百零〇两]+';
const PATTERNS: [NumberingStyle, RegExp][] = [
  ['cn-paren', new RegExp(`^\\s*[（(]\\s*(${CN})\\s*[)）]\\s*`)],
  ['cn-comma', new RegExp(`^\\s*(${CN})\\s*、\\s*`)],
  ['arabic-paren', /^\s*[（(]\s*([0-9０-９]{1,3})\s*[)）]\s*/],
  ['arabic-dot', /^\s*([0-9０-９]{1,3})\s*[.．](?![0-9０-９.．])\s*/],
  ['arabic-comma', /^\s*([0-9０-９]{1,3})\s*、\s*/],
];

/** Full-width digits (`１．`, typed on Chinese input methods) read as ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The numbering at the start of a line, or null. */
export function readNumbering(line: string): Numbering | null {
  for (const [style, re] of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const raw = m[1] ?? '';
    const value = style.startsWith('cn') ? chineseNumeral(raw) : Number(asciiDigits(raw));
    if (!Number.isFinite(value) || value <= 0) continue;
    const rest = line.slice(m[0].length);
    if (rest.trim() === '') continue;
    return { style, value, label: m[0].trim(), rest };
  }
  return null;
}

/** The label written the way the gold files write it: Chinese bracket numbers in full-width brackets. */
export function canonicalLabel(n: Numbering): string {
  if (n.style === 'cn-paren') return `（${n.label.replace(/[（()）\s]/g, '')}）`;
  if (n.style === 'arabic-paren') return `（${n.value}）`;
  return n.label.replace(/\s+/g, '');
}
