import { Tag } from 'antd';
import type { ReportState, ReportStatus } from '../api/models.ts';
import { REPORT_STATE_COLORS, REPORT_STATE_LABELS, REPORT_STATUS_COLORS, REPORT_STATUS_LABELS } from '../lib/supervision-labels.ts';

export function ReportStateTag({ state }: { state: ReportState }) {
  return (
    <Tag color={REPORT_STATE_COLORS[state]} data-testid="report-state">
      {REPORT_STATE_LABELS[state]}
    </Tag>
  );
}

export function ReportStatusTag({ status, percent }: { status: ReportStatus; percent?: number }) {
  return (
    <Tag color={REPORT_STATUS_COLORS[status]}>
      {REPORT_STATUS_LABELS[status]}
      {percent !== undefined ? ` · ${percent}%` : ''}
    </Tag>
  );
}
