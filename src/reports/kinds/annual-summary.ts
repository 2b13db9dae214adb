/** 年终总结: the year's completion, what was done, units' results, shortcomings, next year's plan. */
import type { ReportDocument } from '../report-document.ts';
import type { ProgressReviewData } from '../report-data.ts';
import { buildProgressReview, type ReviewProfile } from './progress-review.ts';

/** The 年终总结 profile. */
export const ANNUAL_SUMMARY: ReviewProfile = {
  kind: 'annual-summary',
  title: (period, region) => `${region}优化营商环境重点任务${period}工作总结`,
  verb: '总结',
  sections: [
    { id: 'overview', title: () => '全年任务完成情况' },
    { id: 'period', title: () => '本年度到期任务完成情况' },
    { id: 'indicators', title: () => '各指标完成情况' },
    { id: 'highlights', title: () => '主要做法和成效' },
    { id: 'units', title: () => '各单位完成情况' },
    { id: 'supervision', title: () => '报送和督办情况' },
    { id: 'instructions', title: () => '领导批示落实情况' },
    { id: 'problems', title: () => '存在的不足' },
    { id: 'nextSteps', title: (d) => `${d.period.year + 1}年工作打算` },
  ],
};

/** Builds a 年终总结 from the year's progress data. */
export function buildAnnualSummary(data: ProgressReviewData): ReportDocument {
  return buildProgressReview(ANNUAL_SUMMARY, data);
}
