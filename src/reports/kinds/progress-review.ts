/**
 * The builder shared by the 月通报 and the three reviews. A profile names the kind, the title,
 * the opening sentence and which sections appear in which order; the data and the section
 * bodies (progress-sections.ts) are the same for all four.
 */
import type { Block, ReportDocument, ReportKind } from '../report-document.ts';
import type { ProgressReviewData, ReviewPeriod } from '../report-data.ts';
import { closingBlocks, openingBlocks } from './document-parts.ts';
import {
  highlightSection, indicatorSection, nextStepSection, overviewSection, problemSection, unitSection, type TaskListAttachment,
} from './progress-sections.ts';
import { instructionSection } from './instruction-section.ts';
import { nextPeriodParagraph, periodSection } from './period-section.ts';
import { supervisionSection } from './supervision-section.ts';
import { chineseNumber, heading, para } from './text-helpers.ts';

/** Sections a notice or review can have. */
export type ReviewSection = 'overview' | 'period' | 'indicators' | 'units' | 'supervision' | 'instructions' | 'problems' | 'highlights' | 'nextSteps';

/** How one kind words and orders the shared material. */
export interface ReviewProfile {
  kind: ReportKind;
  /** Title from the period text (`2023年6月`) and region (`全市`). */
  title: (period: string, region: string) => string;
  /** The verb of the opening sentence: 通报 / 小结 / 讲评 / 总结. */
  verb: string;
  /** Sections with their headings, in order. */
  sections: readonly { id: ReviewSection; title: (data: ProgressReviewData) => string }[];
}

const QUARTERS = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/** `2023年6月` / `2023年第二季度` / `2023年上半年` / `2023年`, as titles say it. */
export function periodText(p: ReviewPeriod): string {
  switch (p.kind) {
    case 'month': return `${p.year}年${p.month}月`;
    case 'quarter': return `${p.year}年${QUARTERS[p.quarter] ?? ''}`;
    case 'half': return `${p.year}年${p.half === 1 ? '上半年' : '下半年'}`;
    case 'year': return `${p.year}年`;
  }
}

/** Short label for the trend chart's last point (`6月`, `二季度`, `上半年`, `2023年`). */
export function periodShortLabel(p: ReviewPeriod): string {
  switch (p.kind) {
    case 'month': return `${p.month}月`;
    case 'quarter': return `${chineseNumber(p.quarter)}季度`;
    case 'half': return p.half === 1 ? '上半年' : '下半年';
    case 'year': return `${p.year}年`;
  }
}

function sectionBody(id: ReviewSection, data: ProgressReviewData, attachments: TaskListAttachment[], review: boolean): Block[] {
  const label = periodText(data.period);
  switch (id) {
    // A review charts its own months (period section); the notice charts the trend of months.
    case 'overview': return overviewSection(data, label, periodShortLabel(data.period), !review);
    case 'period': return periodSection(data, label, 1);
    case 'indicators': return indicatorSection(data);
    case 'units': return unitSection(data);
    case 'supervision': return data.supervision ? supervisionSection(data.supervision) : [];
    case 'instructions': return instructionSection(data.instructions ?? []);
    case 'problems': {
      const problems = problemSection(data, attachments.length + 1);
      attachments.push(...problems.attachments);
      return problems.body;
    }
    case 'highlights': return highlightSection(data);
    case 'nextSteps': return review ? [nextPeriodParagraph(data), ...nextStepSection(data)] : nextStepSection(data);
  }
}

/** 附件说明 after the body, and each attachment on its own pages: 附件N, its title, its table (GB/T 9704 8). */
function attachmentBlocks(attachments: readonly TaskListAttachment[]): { note: Block[]; pages: Block[] } {
  if (!attachments.length) return { note: [], pages: [] };
  const numbered = attachments.length > 1;
  return {
    note: [{ kind: 'attachmentNote', items: attachments.map((a) => a.name) }],
    pages: attachments.flatMap((a, i): Block[] => [
      { kind: 'attachment', label: numbered ? `附件${i + 1}` : '附件' },
      { kind: 'title', text: a.name },
      a.table,
    ]),
  };
}

/** Builds a notice or review from progress data with the given profile. */
export function buildProgressReview(profile: ReviewProfile, data: ProgressReviewData): ReportDocument {
  const period = periodText(data.period);
  const title = profile.title(period, data.region);
  // A review analyses its own period (a 'period' section); it opens without the notice's preamble.
  const review = profile.sections.some((s) => s.id === 'period');
  const opening = `现将${period}${data.region}优化营商环境重点任务推进情况${profile.verb}如下：`;
  const body: Block[] = [para(review ? opening : `为压实工作责任，推动《${data.planTitle}》各项任务落地见效，${opening}`)];
  const attachments: TaskListAttachment[] = [];
  // 报送和督办情况 needs the units' record; without it the section is left out, not left empty.
  // 领导批示落实情况 only when the period has instructions.
  const present = (id: ReviewSection): boolean => (id === 'supervision' ? data.supervision !== undefined : id === 'instructions' ? (data.instructions ?? []).length > 0 : true);
  profile.sections.filter((s) => present(s.id)).forEach((s, i) => {
    body.push(heading(1, i + 1, s.title(data)), ...sectionBody(s.id, data, attachments, review));
  });
  body.push(para('注：完成率＝到期任务中已办结任务数÷到期任务数；按时完成率＝到期任务中在完成时限内办结的任务数÷到期任务数。'));
  const { note, pages } = attachmentBlocks(attachments);
  return { kind: profile.kind, title, blocks: [...openingBlocks(data.issue, title), ...body, ...note, ...closingBlocks(data.issue, pages)] };
}
