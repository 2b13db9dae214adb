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

export type SniffedFormat = 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'text';

function bytesInclude(bytes: Uint8Array, ascii: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(ascii, 'latin1'));
}

function bytesIncludeUtf16(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'utf16le'));
}

/**
 * An OLE compound file is an old binary .doc/.wps (a `WordDocument` stream) or .xls/.et (a
 * `Workbook`/`Book` stream), or an encrypted .docx/.xlsx, which the Office reader of the file's
 * kind reports as encrypted.
 */
function sniffOle(bytes: Uint8Array, fileName: string): SniffedFormat {
  const encrypted = bytesIncludeUtf16(bytes, 'EncryptionInfo') || bytesIncludeUtf16(bytes, 'EncryptedPackage');
  if (!encrypted && bytesIncludeUtf16(bytes, 'WordDocument')) return 'doc';
  if (!encrypted && (bytesIncludeUtf16(bytes, 'Workbook') || bytesIncludeUtf16(bytes, 'Book'))) return 'xls';
  return /\.(?:xlsx?|et)$/i.test(fileName) ? 'xlsx' : 'docx';
}

/** Guesses the format from magic bytes and zip entry names; throws for empty, huge or unknown zips. */
export function sniffFormat(bytes: Uint8Array, fileName: string): SniffedFormat {
  if (bytes.length === 0) throw new AppError('PLAN_IMPORT_EMPTY', `文件“${fileName}”是空文件（0 字节），请检查后重新上传。`, { fileName });
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new AppError('PLAN_IMPORT_TOO_LARGE', `文件“${fileName}”超过 50 MB 上限，无法导入。`, { fileName, bytes: bytes.length });
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return sniffOle(bytes, fileName);
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
  // Binary readers load lazily: `parse` of a text file never pays for pdfjs or exceljs.
  switch (format) {
    case 'pdf': return (await import('./pdf.reader.ts')).readPdf(bytes, fileName);
    case 'docx': return (await import('./docx.reader.ts')).readDocx(bytes, fileName);
    case 'xlsx': return (await import('./xlsx.reader.ts')).readXlsx(bytes, fileName);
    case 'doc': return (await import('./legacy-doc.reader.ts')).readLegacyDoc(bytes, fileName);
    case 'xls': return (await import('./legacy-xls.reader.ts')).readLegacyXls(bytes, fileName);
  }
}
