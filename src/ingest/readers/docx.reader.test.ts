import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Table as ModelTable } from '../document-model.ts';
import { chineseNumber } from './docx-numbering.ts';
import { readDocx } from './docx.reader.ts';

const cell = (text: string, opts: { rowSpan?: number; columnSpan?: number } = {}): TableCell =>
  new TableCell({ ...opts, children: text.split('\n').map((t) => new Paragraph(t)) });

async function sample(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        { reference: 'cn', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT }] },
        { reference: 'dec', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [{
      children: [
        new Paragraph({ text: '实施方案', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: '打造市场环境', numbering: { reference: 'cn', level: 0 } }),
        new Paragraph({ text: '第一项', numbering: { reference: 'cn', level: 1 } }),
        new Paragraph({ text: '第二项', numbering: { reference: 'cn', level: 1 } }),
        new Paragraph({ text: '优化政务环境', numbering: { reference: 'cn', level: 0 } }),
        new Paragraph({ text: '第三项', numbering: { reference: 'cn', level: 1 } }),
        new Paragraph({ children: [new TextRun('税务 Ukey'), new TextRun({ text: '第二行', break: 1 })] }),
        new Table({
          rows: [
            new TableRow({ children: [cell('一级指标'), cell('举措'), cell('单位', { columnSpan: 2 })] }),
            new TableRow({ children: [cell('开办企业', { rowSpan: 2 }), cell('甲\n乙'), cell('A'), cell('B')] }),
            new TableRow({ children: [cell('丙'), cell('C'), cell('D')] }),
          ],
        }),
        new Paragraph({ text: '压缩时间', numbering: { reference: 'dec', level: 0 } }),
        new Paragraph({ text: '提高效率', numbering: { reference: 'dec', level: 0 } }),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('readDocx', () => {
  it('keeps body order, headings, numbering labels and line breaks', async () => {
    const doc = await readDocx(await sample(), 'a.docx');
    const paras = doc.blocks.filter((b) => b.kind === 'paragraph');
    expect(paras[0]).toMatchObject({ text: '实施方案', headingLevel: 1 });
    expect(paras.slice(1, 6).map((p) => `${p.numbering ?? ''}${p.text}`)).toEqual([
      '一、打造市场环境', '（一）第一项', '（二）第二项', '二、优化政务环境', '（一）第三项',
    ]);
    expect(paras[6]?.text).toBe('税务 Ukey\n第二行');
    expect(paras.slice(-2).map((p) => p.numbering)).toEqual(['1.', '2.']);
    expect(doc.blocks[7]?.kind).toBe('table');
  });

  it('records gridSpan and vMerge as mergedFrom', async () => {
    const doc = await readDocx(await sample(), 'a.docx');
    const t = doc.blocks.find((b): b is ModelTable => b.kind === 'table');
    expect(t?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['一级指标', '举措', '单位', ''], ['开办企业', '甲\n乙', 'A', 'B'], ['', '丙', 'C', 'D'],
    ]);
    expect(t?.rows[0]?.[3]?.mergedFrom).toEqual({ row: 0, col: 2 });
    expect(t?.rows[2]?.[0]?.mergedFrom).toEqual({ row: 1, col: 0 });
    expect(t?.rows[1]?.[1]?.mergedFrom).toBeUndefined();
    expect(t?.rows[2]?.[3]?.ref).toEqual({ row: 3, col: 4 });
  });

  it('drops the word joiners and zero-width spaces our own documents set around figures', async () => {
    const marked = ['截至2023\u2060年\u20606\u2060月，完成', '7\u2060项', '（50.0%→\u200B100.0%）'];
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: marked.map((t) => new TextRun(t)) })] }] })));
    const doc = await readDocx(bytes, '通报.docx');
    const para = doc.blocks.find((b) => b.kind === 'paragraph');
    expect(para?.text).toBe(marked.join('').replace(/[\u2060\u200B]/g, ''));
    expect(para?.text).toBe('截至2023年6月，完成7项（50.0%→100.0%）');
  });

  it('rejects a zip without word/document.xml as corrupt', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'x');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(readDocx(bytes, '坏.docx')).rejects.toMatchObject({ code: 'PLAN_IMPORT_CORRUPT' });
  });

  it('renders Chinese counting numbers as Word does', () => {
    expect([1, 10, 11, 20, 21, 38, 100, 105, 110].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十一', '三十八', '一百', '一百零五', '一百一十']);
  });
});
