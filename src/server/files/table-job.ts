/**
 * Reads the rows of an imported list (督查整改清单, 12345 export) in the parse process: a CSV file,
 * or the largest table of an XLSX/DOCX file, as text cells with the file's row numbers.
 */
import { parseCsv } from '../../domain/cases/case-import.ts';
import { AppError } from '../../domain/errors.ts';
import { decodeText, readDocument, sniffFormat } from '../../ingest/readers/index.ts';

/** A list file → its rows of text cells (row i is the file's row i + 1 for CSV and XLSX). */
export interface TableJob { kind: 'table'; bytes: Uint8Array; fileName: string }

export async function readTable(job: TableJob): Promise<string[][]> {
  const format = sniffFormat(job.bytes, job.fileName);
  if (format === 'text') return parseCsv(decodeText(job.bytes, job.fileName));
  if (format !== 'xlsx' && format !== 'docx') throw new AppError('CASE_IMPORT_UNREADABLE', `文件“${job.fileName}”不是 XLSX、CSV 或 DOCX 文件`);
  const doc = await readDocument(job.bytes, job.fileName);
  const tables = doc.blocks.filter((b) => b.kind === 'table');
  const largest = tables.sort((a, b) => b.rows.length - a.rows.length)[0];
  if (!largest) throw new AppError('CASE_IMPORT_UNREADABLE', `文件“${job.fileName}”中没有表格`);
  // XLSX grids keep the sheet's row numbers in their cells' refs: pad so index + 1 is the row.
  const firstRow = largest.rows[0]?.[0]?.ref.row ?? 1;
  const pad: string[][] = format === 'xlsx' ? Array.from({ length: Math.max(0, firstRow - 1) }, () => []) : [];
  return [...pad, ...largest.rows.map((r) => r.map((c) => c.text))];
}
