/**
 * What the parse process does with an untrusted file (see parse-pool.ts): each job reads bytes
 * with the bounded readers and returns plain data, so the server never parses on its event loop.
 */
import type { PlanDraft } from '../../ingest/index.ts';
import { parseDocument } from '../../ingest/index.ts';
import { DEFAULT_READER_LIMITS } from '../../ingest/readers/reader-limits.ts';
import { loadBoundedWorkbook } from '../../ingest/readers/xlsx-guard.ts';
import { valueText } from '../../ingest/readers/xlsx.reader.ts';
import { readTable, type TableJob } from './table-job.ts';

export type { TableJob } from './table-job.ts';

/** A plan document → its draft for review. */
export interface PlanJob { kind: 'plan'; bytes: Uint8Array; fileName: string }
/** A rank template → the values of the named sheets (numbers kept as numbers, the rest as shown text). */
export interface WorkbookJob { kind: 'workbook'; bytes: Uint8Array; fileName: string; sheets: string[]; columns: number; maxRows: number }
export type ParseJob = PlanJob | WorkbookJob | TableJob;

/** One sheet's cells by 1-based row and column; `null` where the sheet has no such sheet. */
export interface SheetValues { rowCount: number; rows: (number | string)[][] }
export type WorkbookValues = Record<string, SheetValues | null>;

export type JobResult<J extends ParseJob> = J extends PlanJob ? PlanDraft : J extends TableJob ? string[][] : WorkbookValues;

async function readWorkbook(job: WorkbookJob): Promise<WorkbookValues> {
  const limits = { ...DEFAULT_READER_LIMITS, maxRows: job.maxRows };
  const wb = await loadBoundedWorkbook(job.bytes, job.fileName, limits);
  const out: WorkbookValues = {};
  for (const name of job.sheets) {
    const ws = wb.getWorksheet(name);
    if (!ws) {
      out[name] = null;
      continue;
    }
    const rows: (number | string)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: (number | string)[] = [];
      for (let c = 1; c <= job.columns; c++) {
        const v = ws.getCell(r, c).value;
        row.push(typeof v === 'number' ? v : valueText(v));
      }
      rows.push(row);
    }
    out[name] = { rowCount: ws.rowCount, rows };
  }
  return out;
}

/** Runs one job (in the parse process, or in-process for the CLI and unit tests). */
export async function runParseJob(job: ParseJob): Promise<PlanDraft | WorkbookValues | string[][]> {
  if (job.kind === 'plan') return parseDocument({ bytes: job.bytes, fileName: job.fileName });
  if (job.kind === 'table') return readTable(job);
  return readWorkbook(job);
}
