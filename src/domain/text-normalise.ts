/**
 * Whitespace normalisation for Chinese plan text (the `norm_spaces` rule of the gold conventions).
 * Extraction breaks lines inside words and sprinkles spaces round numbers; people wrote neither,
 * so both go, while spaces next to Latin words (`税务 Ukey`, `CA 认证`) were written and stay.
 */

const TIGHT = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’—…·0-9]/u;

/** A character next to which extraction spaces are meaningless: CJK, CJK/full-width punctuation, ASCII digit. */
export function isTight(ch: string): boolean {
  return TIGHT.test(ch);
}

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

// isTight by char code: the regex above, without a string and a regex run per whitespace run.
// Han, CJK punctuation, full-width forms, “”‘’—…· and digits (a lone surrogate half is not tight,
// as it is not for the regex).
function isTightCode(c: number): boolean {
  if (c < 0x80) return isDigitCode(c);
  if (c >= 0x3000 && c <= 0x303f) return true;
  if (c >= 0xff00 && c <= 0xffef) return true;
  if (c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026 || c === 0xb7) return true;
  return c >= 0x2e80 && TIGHT.test(String.fromCharCode(c));
}

const ASCII_LETTER = /[A-Za-z]/;

/** Joins the physical lines of one logical unit: no separator, except one space between two ASCII letters. */
export function joinLines(lines: readonly string[]): string {
  // The last character is tracked, not read back from `out`: `out.at(-1)` on a string built by
  // `+=` flattens the whole rope each time, which made a 4 MB text take 52 s (quadratic).
  const parts: string[] = [];
  let last = '';
  for (const line of lines) {
    if (line === '') continue;
    if (last !== '' && ASCII_LETTER.test(last) && ASCII_LETTER.test(line[0] ?? '')) parts.push(' ');
    parts.push(line);
    last = line.at(-1) ?? '';
  }
  return parts.join('');
}

/**
 * Normalises whitespace: lines are joined (see joinLines); a whitespace run between two tight
 * characters (not both digits) is dropped; any other run becomes one space; ends are trimmed.
 */
export function normSpaces(text: string): string {
  if (!/\s/.test(text)) return text;
  const joined = text.includes('\n') ? joinLines(text.split(/\r?\n/)) : text;
  return joined
    .replace(/\s+/g, (run, offset: number, whole: string) => {
      const before = whole.charCodeAt(offset - 1);
      const after = whole.charCodeAt(offset + run.length);
      if (Number.isNaN(before) || Number.isNaN(after)) return '';
      const bothDigits = isDigitCode(before) && isDigitCode(after);
      return isTightCode(before) && isTightCode(after) && !bothDigits ? '' : ' ';
    })
    .trim();
}

/** Drops Markdown emphasis and heading markers that are not part of the written text. */
export function stripMarkdown(text: string): string {
  if (!/[#*_]/.test(text)) return text;
  return text.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\*\*(.*?)\*\*/g, '$1').replace(/__(.*?)__/g, '$1');
}

/** Display width of a string as a fixed-pitch PDF column sees it: CJK and full-width count 2, others 1. */
export function displayWidth(text: string): number {
  let w = 0;
  // Char codes, not a regex per character: this runs on every line of a 7,000-line PDF text.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    w += c >= 0x2e80 || c === 0xb7 || (c >= 0x2014 && c <= 0x201d) || c === 0x2026 ? 2 : 1;
  }
  return w;
}
