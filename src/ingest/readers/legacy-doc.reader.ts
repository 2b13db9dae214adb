/**
 * Legacy Word-family files (.doc, and .wps that WPS Office writes in the same Word 97 binary
 * format): LibreOffice converts them to .docx, which the DOCX reader reads with its tables, merged
 * cells and numbering. Chosen over `word-extractor` by measurement on the seeds and the layout
 * corpus: word-extractor returns text only, so seed 000's table fell to 143/204 tasks and 10.5%
 * field accuracy, against 204/204 and 99.1% through LibreOffice (see the corpus README).
 */
import { AppError } from '../../domain/errors.ts';
import type { SourceDocument } from '../document-model.ts';
import { currentLegacyDocConverter } from './converters.ts';
import { corruptError } from './reader-guards.ts';
import { readDocx } from './docx.reader.ts';

/** Reads a .doc/.wps file through the installed converter (LibreOffice); a clear error when there is none. */
export async function readLegacyDoc(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  const convert = currentLegacyDocConverter();
  let docx: Uint8Array | null;
  try {
    docx = convert ? await convert(bytes) : null;
  } catch (e) {
    throw corruptError(fileName, 'Word/WPS', e instanceof Error ? e.message : String(e));
  }
  if (!docx) {
    throw new AppError('PLAN_IMPORT_LEGACY_UNSUPPORTED', `服务器未安装 LibreOffice，无法读取旧版 Word/WPS 文字文件“${fileName}”。请用 Office/WPS 另存为 .docx 后再上传。`, { fileName });
  }
  return await readDocx(docx, fileName);
}
