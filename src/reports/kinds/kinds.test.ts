import { describe, expect, it } from 'vitest';
import { bulletin003 } from '../__fixtures__/bulletin-003.ts';
import { commendation004 } from '../__fixtures__/commendation-004.ts';
import { inspectDocx } from '../__fixtures__/docx-inspect.ts';
import { shaoyangProgress, shaoyangTasks } from '../__fixtures__/shaoyang-progress.ts';
import { supervisionOrder } from '../__fixtures__/supervision.ts';
import { renderDocx } from '../gbt9704/render-docx.ts';
import { buildReport } from '../index.ts';
import { parseReportDocument, type ReportDocument } from '../report-document.ts';
import { rateRow } from './progress-stats.ts';

const headings = (doc: ReportDocument): string[] => doc.blocks.flatMap((b) => (b.kind === 'heading' ? [b.number + b.text] : []));
const texts = (doc: ReportDocument): string => doc.blocks.map((b) => JSON.stringify(b)).join('\n');

describe('notice and reviews share one builder with their own wording', () => {
  it('words titles and orders sections per kind', () => {
    const notice = buildReport('monthly-notice', shaoyangProgress());
    expect(notice.title).toBe('关于2023年6月全市优化营商环境重点任务推进情况的通报');
    expect(headings(notice).filter((h) => /^[一二三四五六]、/.test(h))).toEqual(['一、总体情况', '二、各指标推进情况', '三、各单位推进情况', '四、存在的问题', '五、下步工作要求']);
    const quarter = buildReport('quarterly-summary', shaoyangProgress({ kind: 'quarter', year: 2023, quarter: 2 }));
    expect(quarter.title).toBe('全市优化营商环境重点任务2023年第二季度工作小结');
    expect(headings(quarter)).toContain('六、下季度工作安排');
    expect(headings(quarter)).toContain('二、本季度到期任务完成情况');
    const half = buildReport('half-year-review', shaoyangProgress({ kind: 'half', year: 2023, half: 1 }));
    expect(half.title).toBe('关于2023年上半年全市优化营商环境重点任务推进情况的讲评');
    expect(headings(half)).toContain('三、单位讲评');
    const year = buildReport('annual-summary', shaoyangProgress({ kind: 'year', year: 2023 }, '2023-12-31'));
    expect(year.title).toBe('全市优化营商环境重点任务2023年工作总结');
    expect(headings(year)).toContain('七、2024年工作打算');
  });

  it('computes completion and on-time rates over due tasks', () => {
    const row = rateRow('全部', shaoyangTasks('2023-06-30'), '2023-06-30');
    expect(row.total).toBe(204);
    // Deadlines up to 2023-06 in gold 000: 17 + 25 + 3 + 76 = 121.
    expect(row.due).toBe(121);
    expect(row.completionRate).toBeCloseTo(row.doneDue / 121);
    expect(row.onTime).toBeLessThan(row.doneDue);
  });
});

describe('工作专报 (seed 003)', () => {
  const doc = buildReport('work-bulletin', bulletin003());

  it('has the 报头, 编者按, 【】 sections with grouped 战斗动态 and the 报/发 lines', () => {
    expect(doc.blocks[0]).toMatchObject({ kind: 'masthead', title: '永州市打好优化发展环境持久仗工作专报', issueLabel: '第2期', date: '2023年3月18日' });
    expect(headings(doc)).toEqual(['【战略安排】', '【战斗动态】', '（一）县市区', '（二）市直部门', '【战术借鉴】']);
    const all = texts(doc);
    expect(all).toContain('编者按：');
    expect(all).toContain('"text":"冷水滩区：","face":"kai"');
    expect(all).toContain('"text":"市财政局：","face":"kai"');
    const record = doc.blocks.at(-1);
    expect(record).toMatchObject({ kind: 'record' });
    expect(all).toContain('省发改委（省优化办），洪武、爱林、侯文、恩广、旦梅、卫华、丽华、肖扬、质彬、恢才、爱社同志，市政府副秘书长');
    expect(all).toContain('"label":"联系电话","text":"0746-8358692"');
  });

  it('renders to a DOCX whose text carries every item', async () => {
    const parts = await inspectDocx(await renderDocx(doc));
    const text = parts.paragraphs.map((p) => p.text).join('\n');
    for (const unit of ['冷水滩区：', '金洞管理区：', '市公共资源交易中心：', '梅州市推行']) expect(text).toContain(unit);
    expect(text).toContain('发：市直相关单位、各县市区打好优化发展环境持久仗工作专班');
  });
});

describe('表彰通报 (seed 004)', () => {
  const doc = buildReport('commendation', commendation004());

  it('lists the awards per indicator, places by rank, support units and practices as an attachment', () => {
    const h = headings(doc);
    expect(h.filter((x) => x.startsWith('（'))).toHaveLength(11);
    expect(h).toContain('（九）获得用气指标');
    const all = texts(doc);
    expect(all).toContain('长沙县（排名第一）');
    expect(all).toContain('天心区（排名第七）');
    expect(all).toContain('长沙新奥燃气公司；');
    expect(all).toContain('国家统计局长沙调查队');
    expect(doc.blocks.some((b) => b.kind === 'attachment')).toBe(true);
    expect(all).toContain('十三、天心区打造营商环境首善之区。');
  });
});

describe('督办单', () => {
  it('numbers the order, names the units, the leader in the text and the reply date once, and copies an organ', () => {
    const doc = buildReport('supervision-order', supervisionOrder());
    expect(doc.blocks[0]).toMatchObject({ kind: 'redHeader', docNumber: '邵优化督〔2023〕12号' });
    const all = texts(doc);
    expect(all.match(/请于2023年7月15日前/g)).toHaveLength(1);
    expect(all).toContain('责任领导为晏丽君同志');
    expect(all).toContain('"label":"抄送","text":"邵阳市人民政府办公室。"');
    expect(all).not.toMatch(/"label":"抄送","text":"[^"]*同志/);
    const body = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(body.join('')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(doc.blocks.find((b) => b.kind === 'addressee')).toMatchObject({ text: expect.stringContaining('市市场监管局') as unknown });
  });
});

describe('document model', () => {
  it('round-trips through JSON and rejects an edited document with a bad block', () => {
    const doc = buildReport('monthly-notice', shaoyangProgress());
    expect(parseReportDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(() => parseReportDocument({ ...doc, blocks: [{ kind: 'heading', level: 7, number: '', text: 'x' }] })).toThrow(/REPORT_DOCUMENT_INVALID|文稿格式不正确/);
  });
});

describe('主要成效 without data', () => {
  it('is flagged for the office instead of “0个牵头单位…全部按时办结”', () => {
    const data = shaoyangProgress({ kind: 'quarter', year: 2023, quarter: 2 });
    const nothingDone = { ...data, highlights: [], tasks: data.tasks.map((t) => ({ ...t, light: 'red' as const, completedOn: null })) };
    const all = texts(buildReport('quarterly-summary', nothingDone));
    expect(all).not.toContain('0个牵头单位');
    expect(all).toContain('【待补充】本期尚无牵头单位到期任务全部按时办结');
    // With the fixture's figures some units did finish on time: the sentence counts them.
    expect(texts(buildReport('quarterly-summary', { ...data, highlights: [] }))).toMatch(/[1-9]\d*个牵头单位到期任务全部按时办结/);
  });
});
