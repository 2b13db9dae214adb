/**
 * DOCX → PDF through LibreOffice (`soffice --headless --convert-to pdf`) when it is installed.
 * It is optional: without it documents are archived as DOCX only. Each conversion gets its own
 * LibreOffice profile directory, because two soffice processes sharing the default profile (two
 * requests, two server instances on one host) make the second exit without converting.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FONTCONFIG_FILE, LIBREOFFICE_REGISTRY, LIBREOFFICE_REGISTRY_PATH } from '../../../reports/index.ts';

let found: string | null | undefined;

/**
 * The soffice executable, or null. `SOFFICE_PATH` names it explicitly; `SOFFICE_PATH=off`
 * disables conversion (tests that don't look at PDFs save the seconds it takes).
 */
export function sofficePath(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.SOFFICE_PATH;
  if (configured === 'off') return null;
  if (configured) return configured;
  if (found !== undefined) return found;
  found = null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        found = join(dir, name);
        return found;
      } catch {
        // not in this directory
      }
    }
  }
  return found;
}

/**
 * soffice's environment: our fontconfig file gives each GB/T 9704 role its own open face when the
 * official fonts are missing (an administrator's own FONTCONFIG_FILE wins).
 */
export function sofficeEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return env.FONTCONFIG_FILE ? env : { ...env, FONTCONFIG_FILE: fileURLToPath(FONTCONFIG_FILE) };
}

function run(file: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, env: sofficeEnv() }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`soffice failed: ${error.message} ${stderr}`.trim()));
      else resolve();
    });
  });
}

/** Converts DOCX bytes to PDF bytes, or returns null when LibreOffice is not installed. */
export async function docxToPdf(docx: Uint8Array, timeoutMs = 120_000): Promise<Buffer | null> {
  const soffice = sofficePath();
  if (!soffice) return null;
  const dir = await mkdtemp(join(tmpdir(), 'ys-pdf-'));
  try {
    const input = join(dir, 'document.docx');
    await writeFile(input, docx);
    // The profile carries the line-start rules that keep a figure and its measure word together
    // (LibreOffice does not read them from the DOCX; see reports/gbt9704/line-breaks.ts).
    const registry = join(dir, 'profile', LIBREOFFICE_REGISTRY_PATH);
    await mkdir(dirname(registry), { recursive: true });
    await writeFile(registry, LIBREOFFICE_REGISTRY);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], timeoutMs);
    return await readFile(join(dir, 'document.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
