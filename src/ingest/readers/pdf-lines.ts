/**
 * Rebuilds text lines and paragraphs from positioned PDF text runs. PDFs have no lines or
 * paragraphs, only glyphs at coordinates; producers split one visual line into many runs and
 * sometimes emit them out of order, so order comes from geometry, never from the stream.
 */
import type { TextRun } from './pdf-page.ts';

/** One visual line: runs sharing a baseline, left to right. */
export interface PdfLine { text: string; x: number; right: number; y: number; size: number; page: number; runs: TextRun[] }

/** Runs whose baselines differ by less than this fraction of the font size share a line. */
const SAME_LINE = 0.45;
/** A horizontal gap wider than this fraction of the font size is a space in the source. */
const WORD_GAP = 0.25;

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);

/** Joins runs of one line left to right, inserting a space only where the gap is wide. */
export function joinRuns(runs: TextRun[]): string {
  let out = '';
  let prev: TextRun | undefined;
  for (const r of runs) {
    if (prev) {
      // Fake-bold producers draw the same text twice a fraction of a point apart.
      if (r.str === prev.str && Math.abs(r.x - prev.x) < 1) continue;
      const gap = r.x - (prev.x + prev.w);
      if (gap > WORD_GAP * Math.min(r.size, prev.size) && !isSpace(out.at(-1)) && !isSpace(r.str[0])) out += ' ';
    }
    out += r.str;
    prev = r;
  }
  return out;
}

/** Groups runs into lines, top to bottom (one page at a time; y grows upwards in PDF space). */
export function buildLines(runs: TextRun[]): PdfLine[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  let cur: TextRun[] = [];
  let anchor = Number.NaN;
  for (const r of sorted) {
    if (cur.length > 0 && Math.abs(anchor - r.y) <= SAME_LINE * r.size) {
      cur.push(r);
      continue;
    }
    if (cur.length > 0) groups.push(cur);
    cur = [r];
    anchor = r.y;
  }
  if (cur.length > 0) groups.push(cur);
  return groups.map((g) => {
    const row = g.sort((a, b) => a.x - b.x);
    const first = row[0] as TextRun;
    const text = joinRuns(row).trim();
    return {
      text,
      x: first.x,
      right: Math.max(...row.map((r) => r.x + r.w)),
      y: Math.max(...row.map((r) => r.y)),
      size: Math.max(...row.map((r) => r.size)),
      page: first.page,
      runs: row,
    };
  }).filter((l) => l.text !== '');
}

const ASCII_WORD = /[A-Za-z]/;

/**
 * Joins wrapped lines of one paragraph. A line break is not a space in Chinese text, so lines
 * are joined with nothing, except between two Latin letters where the break stood for a space.
 */
export function joinWrapped(lines: string[]): string {
  let out = '';
  for (const l of lines) {
    if (out !== '' && ASCII_WORD.test(out.at(-1) ?? '') && ASCII_WORD.test(l[0] ?? '')) out += ' ';
    out += l;
  }
  return out;
}

/** Text column of a set of lines: left edge and right edge, for paragraph-break decisions. */
export interface Column { left: number; right: number }

/** The text column of lines (the edges most lines share, robust to a few outliers). */
export function columnOf(lines: PdfLine[]): Column {
  if (lines.length === 0) return { left: 0, right: 0 };
  const lefts = lines.map((l) => l.x).sort((a, b) => a - b);
  const rights = lines.map((l) => l.right).sort((a, b) => a - b);
  return { left: lefts[0] ?? 0, right: rights[Math.floor((rights.length - 1) * 0.9)] ?? 0 };
}

const CLOSES_SENTENCE = /[。！？；：）)」』”!?;:]$/;

/**
 * True when `next` starts a new paragraph after `prev`: the next line is indented (Chinese
 * paragraphs indent two characters), the font size changes (headings), there is extra vertical
 * space, or the previous line stopped short after closing a sentence. A line that stops a little
 * short without closing punctuation is still wrapped text: line breaking avoids starting a line
 * with `、` or splitting Latin words, which leaves ragged right edges inside paragraphs.
 */
export function startsParagraph(prev: PdfLine, next: PdfLine, col: Column): boolean {
  const size = Math.min(prev.size, next.size);
  if (next.x > col.left + 1.2 * size) return true;
  if (Math.abs(prev.size - next.size) > 1) return true;
  if (prev.page === next.page && prev.y - next.y > 2.2 * Math.max(prev.size, next.size)) return true;
  const short = prev.right < col.right - 1.5 * size;
  return short && (CLOSES_SENTENCE.test(prev.text) || prev.right < col.right - 6 * size);
}
