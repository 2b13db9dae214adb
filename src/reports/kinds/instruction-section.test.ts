import { describe, expect, it } from 'vitest';
import { shaoyangProgress } from '../__fixtures__/shaoyang-progress.ts';
import type { InstructionRecord } from '../report-data.ts';
import { buildReport } from '../index.ts';
import { officeNotes } from '../report-document.ts';
import { instructionSection } from './instruction-section.ts';

const records: InstructionRecord[] = [
  { by: '晏丽君', on: '2023-06-12', text: '请市场监管局本月底前拿出具体措施。', taskSeq: 5, answers: [{ unit: '市市场监管局', on: '2023-06-20', text: '已制定方案，7月25日前完成' }] },
  { by: '市优化办', on: '2023-06-25', text: '抓紧推进', taskSeq: null, answers: [] },
];
const lines = (blocks: ReturnType<typeof instructionSection>): string[] => blocks.map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : ''));

describe('领导批示落实情况', () => {
  it('says each instruction (when, by whom, on which task) and what was done, or that nothing is reported', () => {
    expect(lines(instructionSection(records))).toEqual([
      '2023年6月12日，晏丽君对第5项任务批示：“请市场监管局本月底前拿出具体措施”。市市场监管局2023年6月20日报告：已制定方案，7月25日前完成。',
      '2023年6月25日，市优化办批示：“抓紧推进”。有关单位尚未报告落实情况。',
    ]);
  });

  it('is a section of the notice and the reviews only when the period has instructions', () => {
    const heads = (d: ReturnType<typeof buildReport>) => d.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.number + b.text] : []));
    const data = shaoyangProgress();
    expect(heads(buildReport('monthly-notice', data)).some((h) => h.includes('领导批示'))).toBe(false);
    const notice = heads(buildReport('monthly-notice', { ...data, instructions: records }));
    expect(notice).toEqual(['一、总体情况', '二、各指标推进情况', '三、各单位推进情况', '四、领导批示落实情况', '五、存在的问题', '六、下步工作要求']);
    const half = heads(buildReport('half-year-review', { ...shaoyangProgress({ kind: 'half', year: 2023, half: 1 }), instructions: records }));
    expect(half).toContain('四、领导批示落实情况');
  });
});

describe('office notes of a draft', () => {
  it('lists every flagged paragraph without the marker, a lead-in kept before a colon', () => {
    const doc = buildReport('commendation', {
      issue: { issuer: '邵阳市优化办', docNumber: null, date: '2023-06-30', addressee: null, cc: [], printed: null }, title: '通报', preamble: ['前言'],
      indicatorAwards: [], placeAwards: [], supportText: '【待补充】请填写支持单位', supportUnits: [], closing: [],
      practices: [{ heading: '纳税指标', text: '', flag: '【待补充】市税务局尚无做法' }],
    });
    expect(officeNotes(doc)).toEqual(['请填写支持单位', '一、纳税指标：市税务局尚无做法']);
  });
});
