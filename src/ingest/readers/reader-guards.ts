/**
 * Checks and error constructors shared by the binary readers (DOCX, XLSX, PDF), so every reader
 * reports an unreadable file with the same stable codes and a Chinese message naming the file.
 */
import { AppError, isAppError } from '../../domain/errors.ts';

/** Codes a reader may throw; clients branch on these, never on the message text. */
export const READER_ERROR_CODES = {
  empty: 'PLAN_IMPORT_EMPTY',
  corrupt: 'PLAN_IMPORT_CORRUPT',
  encrypted: 'PLAN_IMPORT_ENCRYPTED',
  ocr: 'PLAN_IMPORT_OCR_UNSUPPORTED',
  timeout: 'PLAN_IMPORT_TIMEOUT',
  tooComplex: 'PLAN_IMPORT_TOO_COMPLEX',
} as const;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b];

/** A "file is damaged" error naming the file; `why` goes to details for the log, not the user. */
export function corruptError(fileName: string, kind: string, why?: string): AppError {
  return new AppError(
    READER_ERROR_CODES.corrupt,
    `文件“${fileName}”已损坏或不是有效的 ${kind} 文件，无法读取。请用 Office/WPS 打开确认后另存再上传。`,
    { fileName, ...(why ? { reason: why.slice(0, 300) } : {}) },
  );
}

/** A "file is password-protected" error naming the file. */
export function encryptedError(fileName: string): AppError {
  return new AppError(
    READER_ERROR_CODES.encrypted,
    `文件“${fileName}”设置了密码保护（已加密），无法读取。请取消密码后另存再上传。`,
    { fileName },
  );
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** True when the UTF-16LE spelling of `name` occurs in `bytes` (OLE directory entries use it). */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/**
 * Rejects what cannot be an OOXML package before unzipping. The trap: Office saves a
 * password-protected .docx/.xlsx not as a zip but as an OLE compound file holding an
 * `EncryptionInfo` stream, so it would otherwise surface as a baffling "corrupt zip".
 */
export function assertOoxmlPackage(bytes: Uint8Array, fileName: string, kind: 'DOCX' | 'XLSX'): void {
  assertNotEmpty(bytes, fileName);
  if (startsWith(bytes, OLE_MAGIC)) {
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) throw encryptedError(fileName);
    // An unencrypted OLE file is the old binary .doc/.xls format, which we do not read.
    throw new AppError(
      READER_ERROR_CODES.corrupt,
      `文件“${fileName}”是旧版 Office 二进制格式（.doc/.xls），请用 Office/WPS 另存为 ${kind === 'DOCX' ? '.docx' : '.xlsx'} 后再上传。`,
      { fileName, reason: 'ole-compound-file' },
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw corruptError(fileName, kind, 'not a zip package');
}

/** Throws an empty-file error when `bytes` has no content. */
export function assertNotEmpty(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) {
    throw new AppError(READER_ERROR_CODES.empty, `文件“${fileName}”是空文件（0 字节），请检查后重新上传。`, { fileName });
  }
}

/**
 * Runs a reader body and turns any foreign exception into a CORRUPT AppError. Why: third-party
 * parsers (jszip, exceljs, pdfjs) throw TypeErrors, RangeErrors or strings on damaged input, and
 * callers must only ever see AppError with a code.
 */
export async function withCorruptGuard<T>(fileName: string, kind: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (isAppError(e)) throw e;
    throw corruptError(fileName, kind, e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
}
