/**
 * Test-only: draws a render model as a real DOCX with the `docx` package — merged cells as Word
 * writes them (vMerge restart/continue via rowSpan), a repeated header row, and optionally
 * automatic numbering for the `（一）` task labels, so the reader's hard paths are exercised.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { RenderDoc, RenderTable } from './gold-render-model.ts';

const paras = (text: string): Paragraph[] => text.split('\n').map((t) => new Paragraph(t));

function tableOf(t: RenderTable): Table {
  const total = t.widths.reduce((s, w) => s + w, 0);
  const width = (c: number): { size: number; type: typeof WidthType.PERCENTAGE } => ({ size: ((t.widths[c] ?? 1) / total) * 100, type: WidthType.PERCENTAGE });
  const header = new TableRow({ tableHeader: true, children: t.header.map((h, c) => new TableCell({ width: width(c), children: paras(h) })) });
  const rows = t.rows.map((row, r) => new TableRow({
    children: row.flatMap((text, c) => {
      const m = t.merges.find((x) => x.col === c && r >= x.from && r <= x.to);
      if (m && r > m.from) return []; // docx writes the vMerge continuation cells itself
      return [new TableCell({ width: width(c), rowSpan: m ? m.to - m.from + 1 : 1, children: paras(text) })];
    }),
  }));
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

/** Renders the model as DOCX bytes; `autoNumber` makes `（一）` labels Word list numbering. */
export async function renderDocx(doc: RenderDoc, opts: { autoNumber?: boolean } = {}): Promise<Uint8Array> {
  const auto = opts.autoNumber ?? true;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }),
    ...doc.preamble.map((p) => new Paragraph(p)),
  ];
  if (doc.table) children.push(tableOf(doc.table));
  for (const s of doc.sections ?? []) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }));
    for (const t of s.tasks) {
      children.push(auto
        ? new Paragraph({ text: t.text, numbering: { reference: 'task', level: 0 } })
        : new Paragraph(`${t.label}${t.text}`));
    }
  }
  const document = new Document({
    numbering: { config: [{ reference: 'task', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '（%1）', alignment: AlignmentType.LEFT }] }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
