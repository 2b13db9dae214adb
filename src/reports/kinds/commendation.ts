/**
 * 表彰通报 (seed 004): awards per indicator (牵头单位 + 重点责任单位), places by rank, support
 * units, the closing call, and the 典型经验做法 as an attachment.
 */
import type { Block, ReportDocument } from '../report-document.ts';
import type { CommendationData } from '../report-data.ts';
import { closingBlocks, openingBlocks } from './document-parts.ts';
import { chineseNumber, heading, joinNames, numberedSections, para } from './text-helpers.ts';

// Seed 004's section headings; an office may word its own.
const DEFAULT_TITLES = {
  indicators: '在评价中作为指标牵头单位及重点责任单位担当作为，所负责指标为先进标杆的单位',
  places: '在营商环境评价中排名前列的县市区',
  support: '提供重要保障支撑的重点支持单位',
};

function awardBlocks(data: CommendationData): Block[] {
  return data.indicatorAwards.flatMap((a, i) => [
    heading(2, i + 1, `${a.indicator}指标`),
    para([{ text: '牵头单位：', face: 'fang' }, { text: `${joinNames(a.leadUnits)}；` }, { text: '重点责任单位：' }, { text: `${joinNames(a.keyResponsibleUnits)}。` }]),
  ]);
}

function practiceAttachment(data: CommendationData): Block[] {
  if (data.practices.length === 0) return [];
  return [
    { kind: 'attachment', label: '附件' },
    { kind: 'title', text: '典型经验做法' },
    ...data.practices.map((p, i) => para([{ text: `${chineseNumber(i + 1)}、${p.heading}。`, face: 'hei' }, { text: p.text }])),
  ];
}

/** Builds a 表彰通报 document. */
export function buildCommendation(data: CommendationData): ReportDocument {
  const titles = { ...DEFAULT_TITLES, ...data.sectionTitles };
  const support = data.supportText ?? (data.supportUnits.length ? `${joinNames(data.supportUnits)}。` : null);
  const parts: { title: string; body: Block[] }[] = [
    { title: titles.indicators, body: awardBlocks(data) },
    { title: titles.places, body: data.placeAwards.map((p) => para(`${p.name}（排名第${chineseNumber(p.rank)}）`)) },
    { title: titles.support, body: support ? [para(support)] : [] },
  ];
  const sections = numberedSections(1, parts.filter((p) => p.body.length > 0));
  const attachments = practiceAttachment(data);
  const note: Block[] = attachments.length ? [{ kind: 'attachmentNote', items: ['典型经验做法'] }] : [];
  return {
    kind: 'commendation',
    title: data.title,
    blocks: [
      ...openingBlocks(data.issue, data.title),
      ...data.preamble.map((t) => para(t)),
      ...sections,
      ...data.closing.map((t) => para(t)),
      ...note,
      ...closingBlocks(data.issue, attachments),
    ],
  };
}
