/**
 * The review's own period in words (period-analysis.ts has the figures): its due tasks and rates
 * against the period before, the indicators and lead units that improved or slipped, a chart of
 * its months, and the next period's due tasks by lead unit for 下步工作.
 */
import { addDays } from '../../domain/supervision/days.ts';
import { periodOf } from '../../domain/supervision/periods.ts';
import type { Block, ChartSpec } from '../report-document.ts';
import type { ProgressReviewData } from '../report-data.ts';
import { monthlyRates, monthsOf, neighbours, nextPeriodDue, rateChanges, spanFigures, taskGroups, type RateChange } from './period-analysis.ts';
import { formatChineseDate, para, percent } from './text-helpers.ts';

const pct = (r: number | null): number | null => (r === null ? null : Math.round(r * 1000) / 10);

/** “提高3.5个百分点” / “下降2个百分点” / “持平”. */
function pointChange(before: number, now: number): string {
  const d = Math.round((now - before) * 1000) / 10;
  return d === 0 ? '持平' : `${d > 0 ? '提高' : '下降'}${Math.abs(d)}个百分点`;
}

function changeList(list: readonly RateChange[]): string {
  return list.slice(0, 5).map((c) => `${c.name}（${percent(c.before)}→${percent(c.now)}）`).join('、') + (list.length > 5 ? `等${list.length}个` : '');
}

function changeParagraph(what: string, changes: { improved: RateChange[]; slipped: RateChange[] }, previousLabel: string): Block[] {
  const parts = [
    changes.improved.length ? `到期任务完成率比${previousLabel}提高的${what}：${changeList(changes.improved)}` : '',
    changes.slipped.length ? `比${previousLabel}下降的${what}：${changeList(changes.slipped)}` : '',
  ].filter((p) => p !== '');
  return parts.length ? [para(`${parts.join('；')}。`)] : [];
}

/** Line chart of the cumulative completion rates at each month's end of the period. */
export function monthChart(data: ProgressReviewData): ChartSpec {
  const { current } = neighbours(data.period);
  // Months that ended before the plan started are not shown.
  const months = monthsOf(current).filter((m) => !data.planStart || m.end >= data.planStart);
  const points = monthlyRates(data.tasks, months, data.asOf);
  return {
    type: 'line', title: '各月末任务完成率', unit: '%', categories: points.map((p) => p.label),
    series: [{ name: '完成率', values: points.map((p) => pct(p.rate)) }, { name: '按时完成率', values: points.map((p) => pct(p.onTimeRate)) }],
  };
}

/** The section on the period's own figures, with its month chart. */
export function periodSection(data: ProgressReviewData, periodLabel: string, chartNo: number): Block[] {
  const { current, previous } = neighbours(data.period);
  const close = current.end < data.asOf ? current.end : data.asOf;
  const now = spanFigures(data.tasks, current.start, current.end, data.asOf);
  const before = spanFigures(data.tasks, previous.start, previous.end, data.asOf);
  const own = now.due
    ? `${periodLabel}（${formatChineseDate(current.start)}至${formatChineseDate(close)}）到期任务${now.due}项，已办结${now.done}项，完成率${percent(now.rate)}；按时办结${now.onTime}项，按时完成率${percent(now.onTimeRate)}。`
    : `${periodLabel}（${formatChineseDate(current.start)}至${formatChineseDate(close)}）没有到期任务。`;
  const compare = now.rate !== null && before.rate !== null
    ? `${previous.label}到期任务${before.due}项、完成率${percent(before.rate)}，本期完成率${pointChange(before.rate, now.rate)}。`
    : `${previous.label}没有到期任务，无可比数据。`;
  const groups = taskGroups(data);
  return [
    para(own + compare),
    ...changeParagraph('指标', rateChanges(groups.indicators, current, previous, data.asOf), previous.label),
    ...changeParagraph('牵头单位', rateChanges(groups.units, current, previous, data.asOf), previous.label),
    { kind: 'chart', caption: `图${chartNo} ${periodLabel}各月末任务完成率`, chart: monthChart(data) },
  ];
}

/** 下步工作's first paragraph: the open tasks due next period, by lead unit. */
export function nextPeriodParagraph(data: ProgressReviewData): Block {
  const { next } = neighbours(data.period);
  const due = nextPeriodDue(data.tasks, next);
  const count = new Set(due.flatMap((d) => d.seqs)).size;
  if (!count) return para(`${next.label}没有到期任务，各单位要巩固已办结任务成效，持续推进长期任务。`);
  // At most three task numbers per unit: the list stays a sentence, the 责任分工表 has the rest.
  const named = due.slice(0, 8).map((d) => `${d.unit}${d.seqs.length}项（第${d.seqs.slice(0, 3).join('、')}项${d.seqs.length > 3 ? '等' : ''}）`).join('、');
  return para(`${next.label}（至${formatChineseDate(next.end)}）将有${count}项未办结任务到期，按牵头单位分：${named}${due.length > 8 ? `等${due.length}个单位` : ''}。各牵头单位要对照时限倒排工期，确保按期办结。`);
}

/** Months of a notice's trend: from the plan's start (never before) to the month, at most `limit`. */
export function noticeTrendMonths(planStart: string, month: { year: number; month: number }, limit = 6): ReturnType<typeof periodOf>[] {
  const out: ReturnType<typeof periodOf>[] = [];
  let p = periodOf('month', month.year, month.month);
  while (out.length < limit && p.end >= planStart) {
    out.unshift(p);
    p = periodOf('month', Number(addDays(p.start, -1).slice(0, 4)), Number(addDays(p.start, -1).slice(5, 7)));
  }
  return out;
}
