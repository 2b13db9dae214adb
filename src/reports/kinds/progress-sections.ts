/**
 * Section bodies shared by the 月通报 and the reviews (季度小结, 半年讲评, 年终总结): overall
 * figures with charts, the indicator table, the unit ranking with names, the red and yellow
 * lists, highlights and next steps. Each returns blocks; the profiles decide which appear.
 */
import type { Block, BlockOf, ChartSpec } from '../report-document.ts';
import type { ProgressReviewData, TaskProgress } from '../report-data.ts';
import { monthlyRates } from './period-analysis.ts';
import { noticeTrendMonths } from './period-section.ts';
import { laggards, rankedUnits, rateRow, ratesByIndicator, type RateRow } from './progress-stats.ts';
import { chineseNumber, formatChineseDate, formatDeadline, joinNames, leadPara, officeTodo, para, percent, sentence, tidyText } from './text-helpers.ts';

const pct = (r: number | null): number | null => (r === null ? null : Math.round(r * 1000) / 10);

/** Bar chart of completion and on-time rates by indicator. */
export function indicatorChart(rows: readonly RateRow[]): ChartSpec {
  return {
    type: 'bar', title: '各指标任务完成率', unit: '%', categories: rows.map((r) => r.name),
    series: [{ name: '完成率', values: rows.map((r) => pct(r.completionRate)) }, { name: '按时完成率', values: rows.map((r) => pct(r.onTimeRate)) }],
  };
}

/**
 * The trend's points: with the plan's start, the month-end rates of each month from it (a month
 * with nothing done shows 0, a month with nothing due is a gap, months before the plan none);
 * otherwise the earlier periods given. The last point is the report's own figures.
 */
function trendPoints(data: ProgressReviewData, currentLabel: string, overall: RateRow): { label: string; completionRate: number | null; onTimeRate: number | null }[] {
  const current = { label: currentLabel, completionRate: overall.completionRate, onTimeRate: overall.onTimeRate };
  if (data.planStart && data.period.kind === 'month') {
    const months = noticeTrendMonths(data.planStart, data.period).slice(0, -1);
    return [...monthlyRates(data.tasks, months, data.asOf).map((m) => ({ label: m.label, completionRate: m.rate, onTimeRate: m.onTimeRate })), current];
  }
  return [...data.trend, current];
}

/** Line chart of the rates over the earlier periods and this one. */
export function trendChart(data: ProgressReviewData, currentLabel: string, overall: RateRow): ChartSpec {
  const points = trendPoints(data, currentLabel, overall);
  return {
    type: 'line', title: '任务完成率走势', unit: '%', categories: points.map((p) => p.label),
    series: [{ name: '完成率', values: points.map((p) => pct(p.completionRate)) }, { name: '按时完成率', values: points.map((p) => pct(p.onTimeRate)) }],
  };
}

/**
 * 总体情况: the figures in one paragraph, then one chart: the trend when there are earlier periods
 * (what changed), else the rates by indicator. The by-indicator bars repeat 表1's figures on half a
 * page, so a notice that has a trend leaves them out and stays a few pages long.
 */
export function overviewSection(data: ProgressReviewData, periodLabel: string, shortLabel: string, withChart = true): Block[] {
  const all = rateRow('全部', data.tasks, data.asOf);
  const text = `截至${formatChineseDate(data.asOf)}，《${data.planTitle}》确定的${all.total}项任务中，已到期${all.due}项，`
    + `已办结${all.doneDue}项，完成率${percent(all.completionRate)}；其中按时办结${all.onTime}项，按时完成率${percent(all.onTimeRate)}。`
    + `全部任务累计办结${all.done}项，占任务总数的${percent(all.total ? all.done / all.total : null)}。`
    + `目前逾期未办结（红灯）${all.red}项，临期或进度滞后（黄灯）${all.yellow}项。`;
  if (!withChart) return [para(text)];
  const trend = trendChart(data, shortLabel, all);
  if (trend.categories.length > 1) return [para(text), { kind: 'chart', caption: '图1 任务完成率走势', chart: trend }];
  return [para(text), { kind: 'chart', caption: `图1 ${periodLabel}各指标任务完成率`, chart: indicatorChart(ratesByIndicator(data.indicators, data.tasks, data.asOf)) }];
}

/** 各指标推进情况: a table in plan order and the indicators with overdue tasks named. */
export function indicatorSection(data: ProgressReviewData): Block[] {
  const rows = ratesByIndicator(data.indicators, data.tasks, data.asOf);
  const table: BlockOf<'table'> = {
    kind: 'table', caption: '表1 各指标任务推进情况',
    columns: [
      { title: '序号', weight: 0.8, align: 'center' }, { title: '一级指标', weight: 2.6, align: 'left' }, { title: '任务数', weight: 1.1, align: 'center' },
      { title: '已到期', weight: 1.1, align: 'center' }, { title: '已办结', weight: 1.1, align: 'center' }, { title: '完成率', weight: 1.2, align: 'center' },
      { title: '按时完成率', weight: 1.8, align: 'center' }, { title: '红灯', weight: 0.8, align: 'center' }, { title: '黄灯', weight: 0.8, align: 'center' },
    ],
    rows: rows.map((r, i) => [String(data.indicators[i]?.seq ?? i + 1), r.name, String(r.total), String(r.due), String(r.doneDue), percent(r.completionRate), percent(r.onTimeRate), String(r.red), String(r.yellow)]),
  };
  const full = rows.filter((r) => r.due > 0 && r.onTime === r.due).map((r) => r.name);
  const late = rows.filter((r) => r.red > 0).map((r) => `${r.name}（${r.red}项）`);
  const text = (full.length ? `${joinNames(full)}等${full.length}个指标到期任务全部按时办结。` : '')
    + (late.length ? `${joinNames(late)}指标有逾期未办结任务。` : '到期任务均已办结。');
  return [para(text), table];
}

/** 各单位推进情况: the ranking table, the best named for praise and the laggards named. */
export function unitSection(data: ProgressReviewData): Block[] {
  const units = rankedUnits(data.tasks, data.asOf);
  const table: BlockOf<'table'> = {
    kind: 'table', caption: '表2 牵头单位任务推进情况排名',
    columns: [
      { title: '排名', weight: 0.8, align: 'center' }, { title: '牵头单位', weight: 2.8, align: 'left' }, { title: '牵头任务', weight: 1.3, align: 'center' },
      { title: '已到期', weight: 1.1, align: 'center' }, { title: '已办结', weight: 1.1, align: 'center' }, { title: '完成率', weight: 1.2, align: 'center' },
      { title: '按时完成率', weight: 1.8, align: 'center' }, { title: '逾期', weight: 0.8, align: 'center' },
    ],
    rows: units.map((u, i) => [String(i + 1), u.name, String(u.total), String(u.due), String(u.doneDue), percent(u.completionRate), percent(u.onTimeRate), String(u.red)]),
  };
  const best = units.filter((u) => u.due > 0 && u.onTime === u.due).slice(0, 5).map((u) => u.name);
  const late = laggards(units);
  const blocks: Block[] = [];
  if (best.length) blocks.push(para(`${joinNames(best)}等单位到期任务全部按时办结，予以通报表扬。`));
  if (late.length) {
    const named = late.map((u) => `${u.name}（逾期${u.red}项）`);
    blocks.push(para(`${joinNames(named)}存在逾期未办结任务，予以通报。请上述单位主要负责同志亲自过问，逐项明确整改措施和时限。`));
  }
  return [...blocks, table];
}

function taskRows(tasks: readonly TaskProgress[]): string[][] {
  return tasks.map((t) => [String(t.seq), t.text, joinNames(t.leadUnits), formatDeadline(t.deadline, t.deadlineRaw), tidyText(t.progressNote ?? '')]);
}

const LIST_COLUMNS: BlockOf<'table'>['columns'] = [
  { title: '编号', weight: 0.7, align: 'center' }, { title: '任务内容', weight: 3.4, align: 'left' }, { title: '牵头单位', weight: 1.6, align: 'left' },
  { title: '完成时限', weight: 1.9, align: 'center' }, { title: '进展情况', weight: 3.4, align: 'left' },
];

/** A task list printed as an attachment: its name (附件说明 and the page's title) and its table. */
export interface TaskListAttachment {
  name: string;
  table: BlockOf<'table'>;
}

/**
 * 存在的问题: how many tasks are overdue (red) and at risk (yellow), naming the indicators where
 * the overdue ones gather; the task lists themselves go to attachments (附件), not the body, so
 * the notice stays a few pages long. `firstAttachment` numbers them (附件1, 附件2).
 */
export function problemSection(data: ProgressReviewData, firstAttachment = 1): { body: Block[]; attachments: TaskListAttachment[] } {
  // The red list is the overdue list the overview counts (到期 − 已办结), not every red light: a task
  // returned twice is red on the board but not overdue, and must not swell a list of overdue tasks.
  const red = data.tasks.filter((t) => t.overdue);
  const yellow = data.tasks.filter((t) => t.light === 'yellow');
  const attachments: TaskListAttachment[] = [];
  const refer = (name: string, tasks: readonly TaskProgress[]): string => {
    if (!tasks.length) return '';
    attachments.push({ name, table: { kind: 'table', caption: null, columns: LIST_COLUMNS, rows: taskRows(tasks) } });
    return `附件${firstAttachment + attachments.length - 1}`;
  };
  const redRef = refer('逾期未办结任务（红灯）清单', red);
  const yellowRef = refer('临期及进度滞后任务（黄灯）清单', yellow);
  const parts = [
    red.length ? `共有${red.length}项任务超过完成时限仍未办结（见${redRef}）${mostOverdue(data, red)}` : '',
    yellow.length ? `${yellow.length}项任务临近时限或进度滞后，处于黄灯状态（见${yellowRef}），存在逾期风险` : '',
  ].filter((p) => p !== '');
  return { body: [para(parts.length ? `${parts.join('；')}。` : '到期任务均已按时办结，暂无逾期或临期任务。')], attachments };
}

// “，主要集中在获得电力（5项）、开办企业（5项）等指标”: the three indicators with most overdue tasks.
function mostOverdue(data: ProgressReviewData, red: readonly TaskProgress[]): string {
  const counts = new Map<number, number>();
  for (const t of red) counts.set(t.indicatorSeq, (counts.get(t.indicatorSeq) ?? 0) + 1);
  const names = new Map(data.indicators.map((i) => [i.seq, i.name]));
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 3).filter(([seq]) => names.has(seq));
  if (top.length < 2) return '';
  return `，主要集中在${top.map(([seq, n]) => `${names.get(seq) ?? ''}（${n}项）`).join('、')}等指标`;
}

/** 主要成效: the office's highlights as paragraphs, or the figures when none are given. */
export function highlightSection(data: ProgressReviewData): Block[] {
  if (data.highlights.length) return data.highlights.map((h) => para(sentence(h)));
  const units = rankedUnits(data.tasks, data.asOf).filter((u) => u.due > 0 && u.onTime === u.due);
  if (units.length > 0) return [para(`${units.length}个牵头单位到期任务全部按时办结，各项改革举措有序推进。`)];
  // Nothing to praise from the figures (no unit finished its due tasks on time, “0个…全部按时办结”
  // is no sentence): the office writes this part, or removes it.
  return [para(officeTodo('本期尚无牵头单位到期任务全部按时办结，请填写主要成效和亮点工作（可在“工作动态”中录入），或删除本节。'))];
}

/** 下步工作: numbered items, the number in 楷体 as a second-level heading would be. */
export function nextStepSection(data: ProgressReviewData): Block[] {
  return data.nextSteps.map((s, i) => leadPara(`（${chineseNumber(i + 1)}）`, sentence(s)));
}
