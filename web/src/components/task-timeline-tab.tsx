import { Empty, Skeleton, Timeline } from 'antd';
import { fetchTimeline } from '../api/activity.ts';
import type { AuditEntry } from '../api/models.ts';
import { useApi } from '../hooks/use-api.ts';
import { dateTimeLabel } from '../lib/format.ts';
import { actionColor, actionLabel, periodLabel } from '../lib/supervision-labels.ts';
import { ErrorResult } from './error-result.tsx';

/** The parts of an entry's details people care about: period and version, number, comment, date. */
export function detailSummary(entry: AuditEntry): string {
  const d = entry.details;
  if (!d) return '';
  const parts: string[] = [];
  const str = (key: string) => (typeof d[key] === 'string' && d[key] ? String(d[key]) : undefined);
  if (str('period')) parts.push(periodLabel(String(d.period)));
  if (typeof d.version === 'number') parts.push(`第 ${d.version} 版`);
  if (str('number')) parts.push(String(d.number));
  if (str('fileName')) parts.push(String(d.fileName));
  if (str('proposedDueOn')) parts.push(`申请延至 ${String(d.proposedDueOn)}`);
  if (str('newDueOn')) parts.push(`新时限 ${String(d.newDueOn)}`);
  if (str('comment')) parts.push(`意见：${String(d.comment)}`);
  if (str('title') && entry.action === 'plan.import') parts.push(String(d.title));
  return parts.join(' · ');
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
