/**
 * Legacy spreadsheets (.xls, and .et that WPS Office writes in the same Excel 97 binary format):
 * read with SheetJS into the same grid the XLSX reader produces (sheet row/col numbers, merged
 * ranges as `mergedFrom`). SheetJS because LibreOffice needs its Calc component for sheets, which
 * servers often lack (this one does), while SheetJS is plain JavaScript. It runs in a thread of
 * its own per workbook (legacy-xls-thread.mjs says why), stopped at a deadline.
 */
import { Worker } from 'node:worker_threads';
import type { Block, SourceDocument, Table, TableCell } from '../document-model.ts';
import { READER_ERROR_CODES, assertNotEmpty, corruptError } from './reader-guards.ts';
import { AppError } from '../../domain/errors.ts';

const READ_TIMEOUT_MS = 30_000;

interface SheetData { name: string; rows: string[][]; merges: { r1: number; c1: number; r2: number; c2: number }[]; top: number; left: number }

function sheetTable(s: SheetData): Table | undefined {
  const width = Math.max(0, ...s.rows.map((r) => r.length));
  if (width === 0 || s.rows.every((r) => r.every((v) => v.trim() === ''))) return undefined;
  // sheet_to_json starts at the sheet's first used row; refs keep the sheet's own numbering.
  const grid: TableCell[][] = s.rows.map((r, i) => Array.from({ length: width }, (_, c) => ({
    text: r[c] ?? '',
    ref: { sheet: s.name, row: s.top + i + 1, col: s.left + c + 1 },
  })));
  for (const m of s.merges) {
    const top = m.r1 - s.top;
    const left = m.c1 - s.left;
    if ((grid[top]?.[left]?.text ?? '').trim() === '') continue;
    for (let r = m.r1; r <= m.r2; r++) {
      for (let c = m.c1; c <= m.c2; c++) {
        const cell = grid[r - s.top]?.[c - s.left];
        if (cell && (r !== m.r1 || c !== m.c1)) cell.mergedFrom = { row: top, col: left };
      }
    }
  }
  return { kind: 'table', rows: grid, ref: { sheet: s.name } };
}

function readInThread(bytes: Uint8Array, fileName: string): Promise<SheetData[]> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(new URL('./legacy-xls-thread.mjs', import.meta.url), { execArgv: [], workerData: bytes });
    const timer = setTimeout(() => {
      void thread.terminate();
      reject(new AppError(READER_ERROR_CODES.timeout, `读取文件“${fileName}”超时（超过 ${READ_TIMEOUT_MS / 1000} 秒），文件可能已损坏或过于复杂。`, { fileName }));
    }, READ_TIMEOUT_MS);
    const finish = (): void => {
      clearTimeout(timer);
      void thread.terminate();
    };
    thread.once('message', (msg: { sheets?: SheetData[]; error?: string }) => {
      finish();
      if (msg.sheets) resolve(msg.sheets);
      else reject(corruptError(fileName, 'Excel/WPS 表格', msg.error ?? 'no sheets'));
    });
    thread.once('error', (e) => {
      finish();
      reject(corruptError(fileName, 'Excel/WPS 表格', e.message));
    });
  });
}

/** Reads an .xls/.et workbook into the internal model (one Table per non-empty sheet). */
export async function readLegacyXls(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  assertNotEmpty(bytes, fileName);
  const sheets = await readInThread(bytes, fileName);
  if (sheets.length === 0) throw corruptError(fileName, 'Excel/WPS 表格', 'workbook has no sheets');
  const blocks: Block[] = [];
  for (const s of sheets) {
    const table = sheetTable(s);
    if (table) blocks.push(table);
  }
  return { format: 'xlsx', fileName, blocks, warnings: [] };
}
