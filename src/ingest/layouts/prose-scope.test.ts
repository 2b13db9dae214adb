// The general rules that decide which parts of a prose document hold tasks, and the unit forms
// written together with a deadline (issue 18); each case failed before these rules existed.
import { describe, expect, it } from 'vitest';
import { readNumbering } from './numbering.ts';
import { isAnnexHeading, isClosingArticle, isClosingLine, isFrameSection } from './prose-scope.ts';
import { readUnitParenthesis } from './unit-parenthesis.ts';

describe('prose scope rules', () => {
  it('recognises annex headings, not sentences that mention an annex', () => {
    for (const l of ['附件', '附件1', '附件：2025年重点事项清单', '附 件 2：任务分工表']) expect(isAnnexHeading(l), l).toBe(true);
    expect(isAnnexHeading('各单位按照附件明确的任务分工抓好落实。')).toBe(false);
  });

  it('knows the parts that frame a plan', () => {
    for (const t of ['适用范围', '工作目标', '保障措施', '职责分工', '附则', '指导思想']) expect(isFrameSection(t), t).toBe(true);
    expect(isFrameSection('优化市场环境')).toBe(false);
  });

  it('knows closing articles and closing lines', () => {
    expect(isClosingArticle('本措施自印发之日起施行，有效期至2027年12月31日。')).toBe(true);
    expect(isClosingArticle('各县市区要结合实际制定实施细则，确保各项措施落地见效。')).toBe(true);
    expect(isClosingArticle('强化人才支撑。民营企业引进的高层次人才与机关事业单位同等对待。')).toBe(false);
    for (const l of ['联系人：王某某', '2025年4月15日', '岳阳市发展和改革委员会　岳阳市财政局', '请各单位于6月30日前报送。']) expect(isClosingLine(l), l).toBe(true);
    expect(isClosingLine('省市场监管局、省税务局）')).toBe(false);
  });

  it('reads full-width numbering', () => {
    expect(readNumbering('１２．推行告知承诺制')).toMatchObject({ style: 'arabic-dot', value: 12, rest: '推行告知承诺制' });
  });
});

describe('unit parentheses written with a deadline', () => {
  const cases: [string, string[], string[], string | null][] = [
    ['做好A。（牵头单位：市数据局；责任单位：市政务服务中心、市市场监管局，2025年9月底前完成）', ['市数据局'], ['市政务服务中心', '市市场监管局'], '2025-09'],
    ['做好B。〔牵头单位：市司法局，责任单位：市工商联〕', ['市司法局'], ['市工商联'], null],
    ['做好C。〔牵头单位：市财政局；配合单位：市税务局〕', ['市财政局'], ['市税务局'], null],
    ['做好D。（市数据局牵头，市直各监管部门按职责分工负责；时间节点：2025年9月）', ['市数据局'], ['市直各监管部门'], '2025-09'],
    ['做好E。（市市场监管局牵头，市政务服务中心按职责分工负责）', ['市市场监管局'], ['市政务服务中心'], null],
    ['做好F。（市商务局牵头，市财政局按职责分工负责，2025年底前）', ['市商务局'], ['市财政局'], '2025'],
  ];
  it('splits a deadline written without digits off the units', () => {
    const p = readUnitParenthesis('做好G。（市商务局、市财政局，年底前完成）');
    expect(p?.units).toEqual(['市商务局', '市财政局']);
    expect(p?.deadline?.deadline_raw).toBe('年底前');
    expect(readUnitParenthesis('做好H。（责任单位：市民政局，市老年大学）')?.units).toEqual(['市民政局', '市老年大学']);
  });
  it.each(cases)('%s', (text, lead, responsible, deadline) => {
    const p = readUnitParenthesis(text);
    expect(p?.lead).toEqual(lead);
    expect(p?.units.filter((u) => !lead.includes(u))).toEqual(responsible);
    expect(p?.deadline?.deadline ?? null).toBe(deadline);
    expect(text.slice(0, p?.start)).toMatch(/。$/);
  });
});
