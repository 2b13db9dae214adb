/**
 * Test-only: the layout corpus (src/ingest/__fixtures__/corpus, see its README) — plan documents of
 * the layout families offices receive, each with a hand-written gold file — and the formats each is
 * rendered to: the text as written, DOCX (one paragraph per line), PDF with a text layer, XLSX for
 * the sheet documents, and the legacy .doc/.wps/.xls/.et produced by LibreOffice when installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { CJK_FONT } from './render-pdf.ts';

export const CORPUS_DIR = fileURLToPath(new URL('../__fixtures__/corpus/', import.meta.url));

export type CorpusFormat = 'txt' | 'docx' | 'pdf' | 'xlsx' | 'doc' | 'wps' | 'xls' | 'et';

/** A sheet document as written in `NN-*.sheet.json`: title row, header, sections of rows. */
export interface SheetSpec {
  title: string;
  header: string[];
  sections: { title: string; rows: string[][] }[];
}

export interface CorpusDoc {
  id: string;
  family: string;
  gold: Record<string, unknown>;
  /** The document as written: text lines, or a sheet. */
  text?: string;
  sheet?: SheetSpec;
}

/** Every corpus document with its gold file, in file order. */
export function loadCorpus(): CorpusDoc[] {
  const files = readdirSync(CORPUS_DIR).sort();
  return files.filter((f) => f.endsWith('.gold.json')).map((f) => {
    const id = f.replace(/\.gold\.json$/, '');
    const gold = JSON.parse(readFileSync(join(CORPUS_DIR, f), 'utf8')) as Record<string, unknown>;
    const doc: CorpusDoc = { id, family: String(gold.family), gold };
    if (files.includes(`${id}.txt`)) doc.text = readFileSync(join(CORPUS_DIR, `${id}.txt`), 'utf8');
    if (files.includes(`${id}.sheet.json`)) doc.sheet = JSON.parse(readFileSync(join(CORPUS_DIR, `${id}.sheet.json`), 'utf8')) as SheetSpec;
    return doc;
  });
}

/** Formats a document is rendered to by code (legacy formats come from these through LibreOffice). */
export function nativeFormats(doc: CorpusDoc): CorpusFormat[] {
  return doc.sheet ? ['xlsx'] : ['txt', 'docx', 'pdf'];
}

const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

async function textDocx(text: string): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: lines(text).map((l) => new Paragraph(l)) }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

async function textPdf(text: string): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 60, right: 60 } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  doc.registerFont('cjk', CJK_FONT, 'NotoSansCJKsc-Regular');
  doc.font('cjk').fontSize(11);
  for (const l of lines(text)) doc.text(l, { paragraphGap: 6 });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** The sheet as offices send it: a title row merged across, the header, section rows merged across. */
async function sheetXlsx(spec: SheetSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  const width = spec.header.length;
  ws.addRow([spec.title]);
  ws.mergeCells(1, 1, 1, width);
  ws.addRow(spec.header);
  for (const s of spec.sections) {
    const r = ws.addRow([s.title]);
    ws.mergeCells(r.number, 1, r.number, width);
    for (const row of s.rows) ws.addRow(row);
  }
  spec.header.forEach((_, i) => { ws.getColumn(i + 1).width = i === 1 ? 50 : 18; });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** True when LibreOffice can be run (it makes the legacy-format files). */
export function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

// LibreOffice filter names of the legacy formats; .wps/.et are WPS Office's names for files in
// the Word 97 / Excel 97 binary formats, which is what WPS writes in compatibility mode.
const LEGACY: Record<'doc' | 'wps' | 'xls' | 'et', { from: 'docx' | 'xlsx'; filter: string }> = {
  doc: { from: 'docx', filter: 'doc:MS Word 97' },
  wps: { from: 'docx', filter: 'doc:MS Word 97' },
  xls: { from: 'xlsx', filter: 'xls:MS Excel 97' },
  et: { from: 'xlsx', filter: 'xls:MS Excel 97' },
};

/** Converts DOCX/XLSX bytes to a legacy binary format with LibreOffice (one process per call). */
export function convertLegacy(bytes: Uint8Array, to: keyof typeof LEGACY): Uint8Array {
  const { from, filter } = LEGACY[to];
  const dir = mkdtempSync(join(tmpdir(), 'ys-legacy-'));
  try {
    writeFileSync(join(dir, `in.${from}`), bytes);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', filter, '--outdir', dir, join(dir, `in.${from}`)], { stdio: 'ignore', timeout: 120_000 });
    return new Uint8Array(readFileSync(join(dir, `in.${filter.split(':')[0] ?? to}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The document in one format, generated from what is committed. */
export async function renderCorpusDoc(doc: CorpusDoc, format: CorpusFormat): Promise<Uint8Array> {
  if (doc.sheet) {
    const xlsx = await sheetXlsx(doc.sheet);
    if (format === 'xlsx') return xlsx;
    if (format === 'xls' || format === 'et') return convertLegacy(xlsx, format);
  } else if (doc.text !== undefined) {
    if (format === 'txt') return new Uint8Array(Buffer.from(doc.text, 'utf8'));
    if (format === 'docx') return textDocx(doc.text);
    if (format === 'pdf') return textPdf(doc.text);
    if (format === 'doc' || format === 'wps') return convertLegacy(await textDocx(doc.text), format);
  }
  throw new Error(`corpus ${doc.id} has no ${format} rendering`);
}
