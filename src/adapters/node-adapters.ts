/**
 * The machine-side capabilities the pure engines are given: the CJK font the chart renderer
 * outlines text with (reports) and the LibreOffice converter for legacy Word/WPS files (ingest).
 * Engines never touch the file system, the environment or child processes themselves; the server
 * (buildApp), the CLI (main), the parse processes and the test setup call installNodeAdapters().
 * Both read the environment when used, not when installed, so a changed SOFFICE_PATH or
 * YINGSHANG_CJK_FONT takes effect at once.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appError } from '../domain/errors.ts';
import { provideLegacyDocConverter } from '../ingest/readers/converters.ts';
import { provideChartFont, type ChartFontFile } from '../reports/charts/chart-font.ts';

/** Where Debian's fonts-noto-cjk installs the face; YINGSHANG_CJK_FONT overrides. */
export const DEFAULT_CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
];
const CONVERT_TIMEOUT_MS = 120_000;

/** Reads the chart font: YINGSHANG_CJK_FONT, else the first Debian location that exists. */
export function loadCjkFont(env: NodeJS.ProcessEnv = process.env): ChartFontFile {
  const fromEnv = env.YINGSHANG_CJK_FONT;
  const candidates = fromEnv ? [fromEnv] : DEFAULT_CJK_FONTS;
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    throw appError('REPORT_FONT_MISSING', `没有找到中文字体文件（${candidates.join('、')}），无法生成图表；请安装 fonts-noto-cjk 或设置 YINGSHANG_CJK_FONT。`, { candidates });
  }
  return { file, bytes: new Uint8Array(readFileSync(file)) };
}

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

/** .doc/.wps → .docx through LibreOffice; null when it is not installed; throws when conversion fails. */
export async function convertLegacyDoc(bytes: Uint8Array): Promise<Uint8Array | null> {
  const soffice = findSoffice();
  if (!soffice) return null;
  // Each conversion has its own directory and LibreOffice profile: two concurrent soffice
  // processes sharing a profile make the second exit without converting.
  const dir = await mkdtemp(join(tmpdir(), 'ys-legacy-'));
  try {
    const input = join(dir, 'document.doc');
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, input]);
    try {
      return new Uint8Array(await readFile(join(dir, 'document.docx')));
    } catch {
      throw new Error('LibreOffice produced no output');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let installed = false;

/** Gives the engines their machine-side capabilities (once per process; later calls do nothing). */
export function installNodeAdapters(): void {
  if (installed) return;
  installed = true;
  provideChartFont(() => loadCjkFont());
  provideLegacyDocConverter(convertLegacyDoc);
}
