/**
 * 表彰通报 (seed 004): awards per indicator (牵头单位 + 重点责任单位), places by rank, support
 * units, the closing call, and the 典型经验做法 as an attachment.
 */
import type { Block, ReportDocument } from '../report-document.ts';
import type { CommendationData } from '../report-data.ts';
import { closingBlocks, openingBlocks } from './document-parts.ts';
import { chineseNumber, heading, joinNames, numberedSections, OFFICE_TODO, para } from './text-helpers.ts';

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

/**
 * Section 二: the groups' explanation, then the places — under a heading per group when the
 * province ranks several groups (县（市）, 区, 园区), so “排名第三” reads as third in its group.
 */
function placeBlocks(data: CommendationData): Block[] {
  if (data.placeAwards.length === 0) return [];
  const note = data.placeNote ? [para(data.placeNote)] : [];
  const groups = [...new Set(data.placeAwards.map((p) => p.group ?? ''))];
  const line = (p: CommendationData['placeAwards'][number]) => para(`${p.name}（排名第${chineseNumber(p.rank)}）`);
  if (groups.length < 2) return [...note, ...data.placeAwards.map(line)];
  return [...note, ...groups.flatMap((g, i) => [heading(2, i + 1, g), ...data.placeAwards.filter((p) => (p.group ?? '') === g).map(line)])];
}

function practiceAttachment(data: CommendationData): Block[] {
  if (data.practices.length === 0) return [];
  return [
    { kind: 'attachment', label: '附件' },
    { kind: 'title', text: '典型经验做法' },
    ...data.practices.flatMap((p, i) => {
      const lead = { text: `${chineseNumber(i + 1)}、${p.heading}。`, face: 'hei' as const };
      // Without text the flag carries the heading, so deleting the flagged paragraph removes the whole line.
      if (!p.text) return p.flag ? [para([lead, { text: p.flag }])] : [];
      return [para([lead, { text: p.text }]), ...(p.flag ? [para(p.flag)] : [])];
    }),
  ];
}

/** Builds a 表彰通报 document. */
export function buildCommendation(data: CommendationData): ReportDocument {
  const titles = { ...DEFAULT_TITLES, ...data.sectionTitles };
  const support = data.supportText ?? (data.supportUnits.length ? `${joinNames(data.supportUnits)}。` : null);
  const parts: { title: string; body: Block[] }[] = [
    { title: titles.indicators, body: awardBlocks(data) },
    { title: titles.places, body: placeBlocks(data) },
    // A support part left for the office flags its heading too: deleting both leaves no empty section.
    { title: support?.includes(OFFICE_TODO) ? `${OFFICE_TODO}${titles.support}` : titles.support, body: support ? [para(support)] : [] },
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
