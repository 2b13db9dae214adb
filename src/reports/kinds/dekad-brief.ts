/**
 * 旬简报: a 简报 for ten days of a month (上旬 / 中旬 / 下旬): the figures on the report date,
 * the units' news, and the arrangements for the next ten days.
 */
import type { Block, ReportDocument } from '../report-document.ts';
import type { DekadBriefData } from '../report-data.ts';
import { distributionBlock, mastheadBlock } from './document-parts.ts';
import { rateRow } from './progress-stats.ts';
import { bulletinItems } from './work-bulletin.ts';
import { chineseNumber, formatChineseDate, heading, leadPara, para, percent, sentence } from './text-helpers.ts';

const DEKADS = ['', '上旬', '中旬', '下旬'];

function figures(data: DekadBriefData): Block[] {
  if (data.tasks.length === 0) return [];
  const all = rateRow('全部', data.tasks, data.asOf);
  return [para(`截至${formatChineseDate(data.asOf)}，${all.total}项重点任务已办结${all.done}项；已到期${all.due}项，完成率${percent(all.completionRate)}，按时完成率${percent(all.onTimeRate)}；逾期未办结${all.red}项，临期${all.yellow}项。`)];
}

/** Builds a 旬简报 document. */
export function buildDekadBrief(data: DekadBriefData): ReportDocument {
  const { year, month, dekad } = data.period;
  const sections: { title: string; body: Block[] }[] = [
    { title: '总体进展', body: figures(data) },
    { title: '工作动态', body: bulletinItems(data.items) },
    { title: '下步安排', body: data.nextSteps.map((s, i) => leadPara(`（${chineseNumber(i + 1)}）`, sentence(s))) },
  ].filter((s) => s.body.length > 0);
  const blocks: Block[] = [
    mastheadBlock(data.masthead),
    { kind: 'title', text: `${year}年${month}月${DEKADS[dekad] ?? ''}优化营商环境工作动态` },
    ...sections.flatMap((s, i) => [heading(1, i + 1, s.title), ...s.body]),
    distributionBlock(data),
  ];
  return { kind: 'dekad-brief', title: `${data.masthead.title}（第${data.masthead.issueNo}期）`, blocks };
}
