/**
 * Shared look of the responsibility-table workbooks: title row, header row, thin borders, wrapped
 * text, A4 landscape fitted to the page width with the header repeated on every printed page.
 */
import type { Alignment, Borders, Worksheet } from 'exceljs';

/** A column of an exported table: header text and width in characters. */
export interface SheetColumn {
  header: string;
  width: number;
  align?: Alignment['horizontal'];
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BODY_FONT = { name: '仿宋_GB2312', size: 11 };

/** Row 1: the title merged over all columns; row 2: the header. Returns the first body row number. */
export function writeTitleAndHeader(ws: Worksheet, title: string, columns: readonly SheetColumn[]): number {
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.getRow(1).values = [title];
  ws.mergeCells(1, 1, 1, columns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.font = { name: '方正小标宋简体', size: 18 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 40;
  const header = ws.getRow(2);
  header.values = columns.map((c) => c.header);
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { name: '黑体', size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDERS;
  });
  return 3;
}

/** Borders, font and wrapping for the body cells of rows first..last. */
export function styleBody(ws: Worksheet, first: number, last: number, columns: readonly SheetColumn[]): void {
  for (let r = first; r <= last; r++) {
    for (let c = 1; c <= columns.length; c++) {
      const cell = ws.getCell(r, c);
      cell.font = BODY_FONT;
      cell.border = BORDERS;
      cell.alignment = { horizontal: columns[c - 1]?.align ?? 'left', vertical: 'middle', wrapText: true };
    }
  }
}

// Points per wrapped line of 11 pt 仿宋 (Excel's own 11 pt row is 15 pt; CJK faces run a little taller).
const LINE_PT = 15.5;
const ROW_PADDING_PT = 4;

/** Lines a text takes in a column `width` characters wide (a CJK character is two width units). */
export function wrappedLines(text: string, width: number): number {
  // One unit of the width goes to the cell's padding; ASCII and digits take one unit, CJK two.
  const room = Math.max(1, width - 1);
  return text.split('\n').reduce((sum, line) => {
    let units = 0;
    for (const ch of line) units += ch.charCodeAt(0) < 0x2e80 ? 1 : 2;
    return sum + Math.max(1, Math.ceil(units / room));
  }, 0);
}

function cellText(ws: Worksheet, row: number, col: number): string {
  const value = ws.getCell(row, col).value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

const heightOf = (lines: number): number => Math.round((lines * LINE_PT + ROW_PADDING_PT) * 10) / 10;

/**
 * Gives rows first..last the height their wrapped text needs: exceljs writes no height, and
 * LibreOffice (unlike Excel) does not grow a row on opening, so wrapped text overprinted the next
 * row. A cell merged over several rows needs its text to fit their sum: when it does not (a long
 * 责任单位 list over two short tasks), the last of its rows grows.
 */
export function fitRowHeights(ws: Worksheet, first: number, last: number, columns: readonly SheetColumn[]): void {
  for (let r = first; r <= last; r++) {
    let lines = 1;
    columns.forEach((col, i) => {
      if (ws.getCell(r, i + 1).isMerged) return;
      lines = Math.max(lines, wrappedLines(cellText(ws, r, i + 1), col.width));
    });
    ws.getRow(r).height = heightOf(lines);
  }
  const merges: string[] = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m) continue;
    const [top, bottom] = [Number(m[2]), Number(m[4])];
    const col = ws.getColumn(m[1] ?? 'A').number;
    if (col !== ws.getColumn(m[3] ?? 'A').number || top < first || bottom > last) continue;
    const needed = heightOf(wrappedLines(cellText(ws, top, col), columns[col - 1]?.width ?? 10));
    let have = 0;
    for (let r = top; r <= bottom; r++) have += ws.getRow(r).height;
    if (needed > have) ws.getRow(bottom).height = Math.round((ws.getRow(bottom).height + needed - have) * 10) / 10;
  }
}

/**
 * Merges runs of equal non-empty keys in one column (rows are 1-based sheet rows). The value
 * stays in the first cell, which is what readers (and our own importer) expect of a merged cell.
 */
export function mergeRuns(ws: Worksheet, col: number, keys: readonly { row: number; key: string }[]): void {
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    const a = keys[start];
    const b = keys[i];
    if (b && a && b.key === a.key && a.key !== '') continue;
    const end = keys[i - 1];
    if (a && end && end.row > a.row) ws.mergeCells(a.row, col, end.row, col);
    start = i;
  }
}

/** A4 landscape, fit to one page wide, header row repeated on every page, frozen under the header. */
export function setUpPrinting(ws: Worksheet, columnCount: number): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '2:2',
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C— &P —' };
  ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columnCount } };
}
