import { describe, expect, it } from 'vitest';
import { bulletin003 } from './__fixtures__/bulletin-003.ts';
import { commendation004 } from './__fixtures__/commendation-004.ts';
import { shaoyangProgress } from './__fixtures__/shaoyang-progress.ts';
import { supervisionOrder } from './__fixtures__/supervision.ts';
import { buildReport } from './index.ts';
import { documentProblems, DOCUMENT_LIMITS } from './document-rules.ts';
import { parseReportDocument, type Block, type ReportDocument } from './report-document.ts';

const notice = (): ReportDocument => buildReport('monthly-notice', shaoyangProgress());
const withBlocks = (doc: ReportDocument, blocks: unknown[]): unknown => ({ ...doc, blocks });
const message = (value: unknown): string => {
  try {
    parseReportDocument(value);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('rules of an edited document', () => {
  it('accepts every document the engine builds', () => {
    const built = [
      notice(),
      buildReport('quarterly-summary', shaoyangProgress({ kind: 'quarter', year: 2023, quarter: 2 })),
      buildReport('half-year-review', shaoyangProgress({ kind: 'half', year: 2023, half: 1 })),
      buildReport('annual-summary', shaoyangProgress({ kind: 'year', year: 2023 }, '2023-12-31')),
      buildReport('work-bulletin', bulletin003()),
      buildReport('commendation', commendation004()),
      buildReport('supervision-order', supervisionOrder()),
    ];
    for (const doc of built) expect(documentProblems(doc)).toEqual([]);
  });

  it('accepts a restructured notice: sections moved, retitled, a paragraph and a table added, a chart removed', () => {
    const doc = notice();
    const blocks = doc.blocks.filter((b) => b.kind !== 'chart');
    const at = blocks.findIndex((b) => b.kind === 'heading');
    const added: Block[] = [
      { kind: 'heading', level: 2, number: '（一）', text: '新增的一节' },
      { kind: 'paragraph', runs: [{ text: '新增段落。' }], indent: true },
      { kind: 'table', caption: '新表', columns: [{ title: '单位', weight: 2, align: 'left' }, { title: '数量', weight: 1, align: 'center' }], rows: [['市财政局', '3']] },
    ];
    const edited = { ...doc, blocks: [...blocks.slice(0, at), ...added, ...blocks.slice(at)] };
    expect(parseReportDocument(JSON.parse(JSON.stringify(edited)))).toEqual(edited);
  });

  it('refuses hostile shapes with the block named in Chinese', () => {
    const doc = notice();
    const first = doc.blocks[0] as Block;
    const para = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }], indent: true });
    const body = doc.blocks.slice(1);
    expect(message(withBlocks(doc, [first, { kind: 'script', text: 'x' }, ...body]))).toMatch(/第2块：块类型不正确/);
    expect(message(withBlocks(doc, [first, para('x'.repeat(DOCUMENT_LIMITS.text + 1)), ...body]))).toMatch(/第2块（段落）：段落过长/);
    expect(message(withBlocks(doc, [first, { kind: 'heading', level: 9, number: '', text: 'x' }, ...body]))).toMatch(/第2块（层次标题）/);
    expect(message(withBlocks(doc, [first, { kind: 'table', caption: null, columns: [{ title: 'a', weight: 1, align: 'left' }], rows: [['1', '2']] }, ...body]))).toMatch(/表格第1行有2格，应与列数（1）相同/);
    expect(message(withBlocks(doc, [body[0], first, ...body.slice(1)]))).toMatch(/版头（报头）只能在文稿开头/);
    const record = doc.blocks.at(-1) as Block;
    expect(record.kind).toBe('record');
    expect(message(withBlocks(doc, [record, ...doc.blocks.slice(0, -1)]))).toMatch(/版记只能在文稿末尾/);
    expect(message(withBlocks(doc, doc.blocks.filter((b) => b.kind !== 'title')))).toMatch(/缺少标题/);
    expect(message(withBlocks(doc, Array.from({ length: DOCUMENT_LIMITS.blocks + 1 }, () => para('x'))))).toMatch(/最多4000块/);
    expect(message({ ...doc, blocks: 'x' })).toMatch(/类型不正确（应为列表）/);
  });
});
