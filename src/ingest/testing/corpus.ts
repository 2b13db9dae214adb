/**
 * Test-only: the layout corpus (src/ingest/__fixtures__/corpus, see its README) — plan documents of
 * the layout families offices receive, each with a hand-written gold file — and the formats each is
 * rendered to: the text as written, DOCX (one paragraph per line), PDF with a text layer, XLSX for
 * the sheet documents, legacy .doc/.wps through LibreOffice (when installed) and .xls/.et by SheetJS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import * as XLSX from 'xlsx';
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

export async function textDocx(text: string): Promise<Uint8Array> {
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

/**
 * DOCX files converted to the Word 97 binary format by LibreOffice, in one batch (a soffice start
 * costs seconds). Through ODT, because LibreOffice 7.4 writes a DOCX table straight to .doc as
 * plain paragraphs, while an ODT table survives. WPS Office saves .wps in this same format.
 */
export function docxToDoc(files: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'ys-legacy-'));
  const soffice = (to: string, inputs: string[]): void => {
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, ...inputs], { stdio: 'ignore', timeout: 600_000 });
  };
  try {
    const names = [...files.keys()];
    names.forEach((n) => writeFileSync(join(dir, `${n}.docx`), files.get(n) as Uint8Array));
    soffice('odt', names.map((n) => join(dir, `${n}.docx`)));
    soffice('doc:MS Word 97', names.map((n) => join(dir, `${n}.odt`)));
    return new Map(names.map((n) => [n, new Uint8Array(readFileSync(join(dir, `${n}.doc`)))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sheet as an Excel 97 (.xls) workbook written by SheetJS, with the same merges as the XLSX. */
function sheetXls(spec: SheetSpec): Uint8Array {
  const width = spec.header.length;
  const aoa: string[][] = [[spec.title], spec.header];
  const merges: XLSX.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } }];
  for (const s of spec.sections) {
    merges.push({ s: { r: aoa.length, c: 0 }, e: { r: aoa.length, c: width - 1 } });
    aoa.push([s.title], ...s.rows);
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
}

/** The document in one format, generated from what is committed. */
export async function renderCorpusDoc(doc: CorpusDoc, format: CorpusFormat): Promise<Uint8Array> {
  if (doc.sheet) {
    const xlsx = await sheetXlsx(doc.sheet);
    if (format === 'xlsx') return xlsx;
    if (format === 'xls' || format === 'et') return sheetXls(doc.sheet);
  } else if (doc.text !== undefined) {
    if (format === 'txt') return new Uint8Array(Buffer.from(doc.text, 'utf8'));
    if (format === 'docx') return textDocx(doc.text);
    if (format === 'pdf') return textPdf(doc.text);
    if (format === 'doc' || format === 'wps') return docxToDoc(new Map([[doc.id, await textDocx(doc.text)]])).get(doc.id) as Uint8Array;
  }
  throw new Error(`corpus ${doc.id} has no ${format} rendering`);
}
