/**
 * Test helper: DOCX → PDF through LibreOffice as the server converts (its fontconfig file and the
 * profile registry of line-breaks.ts), read back with poppler (pdftotext, pdffonts, pdfinfo).
 * Tests using it skip where the tools are missing, unless REQUIRE_SOFFICE=true (CI).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FONTCONFIG_FILE } from '../gbt9704/fonts.ts';
import { LIBREOFFICE_REGISTRY, LIBREOFFICE_REGISTRY_PATH, MEASURE_WORDS } from '../gbt9704/line-breaks.ts';

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether soffice and poppler are installed. */
export const sofficeAvailable = has('soffice') && has('pdftotext') && has('pdfinfo') && has('pdffonts');
// CI installs LibreOffice and poppler and sets REQUIRE_SOFFICE: there a missing tool is a failure, not a skip.
if (!sofficeAvailable && process.env.REQUIRE_SOFFICE === 'true') throw new Error('REQUIRE_SOFFICE is set but soffice/pdftotext/pdfinfo/pdffonts are not installed');

export interface Pdf {
  file: string;
  pages: number;
  /** All text, whitespace removed. */
  text: string;
  /** Text lines in reading order (pdftotext -raw), trimmed, blank ones dropped. */
  lines: string[];
  /** Distinct embedded faces. */
  fonts: string[];
}

/** Base names of the embedded fonts (subset tag and LibreOffice's -VKana suffix dropped), distinct. */
function embeddedFaces(pdffonts: string): string[] {
  const names = pdffonts.split('\n').slice(2).map((l) => l.split(/\s+/)[0] ?? '').filter((n) => n !== '');
  return [...new Set(names.map((n) => n.replace(/^[A-Z]{6}\+/, '').replace(/-VKana$/, '')))];
}

/**
 * Converts DOCX bytes in `dir` (its own LibreOffice profile there). `registry: false` leaves the
 * profile without the line-start rules, as a server that does not write them would.
 */
export function docxToPdf(docx: Uint8Array, dir: string, name: string, registry = true): Pdf {
  const profile = join(dir, registry ? 'lo-profile' : 'lo-profile-bare');
  mkdirSync(join(profile, 'user'), { recursive: true });
  if (registry) writeFileSync(join(profile, LIBREOFFICE_REGISTRY_PATH), LIBREOFFICE_REGISTRY);
  const input = join(dir, `${name}.docx`);
  writeFileSync(input, docx);
  // The same fontconfig file the server gives soffice (pdf.ts): each role its own open face.
  const env = { ...process.env, FONTCONFIG_FILE: fileURLToPath(FONTCONFIG_FILE) };
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'ignore', timeout: 120_000, env });
  const file = join(dir, `${name}.pdf`);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
  // Without -layout, text comes in reading order; spaces LibreOffice puts between CJK and digits are dropped.
  const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  return {
    file,
    pages,
    text: raw.replace(/\s+/g, ''),
    lines: raw.split('\n').map((l) => l.trim()).filter((l) => l !== ''),
    fonts: embeddedFaces(execFileSync('pdffonts', [file], { encoding: 'utf8' })),
  };
}

/** Text of one page (pdftotext -raw), whitespace removed. */
export function pageText(pdf: Pdf, page: number): string {
  return execFileSync('pdftotext', ['-raw', '-f', String(page), '-l', String(page), pdf.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** Words of one page with their boxes in points from the top (pdftotext -bbox). */
export function pageWords(pdf: Pdf, page: number): { text: string; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf.file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word [^>]*yMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ yMax: Number(m[1]), text: m[2] ?? '' }));
}

const MEASURE = new RegExp(`^[${MEASURE_WORDS}%％‰]`);

/**
 * Line ends inside a figure: a digit (or decimal point) at the end of a line and the number going
 * on (“11⏎0”, “31.⏎6%”), its measure word or unit on the next line (“7⏎项”, “30⏎日”), or a date or
 * 文号 cut after its year or month (“2023年⏎6月”, “〔2023〕⏎9号”). A table row read back starts with
 * its number and a space, and a 编号 cell may stand alone on a line: neither is a split.
 */
export function splitFigures(lines: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1] ?? '', lines[i] ?? ''];
    const inNumber = /[\d.]$/.test(a) && /^(\.|\d+[^\s\d])/.test(b);
    // A line that is only a number is a table cell (编号) read before the next cell, not a split.
    const unit = /[\d%]$/.test(a) && /[^\d.%\s]/.test(a) && MEASURE.test(b);
    const inDate = /(\d[年月]|〔\d{4}〕)$/.test(a) && /^\d/.test(b);
    if (inNumber || unit || inDate) found.push(`${a.slice(-10)}⏎${b.slice(0, 10)}`);
  }
  return found;
}
