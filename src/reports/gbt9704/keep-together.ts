/**
 * Line breaking of Chinese text around figures and in titles. A 公文 never splits a number,
 * percentage, date, 文号 or count ("5⏎项"): the HTML preview wraps such tokens in no-wrap spans
 * (figurePieces); the DOCX joins them with word joiners and forbidden line-start characters
 * (line-breaks.ts). Long titles are split between words into balanced lines (titleLines) in both.
 */

// Tokens kept on one line: 文号 (〔2023〕12号 with the character before it), dates
// (2023年6月30日, 2023年6月, 6月30日), numbers with their sign, decimals, % and a measure word.
const TOKEN = new RegExp([
  '[^\\s〔]?〔\\d{4}〕\\d+号',
  '\\d{4}年(?:\\d{1,2}月(?:\\d{1,2}日)?)?',
  '\\d{1,2}月\\d{1,2}日',
  '第[\\d一二三四五六七八九十]+[期项名季]',
  '[+\\-−]?\\d+(?:[.,]\\d+)*(?:%|％|‰|个百分点|项|个|家|件|天|次|名|期|号|分|位|倍|条|份|户|人|月|日|年|小时|工作日)?',
].join('|'), 'g');

/** The text cut into pieces, each a figure-like token kept whole or the text between them. */
export function figurePieces(text: string): { text: string; keep: boolean }[] {
  const pieces: { text: string; keep: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), keep: false });
    pieces.push({ text: m[0], keep: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), keep: false });
  return pieces;
}

/**
 * Lines a body paragraph of this text takes at 28 characters a line, 空二字 included when
 * indented. Digits and % count 0.6: the open serif face sets them a little over half an em, and
 * figures that may not break leave lines short (matched LibreOffice on the 季度小结's paragraphs).
 */
export function bodyLines(text: string, indent: boolean): number {
  let w = indent ? 2 : 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.6 : 1;
  return Math.max(1, Math.ceil(w / 28));
}

/** Display width in body characters: CJK and full-width count 1, ASCII (digits, %) counts ½. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/**
 * Splits a title into lines of at most `perLine` characters, breaking only between words (GB/T
 * 9704 7.3.1: 回行时要做到词意完整，排列对称，长短适宜), as evenly as it can. A title that fits stays
 * one line; a word longer than a line is left to the renderer.
 */
export function titleLines(text: string, perLine: number): string[] {
  if (width(text) <= perLine) return [text];
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const words = [...segmenter.segment(text)].map((s) => s.segment);
  const lines = Math.ceil(width(text) / perLine);
  return balance(words, lines, perLine);
}

// Chooses break points between words so that each line fits and the longest line is as short as
// possible (small inputs: a title has a few dozen words and two or three lines).
function balance(words: readonly string[], lines: number, perLine: number): string[] {
  const target = words.reduce((s, w) => s + width(w), 0) / lines;
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current + word;
    const remaining = lines - out.length;
    // Break before this word when the line would pass the target by more than it now falls short.
    if (current && remaining > 1 && (width(next) > perLine || Math.abs(width(next) - target) > Math.abs(width(current) - target))) {
      out.push(current);
      current = word;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}
