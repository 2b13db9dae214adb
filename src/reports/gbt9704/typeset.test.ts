/**
 * Issue 16, “Done when” (typesetting): every kind for the middle of the demo year, converted by
 * LibreOffice as the server converts it, shows no number or date split across lines, a 月通报 body
 * of at most 6 pages, distinct faces for title, body and headings, and the 版记 at the foot of the
 * last page with text beside it. Skips without soffice unless REQUIRE_SOFFICE=true.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { midYearDocuments } from '../__fixtures__/mid-year.ts';
import { docxToPdf, pageText, pageWords, sofficeAvailable, splitFigures, type Pdf } from '../__fixtures__/pdf-probe.ts';
import type { ReportDocument } from '../report-document.ts';
import { formatChineseDate } from '../kinds/text-helpers.ts';
import { PAGE, TWIPS_PER_MM } from './page.ts';
import { renderDocx } from './render-docx.ts';

const dir = mkdtempSync(join(tmpdir(), 'yingshang-typeset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rendered: { name: string; doc: ReportDocument; pdf: Pdf }[] = [];

/** Bottom of the type area in PDF points from the page top (297 − 35 mm). */
const TYPE_AREA_BOTTOM_PT = ((PAGE.height - PAGE.marginBottom) / TWIPS_PER_MM) * (72 / 25.4);

// Role → face: the official fonts when installed, else the open substitutes of fonts.conf.
const ROLE_FACES = {
  title: /XiaoBiaoSong|FZXBS|Zhongsong|SerifCJK.*-Bold/i,
  body: /FangSong|SerifCJK.*-Regular/i,
  heiti: /SimHei|Heiti|SansCJK/i,
} as const;

/** Number-heavy text: each paragraph shifted by one character, so figures meet every line end. */
function stressDocument(): ReportDocument {
  const text = '截至2023年6月30日共有17项任务逾期，完成率31.6%，涉及12家单位和7个县市区，〔2023〕9号文件。';
  const blocks: ReportDocument['blocks'] = [{ kind: 'title', text: '数字断行检查' }];
  for (let i = 0; i < 28; i++) blocks.push({ kind: 'paragraph', indent: true, runs: [{ text: '啊'.repeat(i) + text + text }] });
  return { kind: 'monthly-notice', title: '数字断行检查', blocks };
}

describe.skipIf(!sofficeAvailable)('typesetting an office can issue, through LibreOffice', () => {
  beforeAll(async () => {
    for (const { name, doc } of midYearDocuments()) rendered.push({ name, doc, pdf: docxToPdf(await renderDocx(doc), dir, name) });
  }, 600_000);

  it('renders every kind for mid-year', () => {
    expect(rendered.map((r) => r.doc.kind).sort()).toEqual(['commendation', 'dekad-brief', 'half-year-review', 'inspection-notice', 'monthly-notice', 'quarterly-summary', 'supervision-order', 'work-bulletin']);
  });

  it('breaks no number, percentage, date or 文号 across lines in any kind', () => {
    for (const { name, pdf } of rendered) expect(splitFigures(pdf.lines), name).toEqual([]);
  });

  it('fails the same check on a known-bad input: LibreOffice without the line-start rules', async () => {
    const docx = await renderDocx(stressDocument());
    const bare = docxToPdf(docx, dir, 'stress-bare', false);
    expect(splitFigures(bare.lines).length).toBeGreaterThan(0);
    expect(splitFigures(docxToPdf(docx, dir, 'stress', true).lines)).toEqual([]);
  }, 180_000);

  it('keeps the 月通报 body (up to its signature) within 6 pages', () => {
    const notice = rendered.find((r) => r.doc.kind === 'monthly-notice');
    const signature = notice?.doc.blocks.find((b) => b.kind === 'signature');
    if (!notice || signature?.kind !== 'signature') throw new Error('the 月通报 has no signature');
    const signed = `${signature.issuer}${formatChineseDate(signature.date)}`;
    const pages = Array.from({ length: notice.pdf.pages }, (_, i) => pageText(notice.pdf, i + 1));
    const signaturePage = pages.findIndex((t) => t.includes(signed)) + 1;
    expect(signaturePage).toBeGreaterThan(0);
    expect(signaturePage).toBeLessThanOrEqual(6);
    // The task lists follow as 附件, each starting a page.
    expect(pages.slice(signaturePage).some((t) => t.startsWith('附件1'))).toBe(true);
  });

  it('sets title, body and headings each in its own face', () => {
    for (const { name, pdf } of rendered.filter((r) => r.doc.blocks.some((b) => b.kind === 'heading' && b.level === 1))) {
      const face = (role: keyof typeof ROLE_FACES) => pdf.fonts.find((f) => ROLE_FACES[role].test(f));
      const faces = [face('title'), face('body'), face('heiti')];
      expect(faces.every(Boolean), `${name}: ${pdf.fonts.join(', ')}`).toBe(true);
      expect(new Set(faces).size, name).toBe(3);
    }
  });

  it('puts the 版记 at the foot of the last page, never alone there', () => {
    for (const { name, doc, pdf } of rendered) {
      const record = doc.blocks.at(-1);
      if (record?.kind !== 'record') continue;
      const last = pageText(pdf, pdf.pages);
      const printed = record.printed ? `${record.printed.by}${formatChineseDate(record.printed.on)}印发` : `${record.lines.at(-1)?.text ?? ''}`;
      expect(last.includes(printed.replace(/\s+/g, '')), `${name}: 版记 on the last page`).toBe(true);
      // Its last line ends within a line (28.95 pt) of the type area's bottom, page number aside.
      const words = pageWords(pdf, pdf.pages).filter((w) => !/^[—\d]+$/.test(w.text));
      const bottom = Math.max(...words.map((w) => w.yMax));
      expect(bottom, name).toBeGreaterThan(TYPE_AREA_BOTTOM_PT - 29);
      expect(bottom, name).toBeLessThanOrEqual(TYPE_AREA_BOTTOM_PT + 1);
      // Text of the document shares the page: more than the 版记 and the page number.
      const recordText = record.lines.map((l) => `${l.label}：${l.text}`).join('') + printed;
      expect(last.replace(/—\d+—/g, '').length, `${name}: 版记 alone on its page`).toBeGreaterThan(recordText.replace(/\s+/g, '').length + 20);
    }
  });
});
