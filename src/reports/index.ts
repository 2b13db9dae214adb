/**
 * The reports engine: data → document model → DOCX (GB/T 9704-2012) / HTML preview, and plans →
 * responsibility-table XLSX. Pure: no database or server imports; the product layer maps its
 * records to the types in report-data.ts.
 */
import type { ChartSpec, ReportDocument, ReportKind } from './report-document.ts';
import type { ChartImage } from './charts/chart-png.ts';
import type {
  CommendationData, DekadBriefData, ProgressReviewData, SupervisionOrderData, WorkBulletinData,
} from './report-data.ts';
import { buildAnnualSummary } from './kinds/annual-summary.ts';
import { buildCommendation } from './kinds/commendation.ts';
import { buildDekadBrief } from './kinds/dekad-brief.ts';
import { buildHalfYearReview } from './kinds/half-year-review.ts';
import { buildMonthlyNotice } from './kinds/monthly-notice.ts';
import { buildQuarterlySummary } from './kinds/quarterly-summary.ts';
import { buildSupervisionOrder } from './kinds/supervision-order.ts';
import { buildWorkBulletin } from './kinds/work-bulletin.ts';
import { buildInspectionNotice, caseExposureBlocks, hasExposure, type InspectionNoticeData } from './kinds/case-exposure.ts';

export { buildInspectionNotice, caseExposureBlocks, hasExposure };
export type { CaseExposureData, ExposedCase, InspectionNoticeData } from './kinds/case-exposure.ts';

export type * from './report-data.ts';
export type { Block, BlockOf, ChartSpec, Inline, ReportDocument, ReportKind } from './report-document.ts';
export { officeNotes, parseReportDocument, reportDocumentSchema, reportKindSchema } from './report-document.ts';
export { buildAnnualSummary, buildCommendation, buildDekadBrief, buildHalfYearReview, buildMonthlyNotice, buildQuarterlySummary, buildSupervisionOrder, buildWorkBulletin };
export { FONTCONFIG_FILE } from './gbt9704/fonts.ts';
export { LIBREOFFICE_REGISTRY, LIBREOFFICE_REGISTRY_PATH } from './gbt9704/line-breaks.ts';
export { renderHtml } from './html/render-html.ts';
export { renderChartSvg } from './charts/chart-svg.ts';
export { renderResponsibilityXlsx } from './xlsx/responsibility-table.ts';
export { renderTaskListXlsx } from './xlsx/task-list-table.ts';

// The DOCX renderer (docx, jszip, the chart rasteriser resvg and fontkit) is loaded on first use:
// it runs in the render threads and the CLI, and the server's request thread, which imports this
// module for the builders and the HTML preview, never holds it.

/** The document as DOCX bytes (GB/T 9704-2012). */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  return (await import('./gbt9704/render-docx.ts')).renderDocx(doc);
}

/** A chart as a PNG image for the DOCX. */
export async function renderChartPng(spec: ChartSpec): Promise<ChartImage> {
  const { renderChartPng: render } = await import('./charts/chart-png.ts');
  return render(spec);
}
export { indicatorWorstLaggards, rankedUnits, rateRow, ratesByIndicator } from './kinds/progress-stats.ts';
export { instructionSentence } from './kinds/instruction-section.ts';
export { formatChineseDate, joinNames, OFFICE_TODO, officeTodo, sentence } from './kinds/text-helpers.ts';
export type { RateRow } from './kinds/progress-stats.ts';

/** Input data of each kind, for callers that dispatch on the kind (the CLI's `report KIND`). */
export interface ReportDataByKind {
  'dekad-brief': DekadBriefData;
  'monthly-notice': ProgressReviewData;
  'quarterly-summary': ProgressReviewData;
  'half-year-review': ProgressReviewData;
  'annual-summary': ProgressReviewData;
  'work-bulletin': WorkBulletinData;
  'commendation': CommendationData;
  'supervision-order': SupervisionOrderData;
  'inspection-notice': InspectionNoticeData;
}

const BUILDERS: { [K in ReportKind]: (data: ReportDataByKind[K]) => ReportDocument } = {
  'dekad-brief': buildDekadBrief,
  'monthly-notice': buildMonthlyNotice,
  'quarterly-summary': buildQuarterlySummary,
  'half-year-review': buildHalfYearReview,
  'annual-summary': buildAnnualSummary,
  'work-bulletin': buildWorkBulletin,
  'commendation': buildCommendation,
  'supervision-order': buildSupervisionOrder,
  'inspection-notice': buildInspectionNotice,
};

/** Builds the document model of any kind from its data. */
export function buildReport<K extends ReportKind>(kind: K, data: ReportDataByKind[K]): ReportDocument {
  const build: (data: ReportDataByKind[K]) => ReportDocument = BUILDERS[kind];
  return build(data);
}
