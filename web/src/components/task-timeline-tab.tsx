import { Empty, Skeleton, Timeline } from 'antd';
import { fetchTimeline } from '../api/activity.ts';
import type { AuditEntry } from '../api/models.ts';
import { useApi } from '../hooks/use-api.ts';
import { dateTimeLabel } from '../lib/format.ts';
import { actionColor, actionLabel } from '../lib/supervision-labels.ts';
import { auditDetailsText } from '../../../src/domain/labels-audit.ts';
import { ErrorResult } from './error-result.tsx';

/** An entry's details as a Chinese sentence (period, version, number, comment, changed fields …). */
export function detailSummary(entry: AuditEntry): string {
  return auditDetailsText(entry.action, entry.details);
}

/** 时间线: what happened to the task and its plan, newest first. */
export function TaskTimelineTab({ taskId }: { taskId: number }) {
  const { data, error, loading, reload } = useApi((signal) => fetchTimeline(taskId, signal), [taskId]);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  const items = data?.items ?? [];
  if (items.length === 0) return <Empty description="暂无记录" />;
  return (
    <div className="task-tab" data-testid="task-timeline">
      <Timeline
        items={items.map((e) => ({
          key: e.id,
          color: actionColor(e.action),
          content: (
            <div className="timeline-entry">
              <div>
                <b>{actionLabel(e.action)}</b>
                <span className="muted"> · {e.actor?.displayName ?? '系统'}</span>
              </div>
              {detailSummary(e) && <div className="timeline-detail">{detailSummary(e)}</div>}
              <div className="muted timeline-at">{dateTimeLabel(e.at)}</div>
            </div>
          ),
        }))}
      />
    </div>
  );
}
