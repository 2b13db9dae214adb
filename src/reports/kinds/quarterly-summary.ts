/** 季度小结: the quarter's progress, what worked, problems and the next quarter's plan. */
import type { ReportDocument } from '../report-document.ts';
import type { ProgressReviewData } from '../report-data.ts';
import { buildProgressReview, type ReviewProfile } from './progress-review.ts';

/** The 季度小结 profile. */
export const QUARTERLY_SUMMARY: ReviewProfile = {
  kind: 'quarterly-summary',
  title: (period, region) => `${region}优化营商环境重点任务${period}工作小结`,
  verb: '小结',
  sections: [
    { id: 'overview', title: () => '工作进展' },
    { id: 'period', title: () => '本季度到期任务完成情况' },
    { id: 'indicators', title: () => '各指标推进情况' },
    { id: 'supervision', title: () => '报送和督办情况' },
    { id: 'instructions', title: () => '领导批示落实情况' },
    { id: 'highlights', title: () => '主要成效' },
    { id: 'problems', title: () => '存在的问题' },
    { id: 'nextSteps', title: () => '下季度工作安排' },
  ],
};

/** Builds a 季度小结 from a quarter's progress data. */
export function buildQuarterlySummary(data: ProgressReviewData): ReportDocument {
  return buildProgressReview(QUARTERLY_SUMMARY, data);
}
