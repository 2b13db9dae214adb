/**
 * Problems in documents: the 通报曝光 section of a 月通报 (cases overdue, 不满意, 退回重办 — 发现一起、
 * 查处一起、通报曝光一起) and the stand-alone 督查情况通报, which reports a period's problems by
 * source with their rectification and names those that are overdue or returned.
 */
import type { Block, ReportDocument } from '../report-document.ts';
import type { IssueInfo } from '../report-data.ts';
import { closingBlocks, openingBlocks } from './document-parts.ts';
import { chineseNumber, formatChineseDate, heading, leadPara, para } from './text-helpers.ts';

export interface ExposedCase {
  title: string;
  source: string;
  refNo: string | null;
  leadUnit: string;
  dueOn: string | null;
  /** Why it is named: 超期未办结 N 个工作日 / 企业回访不满意 / 退回重办 N 次. */
  reason: string;
}

export interface CaseExposureData {
  overdue: ExposedCase[];
  dissatisfied: ExposedCase[];
  returned: ExposedCase[];
}

export interface InspectionNoticeData {
  issue: IssueInfo;
  /** E.g. 2023年6月. */
  periodLabel: string;
  regionWord: string;
  /** Problems found in the period by source: 专项督查 12 件 … */
  bySource: { source: string; found: number; finished: number; closed: number }[];
  rates: { onTimeRate: number | null; satisfactionRate: number | null; returnRate: number | null };
  exposure: CaseExposureData;
}

const ref = (c: ExposedCase) => `${c.source}${c.refNo ? `（${c.refNo}）` : ''}反映的“${c.title}”问题，主办单位${c.leadUnit}`;
const rate = (r: number | null) => (r === null ? '—' : `${r}%`);

function group(label: string, cases: ExposedCase[]): Block[] {
  if (!cases.length) return [];
  return [
    leadPara(`${label}${cases.length}件。`, cases.map((c) => `${ref(c)}，${c.reason}`).join('；') + '。'),
  ];
}

/** True when the period has anything to expose. */
export function hasExposure(data: CaseExposureData): boolean {
  return data.overdue.length + data.dissatisfied.length + data.returned.length > 0;
}

/** The 通报曝光 section (a level-1 heading numbered `n`) with a table of the cases named. */
export function caseExposureBlocks(data: CaseExposureData, n: number): Block[] {
  const all = [...data.overdue, ...data.dissatisfied, ...data.returned];
  return [
    heading(1, n, '通报曝光'),
    para('按照“发现一起、查处一起、通报曝光一起”的要求，现将本期超期未办结、企业回访不满意和退回重办的问题通报如下：'),
    ...group('（一）超期未办结', data.overdue),
    ...group('（二）企业回访不满意', data.dissatisfied),
    ...group('（三）退回重办', data.returned),
    {
      kind: 'table', caption: '通报曝光问题清单',
      columns: [{ title: '序号', weight: 1, align: 'center' }, { title: '问题', weight: 5, align: 'left' }, { title: '主办单位', weight: 2, align: 'left' }, { title: '办理时限', weight: 2, align: 'center' }, { title: '情形', weight: 3, align: 'left' }],
      rows: all.map((c, i) => [String(i + 1), `${c.source}${c.refNo ? ` ${c.refNo}` : ''}：${c.title}`, c.leadUnit, c.dueOn ? formatChineseDate(c.dueOn) : '—', c.reason]),
    },
    para('请被通报单位于5个工作日内查明原因、整改到位，并将整改情况书面报送优化办。'),
  ];
}

/** 督查情况通报: the period's problems by source, the rates, and the cases exposed. */
export function buildInspectionNotice(data: InspectionNoticeData): ReportDocument {
  const title = `关于${data.periodLabel}${data.regionWord}营商环境督查发现问题整改情况的通报`;
  const found = data.bySource.reduce((s, x) => s + x.found, 0);
  const finished = data.bySource.reduce((s, x) => s + x.finished, 0);
  const closed = data.bySource.reduce((s, x) => s + x.closed, 0);
  const body: Block[] = [
    para(`${data.periodLabel}，${data.regionWord}通过专项督查、明察暗访、12345政企通等渠道共发现营商环境问题${found}件，已办结${finished}件，已销号${closed}件。按期办结率${rate(data.rates.onTimeRate)}，企业满意率${rate(data.rates.satisfactionRate)}，退回重办率${rate(data.rates.returnRate)}。`),
    heading(1, 1, '问题发现及整改情况'),
    ...data.bySource.map((s, i) => leadPara(`（${chineseNumber(i + 1)}）${s.source}。`, `发现问题${s.found}件，已办结${s.finished}件，已销号${s.closed}件。`)),
  ];
  const exposure = hasExposure(data.exposure) ? caseExposureBlocks(data.exposure, 2) : [heading(1, 2, '通报曝光'), para('本期无超期未办结、回访不满意或退回重办的问题。')];
  return {
    kind: 'inspection-notice',
    title,
    blocks: [...openingBlocks(data.issue, title, ''), ...body, ...exposure, heading(1, 3, '下步工作要求'),
      para('各责任单位要坚持立行立改，对通报的问题逐件建立台账、明确时限、落实到人，整改完成后及时申请销号；优化办将持续开展跟踪督查和回访。'),
      ...closingBlocks(data.issue)],
  };
}
