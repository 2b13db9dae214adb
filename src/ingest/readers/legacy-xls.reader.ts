/**
 * Legacy spreadsheets (.xls, and .et that WPS Office writes in the same Excel 97 binary format):
 * read with SheetJS into the same grid the XLSX reader produces (sheet row/col numbers, merged
 * ranges as `mergedFrom`). SheetJS because LibreOffice needs its Calc component for sheets, which
 * servers often lack (this one does), while SheetJS is plain JavaScript.
 */
import * as XLSX from 'xlsx';
import type { Block, SourceDocument, Table, TableCell } from '../document-model.ts';
import { assertNotEmpty, corruptError, withCorruptGuard } from './reader-guards.ts';

// With `raw: false` SheetJS gives every cell as its displayed text; anything else is blank.
const cellText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function sheetTable(name: string, ws: XLSX.WorkSheet): Table | undefined {
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '', blankrows: true });
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0 || rows.every((r) => r.every((v) => cellText(v).trim() === ''))) return undefined;
  // sheet_to_json starts at the sheet's first used row; keep the sheet's own numbering.
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
  const grid: TableCell[][] = rows.map((r, i) => Array.from({ length: width }, (_, c) => ({
    text: cellText(r[c]),
    ref: { sheet: name, row: range.s.r + i + 1, col: range.s.c + c + 1 },
  })));
  for (const m of ws['!merges'] ?? []) {
    const top = m.s.r - range.s.r;
    const left = m.s.c - range.s.c;
    if ((grid[top]?.[left]?.text ?? '').trim() === '') continue;
    for (let r = m.s.r; r <= m.e.r; r++) {
      for (let c = m.s.c; c <= m.e.c; c++) {
        const cell = grid[r - range.s.r]?.[c - range.s.c];
        if (cell && (r !== m.s.r || c !== m.s.c)) cell.mergedFrom = { row: top, col: left };
      }
    }
  }
  return { kind: 'table', rows: grid, ref: { sheet: name } };
}

/** Reads an .xls/.et workbook into the internal model (one Table per non-empty sheet). */
export async function readLegacyXls(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  assertNotEmpty(bytes, fileName);
  return withCorruptGuard(fileName, 'Excel/WPS 表格', () => {
    // Only cell values are needed; formulas, styles, HTML and macros are not parsed at all.
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false, sheetStubs: false });
    if (wb.SheetNames.length === 0) throw corruptError(fileName, 'Excel/WPS 表格', 'workbook has no sheets');
    const blocks: Block[] = [];
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name];
      const table = ws ? sheetTable(name, ws) : undefined;
      if (table) blocks.push(table);
    }
    return Promise.resolve({ format: 'xlsx', fileName, blocks, warnings: [] });
  });
}
