/**
 * 月通报: the month's completion and on-time rates by indicator and by unit, the red and yellow
 * task lists, units ranked with laggards named, and next steps.
 */
import type { ReportDocument } from '../report-document.ts';
import type { ProgressReviewData } from '../report-data.ts';
import { buildProgressReview, type ReviewProfile } from './progress-review.ts';

/** The 月通报 profile (also used by tests to check the section order). */
export const MONTHLY_NOTICE: ReviewProfile = {
  kind: 'monthly-notice',
  title: (period, region) => `关于${period}${region}优化营商环境重点任务推进情况的通报`,
  verb: '通报',
  sections: [
    { id: 'overview', title: () => '总体情况' },
    { id: 'indicators', title: () => '各指标推进情况' },
    { id: 'units', title: () => '各单位推进情况' },
    { id: 'supervision', title: () => '报送和督办情况' },
    { id: 'instructions', title: () => '领导批示落实情况' },
    { id: 'problems', title: () => '存在的问题' },
    { id: 'nextSteps', title: () => '下步工作要求' },
  ],
};

/** Builds a 月通报 from a month's progress data. */
export function buildMonthlyNotice(data: ProgressReviewData): ReportDocument {
  return buildProgressReview(MONTHLY_NOTICE, data);
}
