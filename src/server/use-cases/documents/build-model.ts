/**
 * From (plan, kind, period) to the document model: checks the period fits the kind, maps the
 * database to the kind's engine input and lets the reports engine build the model. Shared by the
 * API (drafts, regeneration) and the CLI (`yingshang report`), so both print the same document.
 */
import { parsePeriod, type Period, type PeriodKind } from '../../../domain/supervision/periods.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { buildReport, type ReportDocument, type ReportKind } from '../../../reports/index.ts';
import { appError } from '../../../domain/errors.ts';
import { workBulletinData } from './bulletin-data.ts';
import { commendationData, type CommendationResultsInput } from './commendation-data.ts';
import { loadPlanWithRegion, type PlanWithRegion } from './issuing-office.ts';
import { chooseOrder, supervisionOrderData } from './order-data.ts';
import { dekadBriefData, progressReviewData } from './progress-data.ts';
import { inspectionNoticeData, withCaseExposure } from '../cases/exposure-data.ts';

/**
 * Options some kinds take: the order a 督办单 prints, the results a 表彰通报 commends, and the
 * document's date (成文日期; default: the period's issue date).
 */
export interface BuildOptions {
  orderId?: number;
  results?: CommendationResultsInput;
  date?: string;
}

/**
 * The date a document of the period is dated by default: the period's last day once it has ended
 * (the June 2023 notice is dated 2023年6月30日, whenever it is written), else today.
 */
export function periodIssueDate(period: Period, today: string): string {
  return period.end < today ? period.end : today;
}

// The period a kind covers; kinds not listed take any period.
const PERIOD_OF: Partial<Record<ReportKind, { kind: PeriodKind; example: string }>> = {
  'dekad-brief': { kind: 'xun', example: '2023-06-2（6月中旬）' },
  'monthly-notice': { kind: 'month', example: '2023-06' },
  'inspection-notice': { kind: 'month', example: '2023-06' },
  'quarterly-summary': { kind: 'quarter', example: '2023-Q2' },
  'half-year-review': { kind: 'half', example: '2023-H1' },
  'annual-summary': { kind: 'year', example: '2023' },
};

/** Names of the kinds in Chinese, for titles of lists and error messages. */
export const KIND_LABELS: Record<ReportKind, string> = {
  'dekad-brief': '旬简报', 'monthly-notice': '月通报', 'quarterly-summary': '季度小结', 'half-year-review': '半年讲评',
  'annual-summary': '年终总结', 'work-bulletin': '工作专报', 'commendation': '表彰通报', 'supervision-order': '督办单', 'inspection-notice': '督查情况通报',
};

/** Parses the period key and checks it is the kind's period, or PERIOD_INVALID naming an example. */
export function periodFor(kind: ReportKind, key: string): Period {
  const period = parsePeriod(key);
  const wanted = PERIOD_OF[kind];
  if (period && (!wanted || period.kind === wanted.kind)) return period;
  const hint = wanted ? `${KIND_LABELS[kind]}的期间应写作 ${wanted.example}` : '期间写作 2023-06、2023-06-2（旬）、2023-Q2、2023-H1 或 2023';
  throw appError('PERIOD_INVALID', `期间“${key}”不正确：${hint}`, { field: 'period' });
}

/** The model of a kind for a plan and period, dated `today`; a 督办单 also returns its order. */
export async function buildModel(
  db: Db, planId: number, kind: ReportKind, periodKey: string, today: string, calendar: WorkCalendar, options: BuildOptions = {},
): Promise<{ model: ReportDocument; plan: PlanWithRegion; period: Period; orderId: number | null }> {
  const period = periodFor(kind, periodKey);
  const plan = await loadPlanWithRegion(db, planId);
  let orderId: number | null = null;
  let model: ReportDocument;
  switch (kind) {
    case 'dekad-brief': model = buildReport(kind, await dekadBriefData(db, plan, period, today, calendar)); break;
    case 'monthly-notice':
      // 通报曝光: the period's overdue, 不满意 and returned problems (src/server/use-cases/cases).
      model = await withCaseExposure(db, buildReport(kind, await progressReviewData(db, plan, period, today, calendar)), plan.id, period, today, calendar);
      break;
    case 'inspection-notice': model = buildReport(kind, await inspectionNoticeData(db, plan, period, today, calendar)); break;
    case 'quarterly-summary':
    case 'half-year-review':
    case 'annual-summary': model = buildReport(kind, await progressReviewData(db, plan, period, today, calendar)); break;
    case 'work-bulletin': model = buildReport(kind, await workBulletinData(db, plan, period, today)); break;
    case 'commendation': model = buildReport(kind, await commendationData(db, plan, period, today, calendar, options.results)); break;
    case 'supervision-order':
      orderId = await chooseOrder(db, plan.id, period, options.orderId);
      model = buildReport(kind, await supervisionOrderData(db, plan, orderId));
      break;
  }
  const date = options.date ?? periodIssueDate(period, today);
  return { model: withDraftMarks(datedOn(model, date)), plan, period, orderId };
}

/** Drafts of a 简报 / 专报 have no 期 yet: the engine's placeholder 第0期 becomes a blank to fill. */
function withDraftMarks(model: ReportDocument): ReportDocument {
  return {
    ...model,
    title: model.title.replace(/（第0期）$/, '（第　期）'),
    blocks: model.blocks.map((b) => (b.kind === 'masthead' ? { ...b, issueLabel: '第　期' } : b)),
  };
}

function chineseDate(iso: string): string {
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** The model dated `date` (ISO): signature, 印发日期 and 报头 print it, and the model records it. */
export function datedOn(model: ReportDocument, date: string): ReportDocument {
  const blocks = model.blocks.map((b) => {
    switch (b.kind) {
      case 'masthead': return { ...b, date: chineseDate(date) };
      case 'signature': return { ...b, date };
      case 'record': return b.printed ? { ...b, printed: { ...b.printed, on: date } } : b;
      default: return b;
    }
  });
  return { ...model, date, blocks };
}

/**
 * The model as issued: the number goes into the 版头 (文号) or the 报头 (第N期, the title's
 * 第N期 too), and every date printed on it is the document's date — the one chosen for the draft
 * (issuing a June notice in July keeps 6月30日), or `fallbackDate` for a model that has none.
 */
export function stampIssued(model: ReportDocument, number: { docNumber: string | null; issueNo: number | null }, fallbackDate: string): ReportDocument {
  const dated = datedOn(model, model.date ?? fallbackDate);
  const blocks = dated.blocks.map((b) => {
    switch (b.kind) {
      case 'redHeader': return number.docNumber ? { ...b, docNumber: number.docNumber } : b;
      case 'masthead': return number.issueNo !== null ? { ...b, issueLabel: `第${number.issueNo}期` } : b;
      default: return b;
    }
  });
  const title = number.issueNo !== null ? model.title.replace(/（第[\d\u3000]+期）$/, `（第${number.issueNo}期）`) : model.title;
  return { ...dated, title, blocks };
}
