import { describe, expect, it } from 'vitest';
import { shaoyangProgress } from '../__fixtures__/shaoyang-progress.ts';
import type { ProgressReviewData, TaskProgress } from '../report-data.ts';
import { buildReport } from '../index.ts';
import { monthChart, nextPeriodParagraph, periodSection } from './period-section.ts';
import { overviewSection } from './progress-sections.ts';
import { percent } from './text-helpers.ts';

const text = (b: ReturnType<typeof periodSection>[number]): string => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : '');

// Hand counts: due in [from, to], done (with a completion date) by `to`.
function counts(tasks: readonly TaskProgress[], from: string, to: string): { due: number; done: number; rate: number | null } {
  let due = 0;
  let done = 0;
  for (const t of tasks) {
    if (!t.dueOn || t.dueOn < from || t.dueOn > to) continue;
    due += 1;
    if (t.light === 'done' && t.completedOn && t.completedOn <= to) done += 1;
  }
  return { due, done, rate: due ? done / due : null };
}

describe('a review analyses its own period', () => {
  const q2 = shaoyangProgress({ kind: 'quarter', year: 2023, quarter: 2 });
  // Some tasks of the first quarter done in March, so the quarters compare.
  const data: ProgressReviewData = {
    ...q2,
    tasks: q2.tasks.map((t, i) => (t.dueOn && t.dueOn <= '2023-03-31' && i % 2 === 0 ? { ...t, light: 'done' as const, completedOn: '2023-03-20' } : t)),
  };

  it('states the quarter\'s own due tasks and the change from the quarter before', () => {
    const now = counts(data.tasks, '2023-04-01', '2023-06-30');
    const before = counts(data.tasks, '2023-01-01', '2023-03-31');
    expect(now.due).toBeGreaterThan(0);
    expect(before.due).toBeGreaterThan(0);
    const first = text(periodSection(data, '2023年第二季度', 1)[0]!);
    expect(first).toContain(`到期任务${now.due}项，已办结${now.done}项，完成率${percent(now.rate)}`);
    expect(first).toContain(`2023年第一季度到期任务${before.due}项、完成率${percent(before.rate)}`);
    const points = Math.round(((now.rate ?? 0) - (before.rate ?? 0)) * 1000) / 10;
    expect(first).toContain(points === 0 ? '持平' : `${points > 0 ? '提高' : '下降'}${Math.abs(points)}个百分点`);
  });

  it('names the indicators whose rate rose or fell from the quarter before, biggest change first', () => {
    const changes = data.indicators.flatMap((i) => {
      const mine = data.tasks.filter((t) => t.indicatorSeq === i.seq);
      const now = counts(mine, '2023-04-01', '2023-06-30').rate;
      const before = counts(mine, '2023-01-01', '2023-03-31').rate;
      return now === null || before === null || now === before ? [] : [{ name: i.name, before, now }];
    });
    const section = periodSection(data, '2023年第二季度', 1).map(text).join('\n');
    const up = changes.filter((c) => c.now > c.before).sort((a, b) => (b.now - b.before) - (a.now - a.before));
    const down = changes.filter((c) => c.now < c.before).sort((a, b) => (b.before - b.now) - (a.before - a.now));
    expect(up.length + down.length).toBeGreaterThan(0);
    if (up[0]) expect(section).toContain(`到期任务完成率比2023年第一季度提高的指标：${up[0].name}（${percent(up[0].before)}→${percent(up[0].now)}）`);
    if (down[0]) expect(section).toContain(`比2023年第一季度下降的指标：${down[0].name}（${percent(down[0].before)}→${percent(down[0].now)}）`);
  });

  it('charts the cumulative rate at each month\'s end of the quarter', () => {
    const chart = monthChart(data);
    expect(chart.categories).toEqual(['4月', '5月', '6月']);
    const expected = ['2023-04-30', '2023-05-31', '2023-06-30'].map((end) => {
      const c = counts(data.tasks, '0000-01-01', end);
      return c.rate === null ? null : Math.round(c.rate * 1000) / 10;
    });
    expect(chart.series[0]?.values).toEqual(expected);
  });

  it('leaves out the months before the plan started', () => {
    const half = { ...data, period: { kind: 'half' as const, year: 2023, half: 1 as const }, planStart: '2023-03-15' };
    expect(monthChart(half).categories).toEqual(['3月', '4月', '5月', '6月']);
  });

  it('names the next quarter\'s open tasks by lead unit', () => {
    const open = data.tasks.filter((t) => t.light !== 'done' && t.dueOn && t.dueOn >= '2023-07-01' && t.dueOn <= '2023-09-30');
    const line = text(nextPeriodParagraph(data));
    expect(line).toContain(`2023年第三季度（至2023年9月30日）将有${open.length}项未办结任务到期`);
    const perUnit: Record<string, number> = {};
    for (const t of open) for (const u of t.leadUnits) perUnit[u] = (perUnit[u] ?? 0) + 1;
    const top = Object.entries(perUnit).sort((a, b) => b[1] - a[1])[0]!;
    expect(line).toContain(`${top[0]}${top[1]}项（第`);
  });

  it('opens without the notice\'s preamble', () => {
    const doc = buildReport('quarterly-summary', data);
    const opening = doc.blocks.find((b) => b.kind === 'paragraph');
    expect(opening && text(opening)).toBe('现将2023年第二季度全市优化营商环境重点任务推进情况小结如下：');
  });
});

describe('the 月通报 trend', () => {
  const june = shaoyangProgress();
  const chartOf = (d: ProgressReviewData) => overviewSection(d, '2023年6月', '6月').find((b) => b.kind === 'chart');

  it('starts at the plan\'s month, never before, and shows a month with nothing done as 0', () => {
    const nothingDone = { ...june, planStart: '2023-03-15', tasks: june.tasks.map((t) => ({ ...t, light: 'red' as const, completedOn: null })) };
    const chart = chartOf(nothingDone);
    expect(chart?.kind === 'chart' && chart.chart.categories).toEqual(['3月', '4月', '5月', '6月']);
    // Every month had tasks due (counted here) and none done: 0, not a gap.
    for (const end of ['2023-03-31', '2023-04-30', '2023-05-31']) expect(counts(nothingDone.tasks, '0000-01-01', end).due).toBeGreaterThan(0);
    expect(chart?.kind === 'chart' && chart.chart.series[0]?.values.slice(0, 3)).toEqual([0, 0, 0]);
    const late = chartOf({ ...june, planStart: '2023-05-20' });
    expect(late?.kind === 'chart' && late.chart.categories).toEqual(['5月', '6月']);
  });
});
