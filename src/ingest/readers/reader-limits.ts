/**
 * Limits every reader enforces on an untrusted document, and the one error that names the limit
 * hit. Why: a 1.6 KB XLSX declaring a sheet-wide merge, or a 0.7 MB DOCX inflating to gigabytes,
 * would otherwise take the whole server's memory. Sizes are checked before the work they bound.
 */
import { AppError } from '../../domain/errors.ts';
import { READER_ERROR_CODES } from './reader-guards.ts';

export interface ReaderLimits {
  /** Bytes all entries of a zip package (DOCX, XLSX) may inflate to together. */
  maxInflatedBytes: number;
  /** Bytes one zip entry may inflate to. */
  maxEntryBytes: number;
  /** Inflated : compressed ratio allowed for an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Entries in a zip package. */
  maxEntries: number;
  /** Rows of a sheet or table (the largest row number an XLSX cell or merge may name). */
  maxRows: number;
  /** Columns of a sheet or table. */
  maxColumns: number;
  /** Cells of one sheet or table grid (rows × columns), merged ranges counted by their area. */
  maxCells: number;
  /** Merged ranges in one sheet (exceljs checks each new merge against all earlier ones). */
  maxMerges: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = {
  maxInflatedBytes: 300 * 1024 * 1024,
  maxEntryBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 16 * 1024 * 1024,
  maxEntries: 5000,
  maxRows: 200_000,
  maxColumns: 1000,
  maxCells: 2_000_000,
  maxMerges: 20_000,
};

/** Which limit an untrusted file hit; `details.limit` carries it for clients and the log. */
export type LimitKind = 'inflated' | 'entry' | 'ratio' | 'entries' | 'rows' | 'columns' | 'cells' | 'merges' | 'memory' | 'time';

const MB = 1024 * 1024;
const mb = (n: number): string => `${Math.round((n / MB) * 10) / 10} MB`;

/** The Chinese sentence naming the limit (shared with the parse pool's memory and time limits). */
export function limitSentence(limit: LimitKind, max: number): string {
  switch (limit) {
    case 'inflated': return `解压后总大小超过 ${mb(max)} 上限（疑似压缩炸弹）`;
    case 'entry': return `其中一个部件解压后超过 ${mb(max)} 上限（疑似压缩炸弹）`;
    case 'ratio': return `压缩比超过 ${max} 倍上限（疑似压缩炸弹）`;
    case 'entries': return `压缩包内文件数超过 ${max} 个上限`;
    case 'rows': return `行数超过 ${max} 行上限`;
    case 'columns': return `列数超过 ${max} 列上限`;
    case 'cells': return `单元格数（含合并区域）超过 ${max} 个上限`;
    case 'merges': return `合并单元格区域超过 ${max} 个上限`;
    case 'memory': return `解析所需内存超过 ${max} MB 上限`;
    case 'time': return `解析时间超过 ${max} 秒上限`;
  }
}

/** A coded error: the file is beyond what the platform reads, and which limit says so. */
export function limitError(fileName: string, limit: LimitKind, max: number, details: Record<string, unknown> = {}): AppError {
  const code = limit === 'time' ? READER_ERROR_CODES.timeout : READER_ERROR_CODES.tooComplex;
  return new AppError(code, `文件“${fileName}”${limitSentence(limit, max)}，已停止解析。请检查文件内容后另存再上传。`, { fileName, limit, max, ...details });
}
