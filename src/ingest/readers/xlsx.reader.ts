/**
 * XLSX reader: every non-empty sheet becomes one Table whose grid positions match the sheet's
 * rows and columns (ref.row/col are the spreadsheet's own 1-based numbers), with merged ranges
 * stored as `mergedFrom` so recognisers can propagate a value over the rows it spans.
 */
import type { Cell, CellValue, Worksheet } from 'exceljs';
import type { Block, SourceDocument, Table, TableCell } from '../document-model.ts';
import { assertOoxmlPackage, corruptError, withCorruptGuard } from './reader-guards.ts';
import { DEFAULT_READER_LIMITS, limitError, type ReaderLimits } from './reader-limits.ts';
import { loadBoundedWorkbook } from './xlsx-guard.ts';

/** Reads a .xlsx file into the internal document model (one Table per non-empty sheet). */
export async function readXlsx(bytes: Uint8Array, fileName: string, limits: ReaderLimits = DEFAULT_READER_LIMITS): Promise<SourceDocument> {
  assertOoxmlPackage(bytes, fileName, 'XLSX');
  return withCorruptGuard(fileName, 'XLSX', async () => {
    const workbook = await loadBoundedWorkbook(bytes, fileName, limits);
    if (workbook.worksheets.length === 0) throw corruptError(fileName, 'XLSX', 'workbook has no sheets');
    const blocks: Block[] = [];
    for (const ws of workbook.worksheets) {
      const table = sheetTable(ws, fileName, limits);
      if (table) blocks.push(table);
    }
    return { format: 'xlsx', fileName, blocks, warnings: [] };
  });
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Dates are shown as plans speak (`2023年6月`); a time of day other than midnight is kept. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const base = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
  const hasDay = d.getUTCDate() !== 1;
  const hasTime = d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0;
  const day = hasDay || hasTime ? `${d.getUTCDate()}日` : '';
  return hasTime ? `${base}${day} ${d.getUTCHours()}:${pad2(d.getUTCMinutes())}` : base + day;
}

function numberText(n: number, numFmt: string | undefined): string {
  // exceljs does not apply number formats; percentages are the one format plans rely on (≥ 95%).
  if (numFmt?.includes('%')) return `${Number((n * 100).toPrecision(12))}%`;
  return String(Number(n.toPrecision(15)));
}

/** The displayed text of a cell value: rich text concatenated, formulas by their cached result. */
export function valueText(v: CellValue, numFmt?: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v, numFmt);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  if ('richText' in v) return Array.isArray(v.richText) ? v.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('') : '';
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? '' : valueText(v.result, numFmt);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : valueText(v.text, numFmt);
  if ('error' in v) return typeof v.error === 'string' ? v.error : '';
  return '';
}

/** Numeric position of a cell: exceljs's Address types row/col as strings, fullAddress as numbers. */
function pos(cell: Cell): { row: number; col: number } {
  return { row: cell.fullAddress.row, col: cell.fullAddress.col };
}

function isSlave(cell: Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

/** The sheet as a grid, trimmed of trailing empty rows and columns; undefined when empty. */
function sheetTable(ws: Worksheet, fileName: string, limits: ReaderLimits): Table | undefined {
  const texts = new Map<string, string>();
  let maxRow = 0;
  let maxCol = 0;
  // A merged range only stretches the grid when its master cell has text.
  const merged: { row: number; col: number; master: { row: number; col: number } }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const { row: r, col: c } = pos(cell);
      if (isSlave(cell)) {
        merged.push({ row: r, col: c, master: pos(cell.master) });
        return;
      }
      const text = valueText(cell.value, cell.numFmt);
      if (text.trim() === '') return;
      texts.set(`${r}:${c}`, text);
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
    });
  });
  if (texts.size === 0) return undefined;
  const slaves = new Map<string, { row: number; col: number }>();
  for (const m of merged) {
    if (!texts.has(`${m.master.row}:${m.master.col}`)) continue;
    slaves.set(`${m.row}:${m.col}`, m.master);
    maxRow = Math.max(maxRow, m.row);
    maxCol = Math.max(maxCol, m.col);
  }
  // The grid is dense: two far-apart cells would make rows × columns objects, so its area is bounded.
  if (maxRow * maxCol > limits.maxCells) throw limitError(fileName, 'cells', limits.maxCells, { sheet: ws.name, rows: maxRow, columns: maxCol });
  return { kind: 'table', rows: buildGrid(ws.name, maxRow, maxCol, texts, slaves), ref: { sheet: ws.name } };
}

function buildGrid(
  sheet: string,
  maxRow: number,
  maxCol: number,
  texts: Map<string, string>,
  slaves: Map<string, { row: number; col: number }>,
): TableCell[][] {
  const rows: TableCell[][] = [];
  for (let r = 1; r <= maxRow; r++) {
    const row: TableCell[] = [];
    for (let c = 1; c <= maxCol; c++) {
      const key = `${r}:${c}`;
      const cell: TableCell = { text: texts.get(key) ?? '', ref: { sheet, row: r, col: c } };
      const master = slaves.get(key);
      if (master) cell.mergedFrom = { row: master.row - 1, col: master.col - 1 };
      row.push(cell);
    }
    rows.push(row);
  }
  return rows;
}
