/**
 * Test-only: draws a render model as a PDF with pdfkit and a Noto CJK font, the way official
 * plans are printed: a ruled table that breaks over pages with the header row repeated (and the
 * merged cells' values repeated on each page, as in seed 001), a running title at the top of
 * every page and the page number `— N —` in the footer.
 */
import PDFDocument from 'pdfkit';
import type { RenderDoc, RenderTable } from './gold-render-model.ts';

/** Debian fonts-noto-cjk; CI installs it. The TTC needs the face's PostScript name. */
export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FACE = 'NotoSansCJKsc-Regular';
const PAD = 2;

/** Options: `minPages` repeats the table until the file has that many pages (benchmark file). */
export interface PdfRenderOptions { minPages?: number; maxPages?: number; runningTitle?: boolean }

type Doc = InstanceType<typeof PDFDocument>;

interface Placed { r: number; y: number; h: number; first: boolean }

class TableDrawer {
  private readonly colW: number[];
  private readonly x: number[];
  constructor(private readonly doc: Doc, private readonly t: RenderTable, private readonly size: number, private readonly maxPages = Infinity) {
    const m = doc.page.margins;
    const width = doc.page.width - m.left - m.right;
    const total = t.widths.reduce((s, w) => s + w, 0);
    this.colW = t.widths.map((w) => (w / total) * width);
    this.x = this.colW.map((_, c) => m.left + this.colW.slice(0, c).reduce((s, w) => s + w, 0));
  }

  private mergeAt(r: number, c: number): { from: number; to: number } | undefined {
    return this.t.merges.find((m) => m.col === c && r >= m.from && r <= m.to);
  }

  /** What a cell shows: a merged value is shown on its first row and again atop each new page. */
  private visible(r: number, c: number, first: boolean): string {
    const m = this.mergeAt(r, c);
    if (m && r > m.from) return first ? (this.t.rows[m.from]?.[c] ?? '') : '';
    return this.t.rows[r]?.[c] ?? '';
  }

  private textH(text: string, c: number): number {
    if (text === '') return this.size + 2 * PAD;
    return this.doc.heightOfString(text, { width: (this.colW[c] ?? 10) - 2 * PAD, lineGap: 0 }) + 2 * PAD;
  }

  // A merged value's height is charged to the row that shows it, so it can never spill.
  private rowH(cells: string[]): number {
    return Math.max(...cells.map((text, c) => this.textH(text, c)));
  }

  private drawCell(text: string, c: number, y: number, h: number): void {
    this.doc.rect(this.x[c] ?? 0, y, this.colW[c] ?? 0, h).stroke();
    if (text !== '') this.doc.text(text, (this.x[c] ?? 0) + PAD, y + PAD, { width: (this.colW[c] ?? 10) - 2 * PAD, lineGap: 0 });
  }

  private header(y: number): number {
    const h = this.rowH(this.t.header);
    this.t.header.forEach((text, c) => this.drawCell(text, c, y, h));
    return y + h;
  }

  private drawPage(rows: Placed[]): void {
    for (let c = 0; c < this.t.header.length; c++) {
      for (let i = 0; i < rows.length;) {
        const p = rows[i] as Placed;
        const m = this.mergeAt(p.r, c);
        let j = i + 1;
        while (m && j < rows.length && (rows[j]?.r ?? 0) <= m.to) j++;
        const last = rows[j - 1] as Placed;
        this.drawCell(this.visible(p.r, c, p.first), c, p.y, last.y + last.h - p.y);
        i = j;
      }
    }
  }

  /** Lays the rows out page by page, repeating the header, then draws each page's rows. */
  draw(): void {
    const bottom = (): number => this.doc.page.height - this.doc.page.margins.bottom;
    let y = this.header(this.doc.y);
    let page: Placed[] = [];
    for (let r = 0; r < this.t.rows.length; r++) {
      const first = page.length === 0;
      let h = this.rowH(this.t.rows[r]?.map((_, c) => this.visible(r, c, first)) ?? []);
      if (!first && y + h > bottom()) {
        if (this.doc.bufferedPageRange().count >= this.maxPages) break;
        this.drawPage(page);
        this.doc.addPage();
        page = [];
        y = this.header(this.doc.page.margins.top);
        h = this.rowH(this.t.rows[r]?.map((_, c) => this.visible(r, c, true)) ?? []);
      }
      page.push({ r, y, h, first: page.length === 0 });
      y += h;
    }
    this.drawPage(page);
    this.doc.x = this.doc.page.margins.left;
    this.doc.y = y + 10;
  }
}

function furniture(doc: Doc, title: string, runningTitle: boolean): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page; lift the margin.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(9);
    if (runningTitle) doc.text(title, 0, 28, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.text(`— ${i + 1} —`, 0, doc.page.height - 36, { width: doc.page.width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** Renders the model as PDF bytes. */
export async function renderPdf(model: RenderDoc, opts: PdfRenderOptions = {}): Promise<Uint8Array> {
  const wide = (model.table?.header.length ?? 0) > 6;
  const doc: Doc = new PDFDocument({
    size: 'A4', layout: model.table ? 'landscape' : 'portrait', bufferPages: true,
    margins: { top: 56, bottom: 56, left: 50, right: 50 }, info: { Title: model.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  doc.registerFont('cjk', CJK_FONT, CJK_FACE);
  doc.font('cjk').lineWidth(0.5);
  doc.fontSize(16).text(model.title, { align: 'center' }).moveDown(0.5);
  doc.fontSize(10.5);
  for (const p of model.preamble) doc.text(p, { align: 'center' });
  doc.moveDown(0.5);
  if (model.table) {
    doc.fontSize(wide ? 7.5 : 9);
    const pages = (): number => doc.bufferedPageRange().count;
    do new TableDrawer(doc, model.table, wide ? 7.5 : 9, opts.maxPages).draw();
    while (pages() < (opts.minPages ?? 0));
  }
  for (const s of model.sections ?? []) {
    doc.fontSize(13).text(s.heading, { paragraphGap: 4 });
    doc.fontSize(10.5);
    for (const t of s.tasks) doc.text(`${t.label}${t.text}`, { indent: 21, paragraphGap: 4 });
  }
  furniture(doc, model.title, opts.runningTitle ?? true);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
