import { describe, expect, it } from 'vitest';
import { commendation004 } from '../__fixtures__/commendation-004.ts';
import { shaoyangTasks } from '../__fixtures__/shaoyang-progress.ts';
import type { TaskProgress } from '../report-data.ts';
import { buildCommendation } from './commendation.ts';
import { indicatorWorstLaggards } from './progress-stats.ts';
import { OFFICE_TODO } from './text-helpers.ts';

const paragraphs = (blocks: ReturnType<typeof buildCommendation>['blocks']): string[] =>
  blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : b.kind === 'heading' ? [b.number + b.text] : []));

describe('表彰通报 groups and the 典型经验做法', () => {
  it('explains the groups and restarts the ranks under a heading per group', () => {
    const data = {
      ...commendation004(),
      placeNote: '省营商环境评价对县（市）、区分组评价、分别排名，以下名次为各地在本组中的名次。',
      placeAwards: [{ name: '长沙县', rank: 1, group: '县（市）' }, { name: '浏阳市', rank: 3, group: '县（市）' }, { name: '天心区', rank: 1, group: '区' }],
    };
    const text = paragraphs(buildCommendation(data).blocks);
    const at = (s: string) => text.indexOf(s);
    expect(at(data.placeNote)).toBeGreaterThan(at('二、在营商环境评价中排名前列的县市区'));
    expect(at('（一）县（市）')).toBeGreaterThan(at(data.placeNote));
    expect(at('长沙县（排名第一）')).toBeGreaterThan(at('（一）县（市）'));
    expect(at('（二）区')).toBeGreaterThan(at('浏阳市（排名第三）'));
    expect(at('天心区（排名第一）')).toBeGreaterThan(at('（二）区'));
  });

  it('prints a flag of the office as its own paragraph, and a flag alone with the line\'s heading', () => {
    const data = { ...commendation004(), practices: [{ heading: '开办企业指标', text: '市市场监管局推行一日办结。', flag: `${OFFICE_TODO}市税务局尚无录入的典型经验做法` }, { heading: '邵东市', text: '', flag: `${OFFICE_TODO}邵东市尚无录入的典型经验做法` }] };
    const text = paragraphs(buildCommendation(data).blocks);
    expect(text).toContain('一、开办企业指标。市市场监管局推行一日办结。');
    expect(text).toContain(`${OFFICE_TODO}市税务局尚无录入的典型经验做法`);
    expect(text).toContain(`二、邵东市。${OFFICE_TODO}邵东市尚无录入的典型经验做法`);
  });

  it('flags its heading when section 三 is left for the office', () => {
    const text = paragraphs(buildCommendation({ ...commendation004(), supportText: `${OFFICE_TODO}请填写` }).blocks);
    expect(text).toContain(`三、${OFFICE_TODO}提供重要保障支撑的重点支持单位`);
  });
});

describe('an indicator\'s worst laggards', () => {
  it('are the lead units with most overdue tasks of the indicator (recounted here by hand)', () => {
    const tasks = shaoyangTasks('2023-06-30');
    for (const seq of [...new Set(tasks.map((t) => t.indicatorSeq))]) {
      const counts: Record<string, number> = {};
      for (const t of tasks) if (t.indicatorSeq === seq && t.overdue) for (const u of t.leadUnits) counts[u] = (counts[u] ?? 0) + 1;
      const top = Math.max(0, ...Object.values(counts));
      const expected = top === 0 ? [] : Object.keys(counts).filter((u) => counts[u] === top);
      expect(indicatorWorstLaggards(tasks, seq).sort()).toEqual(expected.sort());
    }
  });

  it('is nobody when nothing of the indicator is overdue, and every unit tied at the top', () => {
    const task = (lead: string, overdue: boolean): TaskProgress => ({ ...shaoyangTasks('2023-06-30')[0]!, indicatorSeq: 9, leadUnits: [lead], overdue });
    expect(indicatorWorstLaggards([task('市财政局', false)], 9)).toEqual([]);
    expect(indicatorWorstLaggards([task('市财政局', true), task('市税务局', true), task('市商务局', false)], 9)).toEqual(['市财政局', '市税务局']);
    expect(indicatorWorstLaggards([task('市财政局', true), task('市财政局', true), task('市税务局', true)], 9)).toEqual(['市财政局']);
  });
});
