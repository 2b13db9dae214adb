/**
 * Reader dispatch: sniffs the format from the bytes (never trusts the file name), rejects what
 * cannot be a plan document with a coded error naming the file, and hands the bytes to the one
 * reader of that format.
 */
import { AppError } from '../../domain/errors.ts';
import type { SourceDocument } from '../document-model.ts';
import { readText } from './text.reader.ts';

/** Largest accepted upload; bigger files are scans or archives, not plans. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export type SniffedFormat = 'pdf' | 'docx' | 'xlsx' | 'text';

type BinaryReader = (bytes: Uint8Array, fileName: string) => Promise<SourceDocument>;

// Binary readers are loaded lazily by module path: `parse` of a text file never pays for pdfjs,
// and a reader that is not installed yet surfaces as a clear error instead of a crash.
const BINARY_READERS: Record<Exclude<SniffedFormat, 'text'>, { path: string; exportName: string; label: string }> = {
  pdf: { path: './pdf.reader.ts', exportName: 'readPdf', label: 'PDF' },
  docx: { path: './docx.reader.ts', exportName: 'readDocx', label: 'DOCX' },
  xlsx: { path: './xlsx.reader.ts', exportName: 'readXlsx', label: 'XLSX' },
};

function bytesInclude(bytes: Uint8Array, ascii: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(ascii, 'latin1'));
}

/** Guesses the format from magic bytes and zip entry names; throws for empty, huge or unknown zips. */
export function sniffFormat(bytes: Uint8Array, fileName: string): SniffedFormat {
  if (bytes.length === 0) throw new AppError('PLAN_IMPORT_EMPTY', `文件“${fileName}”是空文件（0 字节），请检查后重新上传。`, { fileName });
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new AppError('PLAN_IMPORT_TOO_LARGE', `文件“${fileName}”超过 50 MB 上限，无法导入。`, { fileName, bytes: bytes.length });
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    if (bytesInclude(bytes, 'word/document.xml')) return 'docx';
    if (bytesInclude(bytes, 'xl/workbook.xml')) return 'xlsx';
    throw new AppError('PLAN_IMPORT_UNREADABLE', `文件“${fileName}”是压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件。`, { fileName });
  }
  return 'text';
}

/** Decodes bytes as UTF-8 text, rejecting invalid UTF-8 and binary content (control bytes). */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('PLAN_IMPORT_UNREADABLE', `文件“${fileName}”不是 UTF-8 文本，也不是 PDF/Word/Excel 文件，无法读取。`, { fileName });
  }
  // Control characters other than tab/newline/CR mean a binary file that happens to decode.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x08 || (c >= 0x0e && c <= 0x1f) || c === 0x7f) controls++;
  }
  if (controls > 0 && controls * 100 > text.length) {
    throw new AppError('PLAN_IMPORT_UNREADABLE', `文件“${fileName}”含有二进制内容，不是可读的文本文件。`, { fileName, controls });
  }
  if (text.trim() === '') throw new AppError('PLAN_IMPORT_EMPTY', `文件“${fileName}”没有任何文字内容。`, { fileName });
  return text;
}

/** Reads any supported document into the internal model (see document-model.ts). */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  const format = sniffFormat(bytes, fileName);
  if (format === 'text') return readText(decodeText(bytes, fileName), fileName);
  const spec = BINARY_READERS[format];
  let reader: BinaryReader | undefined;
  try {
    const mod = (await import(spec.path)) as Record<string, unknown>;
    const candidate = mod[spec.exportName];
    if (typeof candidate === 'function') reader = candidate as BinaryReader;
  } catch {
    reader = undefined;
  }
  if (!reader) {
    throw new AppError('PLAN_IMPORT_UNSUPPORTED_FORMAT', `暂不支持读取 ${spec.label} 文件“${fileName}”（读取器尚未安装）。`, { fileName, format });
  }
  return reader(bytes, fileName);
}
