/**
 * Column widths of a data table from what the columns hold. The builders give each column a
 * weight; printed as such, a 附件 task list gave 编号 less than its two header characters and
 * the task text nine characters a line while 牵头单位 and 完成时限 stood half empty, so a row
 * ran to fifteen lines and pages ended half blank. Here every column first gets its minimum (its
 * longest figure, half its title), then the width goes, a character at a time, to the column
 * where it saves the most printed lines over the whole table; what saves nothing is shared by
 * weight.
 */
import type { TableColumn } from '../report-document.ts';
import { figurePieces } from './keep-together.ts';
import { TYPE_AREA, pt } from './page.ts';

/** Table text: 小四 (12 pt), comfortably above the 10.5 pt legibility floor. */
export const CELL_PT = 12;
/** Left plus right cell margin (60 twips each). */
export const CELL_PADDING = 120;

/**
 * Width of text in cell characters: CJK and full-width count 1, ASCII 0.6 (the open serif face
 * sets digits a little over half an em, “%” wider: at ½ a column for “100.0%” broke it).
 */
export function cellTextWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.6 : 1;
  return w;
}

interface CellMetrics {
  /** Width of one cell character, in twips. */
  charWidth: number;
  /** Left plus right cell margin, in twips. */
  padding: number;
}

/** Narrowest line of text a column is given (unless the table cannot hold it). */
const MIN_TEXT_CHARS = 5;

interface ColumnText {
  /** Widths (in characters) of every line of every cell of the column, the header first. */
  lines: number[][];
  /** Narrowest width in characters: its longest figure or Latin word, half its title. */
  min: number;
}

function columnText(column: TableColumn, values: readonly string[]): ColumnText {
  const cells = [column.title, ...values].map((v) => v.split('\n'));
  // Figures with their measure words (2023年10月, 〔2023〕9号) and Latin words do not wrap.
  const unbreakable = values.flatMap((v) => [...figurePieces(v).filter((p) => p.keep).map((p) => p.text), ...(v.match(/[\x21-\x7e]+/g) ?? [])]);
  const word = Math.max(0, ...unbreakable.map(cellTextWidth));
  const title = Math.max(...column.title.split('\n').map(cellTextWidth));
  // Names read badly cut into lines of two or three characters (市住房/和城乡/建设局).
  const text = Math.min(MIN_TEXT_CHARS, Math.max(0, ...values.flatMap((v) => v.split('\n')).map(cellTextWidth)));
  // Half a character of slack: glyph widths vary between the official and the open faces.
  return { lines: cells.map((c) => c.map((l) => cellTextWidth(l) + 0.5)), min: Math.ceil(Math.max(word, title / 2, text) + 0.5) };
}

/** Lines a cell takes at `chars` characters a line. */
function cellLines(lines: readonly number[], chars: number): number {
  return lines.reduce((n, w) => n + Math.max(1, Math.ceil(w / chars)), 0);
}

/** Printed lines of the whole table (each row as tall as its tallest cell) at these widths in characters. */
function tableLines(columns: readonly ColumnText[], chars: readonly number[]): number {
  const rows = columns[0]?.lines.length ?? 0;
  let total = 0;
  for (let r = 0; r < rows; r++) total += Math.max(...columns.map((c, i) => cellLines(c.lines[r] ?? [], chars[i] ?? 1)));
  return total;
}

// How far ahead (in characters) a column looks for a saving: a 100-character cell saves a line
// at 10 → 12 characters, not at 11.
const LOOK_AHEAD = 6;

/**
 * Widths in twips summing to `total`: minimums first, then character by character where the
 * table saves the most lines per character, then the rest by weight.
 */
function fitColumnWidths(columns: readonly TableColumn[], rows: readonly (readonly string[])[], total: number, m: CellMetrics): number[] {
  const texts = columns.map((c, i) => columnText(c, rows.map((r) => r[i] ?? '')));
  const weights = columns.map((c) => c.weight);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const available = Math.floor((total - columns.length * m.padding) / m.charWidth);
  const chars = texts.map((t) => t.min);
  // Not even the minimums fit: plain weights.
  if (chars.reduce((a, b) => a + b, 0) > available) return exact(weights.map((w) => Math.floor((total * w) / weightSum)), total);
  let spare = available - chars.reduce((a, b) => a + b, 0);
  let lines = tableLines(texts, chars);
  while (spare > 0) {
    let best: { column: number; step: number; rate: number } | null = null;
    for (let i = 0; i < columns.length; i++) {
      for (let step = 1; step <= Math.min(LOOK_AHEAD, spare); step++) {
        const trial = chars.map((c, j) => (j === i ? c + step : c));
        const rate = (lines - tableLines(texts, trial)) / step;
        if (rate > 0 && (!best || rate > best.rate)) best = { column: i, step, rate };
      }
    }
    if (!best) break;
    chars[best.column] = (chars[best.column] ?? 0) + best.step;
    spare -= best.step;
    lines = tableLines(texts, chars);
  }
  const widths = chars.map((c) => c * m.charWidth + m.padding);
  const left = total - widths.reduce((a, b) => a + b, 0);
  return exact(widths.map((w, i) => w + Math.floor((left * (weights[i] ?? 0)) / weightSum)), total);
}

// Rounding goes to the widest column, so the table is exactly `total` wide.
function exact(widths: number[], total: number): number[] {
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] ?? 0) + total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * The widths (twips) a data table is printed with across the type area. The DOCX and the HTML
 * preview both use them, so the table the office approves wraps as the printed one does.
 */
export function tableColumnWidths(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): number[] {
  return fitColumnWidths(columns, rows, TYPE_AREA.width, { charWidth: pt(CELL_PT), padding: CELL_PADDING });
}
