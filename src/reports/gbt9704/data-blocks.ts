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
import { CELL_PADDING, CELL_PT, cellTextWidth, tableColumnWidths } from './column-widths.ts';
import { lineSpacing, run } from './runs.ts';

const CELL_LINE = pt(CELL_PT * 1.35);
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

interface CellStyle { header: boolean; align: TableColumn['align']; keepNext: boolean; top: boolean }

function cell(text: string, width: number, { header, align, keepNext, top }: CellStyle): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: top ? VerticalAlign.TOP : VerticalAlign.CENTER,
    margins: { left: CELL_PADDING / 2, right: CELL_PADDING / 2, top: 30, bottom: 30 },
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
    const perLine = Math.max(1, Math.floor(((widths[i] ?? 0) - CELL_PADDING) / pt(CELL_PT)));
    return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(cellTextWidth(line) / perLine)), 0);
  }));
}

/**
 * A data table as wide as the type area; the header row repeats on every page. `beforeRecord`:
 * the 版记 follows, so the last rows keep with its anchor paragraph.
 */
export function dataTable(block: BlockOf<'table'>, beforeRecord = false): (Paragraph | Table)[] {
  const widths = tableColumnWidths(block.columns, block.rows);
  // No page holds a lone row: the header stays with the first two rows (keep with next) and the
  // last row with the one before it.
  const last = block.rows.length - 1;
  const keep = (row: number): boolean => row < 1 || row === last - 1 || (beforeRecord && row === last);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(c.title, widths[i] ?? 0, { header: true, align: 'center', keepNext: true, top: false })),
  });
  const body = block.rows.map((r, k) => {
    // A short row stays whole, its cells centred; a tall one (a task with its progress) may
    // continue on the next page, so no page is left with a single row and a blank half (seen in
    // the 附件 task lists), and its cells start at the top so both parts show what they hold.
    // The last two rows stay whole, so no page holds the tail of a row alone.
    const tall = rowLines(r, widths) > TALL_ROW_LINES && k < last - 1;
    return new TableRow({
      cantSplit: !tall,
      children: block.columns.map((c, i) => cell(r[i] ?? '', widths[i] ?? 0, { header: false, align: c.align, keepNext: keep(k), top: tall })),
    });
  });
  const table = new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
  // An empty paragraph after the table: Word merges two adjacent tables into one otherwise.
  // Before the 版记 it is a hairline kept with the 版记's anchor, so the last rows go with it.
  const after = beforeRecord
    ? new Paragraph({ keepNext: true, spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] })
    : new Paragraph({ spacing: lineSpacing(), children: [] });
  return [...(block.caption ? [caption(block.caption, 0.5, 0)] : []), table, after];
}

/** A chart image at its printed size (or scaled to the room left on the page), with the caption under it (图题 convention). */
export function chartParagraphs(block: BlockOf<'chart'>, image: ChartImage, scale = 1): Paragraph[] {
  const picture = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    // Single (auto) spacing: under the document's exact 28.95 pt pitch the picture was cut to one line.
    spacing: { before: pt(6), after: 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [new ImageRun({ type: 'png', data: image.png, transformation: { width: Math.round(image.widthPx * scale), height: Math.round(image.heightPx * scale) }, altText: { name: block.caption, title: block.caption, description: block.caption } })],
  });
  return [picture, caption(block.caption, 0, 0.5)];
}
