/** 半年讲评: the half year's progress, units praised and named, problems, the second half's work. */
import type { ReportDocument } from '../report-document.ts';
import type { ProgressReviewData } from '../report-data.ts';
import { buildProgressReview, type ReviewProfile } from './progress-review.ts';

/** The 半年讲评 profile. */
export const HALF_YEAR_REVIEW: ReviewProfile = {
  kind: 'half-year-review',
  title: (period, region) => `关于${period}${region}优化营商环境重点任务推进情况的讲评`,
  verb: '讲评',
  sections: [
    { id: 'overview', title: () => '总体进展' },
    { id: 'period', title: (d) => (d.period.kind === 'half' && d.period.half === 2 ? '下半年到期任务完成情况' : '上半年到期任务完成情况') },
    { id: 'units', title: () => '单位讲评' },
    { id: 'supervision', title: () => '报送和督办情况' },
    { id: 'instructions', title: () => '领导批示落实情况' },
    { id: 'highlights', title: () => '亮点工作' },
    { id: 'problems', title: () => '问题与不足' },
    { id: 'nextSteps', title: (d) => (d.period.kind === 'half' && d.period.half === 2 ? '下阶段重点工作' : '下半年重点工作') },
  ],
};

/** Builds a 半年讲评 from a half year's progress data. */
export function buildHalfYearReview(data: ProgressReviewData): ReportDocument {
  return buildProgressReview(HALF_YEAR_REVIEW, data);
}
