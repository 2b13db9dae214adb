/**
 * Tables and charts inside a 公文. GB/T 9704 10.3 only asks that tables be legible and fit the
 * type area; the offices print them in 4号/小四 so a 19-row indicator table stays on one page.
 */
import {
  AlignmentType, BorderStyle, ImageRun, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow,
  VerticalAlign, WidthType,
} from 'docx';
import type { BlockOf, TableColumn } from '../report-document.ts';
import type { ChartImage } from '../charts/chart-png.ts';
import { FANGSONG, HEITI } from './fonts.ts';
import { SMALL_PT, TYPE_AREA, pt } from './page.ts';
import { lineSpacing, run } from './runs.ts';

/** Table text: 小四 (12 pt), comfortably above the 10.5 pt legibility floor. */
const CELL_PT = 12;
const CELL_LINE = pt(CELL_PT * 1.35);
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function columnWidths(columns: readonly TableColumn[]): number[] {
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => Math.floor((TYPE_AREA.width * c.weight) / total));
  const rest = TYPE_AREA.width - widths.reduce((s, w) => s + w, 0);
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + rest;
  return widths;
}

function cell(text: string, width: number, header: boolean, align: TableColumn['align'], keepNext = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: text.split('\n').map((line) => new Paragraph({
      alignment: header ? AlignmentType.CENTER : ALIGN[align],
      // No automatic gap between digits and Chinese (“2023年6月”, not “2023 年 6 月”) in a narrow cell.
      autoSpaceEastAsianText: false,
      keepNext,
      spacing: { line: CELL_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [run(line, { face: header ? HEITI : FANGSONG, sizePt: CELL_PT, snapToGrid: false })],
    })),
  });
}

/** A caption (表题 / 图题) in 4号黑体, centred. */
function caption(text: string, before: number, after: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: lineSpacing(before, after),
    keepNext: before > 0,
    children: [run(text, { face: HEITI, sizePt: SMALL_PT, snapToGrid: false })],
  });
}

/** Rows of more lines than this may split across pages. */
const TALL_ROW_LINES = 6;

/** Lines the tallest cell of a row needs, estimated from its text and its column's width. */
export function rowLines(row: readonly string[], widths: readonly number[]): number {
  return Math.max(1, ...row.map((text, i) => {
    const perLine = Math.max(1, Math.floor(((widths[i] ?? 0) - 120) / pt(CELL_PT)));
    return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / perLine)), 0);
  }));
}

// Width in cell characters: CJK and full-width count 1, ASCII ½.
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/** A data table as wide as the type area; the header row repeats on every page. */
export function dataTable(block: BlockOf<'table'>): (Paragraph | Table)[] {
  const widths = columnWidths(block.columns);
  // No page holds a lone row: the header stays with the first two rows (keep with next) and the
  // last row with the one before it.
  const keep = (row: number): boolean => row < 1 || row === block.rows.length - 2;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(c.title, widths[i] ?? 0, true, 'center', true)),
  });
  const body = block.rows.map((r, k) => new TableRow({
    // A short row stays whole; a tall one (a task with its progress) may continue on the next
    // page, so no page is left with a single row and a blank half (seen in the 附件 task lists).
    cantSplit: rowLines(r, widths) <= TALL_ROW_LINES,
    children: block.columns.map((c, i) => cell(r[i] ?? '', widths[i] ?? 0, false, c.align, keep(k))),
  }));
  const table = new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
  // An empty paragraph after the table: Word merges two adjacent tables into one otherwise.
  const after = new Paragraph({ spacing: lineSpacing(), children: [] });
  return [...(block.caption ? [caption(block.caption, 0.5, 0)] : []), table, after];
}

/** A chart image at its printed size, with the caption under it (图题 convention). */
export function chartParagraphs(block: BlockOf<'chart'>, image: ChartImage): Paragraph[] {
  const picture = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { before: pt(6), after: 0 },
    children: [new ImageRun({ type: 'png', data: image.png, transformation: { width: image.widthPx, height: image.heightPx }, altText: { name: block.caption, title: block.caption, description: block.caption } })],
  });
  return [picture, caption(block.caption, 0, 0.5)];
}
