/**
 * Visual check through LibreOffice: runs only where `soffice` and poppler's `pdftotext` exist
 * (CI needs libreoffice-writer-nogui and poppler-utils for it). It catches layout that breaks
 * (text pushed off the page, sections lost, page count out of range), not typographic detail.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxToPdf, sofficeAvailable, splitFigures, type Pdf } from '../__fixtures__/pdf-probe.ts';
import { bulletin003 } from '../__fixtures__/bulletin-003.ts';
import { shaoyangProgress } from '../__fixtures__/shaoyang-progress.ts';
import { commendation004 } from '../__fixtures__/commendation-004.ts';
import { supervisionOrder } from '../__fixtures__/supervision.ts';
import { buildReport } from '../index.ts';
import { buildMonthlyNotice } from '../kinds/monthly-notice.ts';
import { buildWorkBulletin } from '../kinds/work-bulletin.ts';
import type { ReportDocument } from '../report-document.ts';
import { renderDocx } from './render-docx.ts';

const dir = mkdtempSync(join(tmpdir(), 'yingshang-visual-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const toPdf = async (doc: ReportDocument, name: string): Promise<Pdf> => docxToPdf(await renderDocx(doc), dir, name);

function inOrder(text: string, needles: readonly string[]): number {
  let at = -1;
  for (const n of needles) {
    const i = text.indexOf(n, at + 1);
    if (i < 0) return -1;
    at = i;
  }
  return at;
}

describe.skipIf(!sofficeAvailable)('LibreOffice rendering', () => {
  it('lays out the 月通报 with every section in order on a plausible number of pages', async () => {
    const { pages, text } = await toPdf(buildMonthlyNotice(shaoyangProgress()), 'notice');
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(24);
    expect(inOrder(text, ['邵优化办〔2023〕12号', '一、总体情况', '图1', '二、各指标推进情况', '表1', '三、各单位推进情况', '表2', '四、存在的问题', '五、下步工作要求', '附件：1.逾期未办结任务（红灯）清单', '邵阳市优化营商环境工作领导小组办公室2023年6月30日', '附件1', '逾期未办结任务（红灯）清单', '抄送：'])).toBeGreaterThan(0);
    expect(text).toContain('—1—');
    expect(text).toContain(`—${pages}—`);
  }, 180_000);

  it('keeps the 月通报 body within 6 pages, the task lists in attachments after it', async () => {
    const { lines } = await toPdf(buildMonthlyNotice(shaoyangProgress()), 'body');
    // Page numbers are printed “— N —”; the body ends at the signature's date.
    const signature = lines.findIndex((l) => l.replace(/\s+/g, '') === '2023年6月30日');
    const pagesBefore = lines.slice(0, signature).filter((l) => /^—\s*\d+\s*—$/.test(l)).length;
    expect(signature).toBeGreaterThan(0);
    expect(pagesBefore + 1).toBeLessThanOrEqual(6);
  }, 180_000);

  it('keeps numbers and table dates on one line and sets title, body and headings in distinct faces', async () => {
    const { lines, fonts } = await toPdf(buildMonthlyNotice(shaoyangProgress()), 'figures');
    expect(splitFigures(lines)).toEqual([]);
    // 小标宋 (title), 仿宋 (body), 黑体 (一、), 楷体 (（一）): four faces, whether official or substitutes.
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    const { fonts: bulletinFonts } = await toPdf(buildWorkBulletin(bulletin003()), 'bulletin-fonts');
    expect(new Set([...fonts, ...bulletinFonts]).size).toBeGreaterThanOrEqual(4);
  }, 180_000);

  it('splits a long title between words, never inside one', async () => {
    const { lines } = await toPdf(buildMonthlyNotice(shaoyangProgress()), 'title');
    const at = lines.findIndex((l) => l.startsWith('关于'));
    expect(lines.slice(at, at + 2).map((l) => l.replace(/\s+/g, ''))).toEqual(['关于2023年6月全市优化营商', '环境重点任务推进情况的通报']);
  }, 180_000);

  it('lays out the 工作专报 of seed 003 within a few pages', async () => {
    const { pages, text } = await toPdf(buildWorkBulletin(bulletin003()), 'bulletin');
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(7);
    expect(inOrder(text, ['第2期', '编者按', '【战略安排】', '【战斗动态】', '（一）县市区', '（二）市直部门', '【战术借鉴】', '报：', '发：', '联系电话'])).toBeGreaterThan(0);
  }, 180_000);

  it('prints every paragraph of every kind as the model states it, figures unsplit, the 版记 last on the last page', async () => {
    const docs = [
      buildReport('half-year-review', shaoyangProgress({ kind: 'half', year: 2023, half: 1 })),
      buildReport('commendation', commendation004()),
      buildReport('supervision-order', supervisionOrder()),
      buildReport('work-bulletin', bulletin003()),
    ];
    for (const doc of docs) {
      const pdf = await toPdf(doc, `all-${doc.kind}`);
      expect(splitFigures(pdf.lines), doc.kind).toEqual([]);
      // Page numbers (“— 5 —”) interrupt a paragraph that runs over a page; the words are the model's.
      // Punctuation is left out of the comparison: LibreOffice 7.4 hangs a line-end “、” into the
      // margin and does not paint it (a known defect of its hanging punctuation, not of the model).
      const bare = (t: string) => t.replace(/[、，。；：]/g, '');
      const printed = bare(pdf.text.replace(/—\d+—/g, ''));
      for (const b of doc.blocks) {
        if (b.kind !== 'paragraph') continue;
        const stated = bare(b.runs.map((r) => r.text).join('').replace(/\s+/g, ''));
        expect(printed.includes(stated), `${doc.kind}: ${stated.slice(0, 30)}`).toBe(true);
      }
      const record = doc.blocks.at(-1);
      if (record?.kind !== 'record') continue;
      // The 版记 is the last thing printed: on the last page, after everything else, its last line last.
      const last = record.printed ? `${record.printed.by}` : `${record.lines.at(-1)?.label ?? ''}：`;
      const lastPage = execFileSync('pdftotext', ['-raw', '-f', String(pdf.pages), '-l', String(pdf.pages), join(dir, `all-${doc.kind}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(lastPage.includes(last), `${doc.kind}: 版记 on the last page`).toBe(true);
    }
  }, 600_000);

  it('states the notice figures as the tasks give them, counted here', async () => {
    const data = shaoyangProgress();
    const { text } = await toPdf(buildMonthlyNotice(data), 'counted');
    const total = data.tasks.length;
    const red = data.tasks.filter((t) => t.overdue).length;
    const yellow = data.tasks.filter((t) => t.light === 'yellow').length;
    const done = data.tasks.filter((t) => t.light === 'done').length;
    expect(text).toContain(`确定的${total}项任务中`);
    expect(text).toContain(`全部任务累计办结${done}项`);
    expect(text).toContain(`逾期未办结（红灯）${red}项`);
    expect(text).toContain(`（黄灯）${yellow}项`);
  }, 180_000);
});
