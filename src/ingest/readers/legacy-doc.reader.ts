/**
 * Legacy Word-family files (.doc, and .wps that WPS Office writes in the same Word 97 binary
 * format): LibreOffice converts them to .docx, which the DOCX reader reads with its tables, merged
 * cells and numbering. Chosen over `word-extractor` by measurement on the seeds and the layout
 * corpus: word-extractor returns text only, so seed 000's table fell to 143/204 tasks and 10.5%
 * field accuracy, against 204/204 and 99.1% through LibreOffice (see the corpus README).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../domain/errors.ts';
import type { SourceDocument } from '../document-model.ts';
import { corruptError } from './reader-guards.ts';
import { readDocx } from './docx.reader.ts';

const CONVERT_TIMEOUT_MS = 120_000;

/** The LibreOffice executable: `SOFFICE_PATH` (or `off`), else `soffice`/`libreoffice` on PATH. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.SOFFICE_PATH === 'off') return null;
  if (env.SOFFICE_PATH) return env.SOFFICE_PATH;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not in this directory
      }
    }
  }
  return null;
}

function run(file: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: CONVERT_TIMEOUT_MS }, (error) => (error ? reject(new Error(error.message)) : resolve()));
  });
}

/** Reads a .doc/.wps file through LibreOffice; a clear error when it is not installed. */
export async function readLegacyDoc(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  const soffice = findSoffice();
  if (!soffice) {
    throw new AppError('PLAN_IMPORT_LEGACY_UNSUPPORTED', `服务器未安装 LibreOffice，无法读取旧版 Word/WPS 文字文件“${fileName}”。请用 Office/WPS 另存为 .docx 后再上传。`, { fileName });
  }
  // Each conversion has its own directory and LibreOffice profile: two concurrent soffice
  // processes sharing a profile make the second exit without converting.
  const dir = await mkdtemp(join(tmpdir(), 'ys-legacy-'));
  try {
    const input = join(dir, 'document.doc');
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    try {
      await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, input]);
    } catch (e) {
      throw corruptError(fileName, 'Word/WPS', e instanceof Error ? e.message : String(e));
    }
    let docx: Buffer;
    try {
      docx = await readFile(join(dir, 'document.docx'));
    } catch {
      throw corruptError(fileName, 'Word/WPS', 'LibreOffice produced no output');
    }
    return await readDocx(new Uint8Array(docx), fileName);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
