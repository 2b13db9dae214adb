import { Alert, Button, Collapse, Empty, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { fetchMyTasks, fetchTaskReports } from '../api/reports.ts';
import type { Report } from '../api/models.ts';
import type { TaskDetail } from '../api/models.ts';
import { useApi } from '../hooks/use-api.ts';
import { REPORT_STATE_LABELS, periodLabel } from '../lib/supervision-labels.ts';
import { CompletionReview } from './completion-review.tsx';
import { ErrorResult } from './error-result.tsx';
import { ReportStateTag, ReportStatusTag } from './report-tags.tsx';
import { ReportView } from './report-view.tsx';

function byPeriod(reports: Report[]): [string, Report[]][] {
  const map = new Map<string, Report[]>();
  for (const r of [...reports].sort((a, b) => b.period.localeCompare(a.period) || Number(b.role === 'lead') - Number(a.role === 'lead') || a.unit.name.localeCompare(b.unit.name, 'zh') || b.version - a.version)) {
    map.set(r.period, [...(map.get(r.period) ?? []), r]);
  }
  return [...map.entries()];
}

/** 进展报告: every version the user may see, per period, newest first; the unit's way to its form. */
export function TaskReportsTab({ task }: { task: TaskDetail }) {
  const { data, error, loading, reload } = useApi((signal) => fetchTaskReports(task.id, signal), [task.id]);
  const mine = useApi(task.permissions.report ? (signal) => fetchMyTasks(signal) : null, [task.permissions.report]);
  const myItem = mine.data?.items.find((i) => i.taskId === task.id);
  const [completing, setCompleting] = useState(false);
  const reports = useMemo(() => data?.items ?? [], [data]);
  const groups = useMemo(() => byPeriod(reports), [reports]);
  const mayComplete = task.permissions.complete;

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  return (
    <div className="task-tab" data-testid="task-reports">
      {myItem && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          title={`本期（${myItem.period.label}）${myItem.report ? `报告${REPORT_STATE_LABELS[myItem.report.state]}` : '尚未填报'}`}
          action={
            <Link to={`/my-tasks?report=${task.id}`}>
              <Button size="small" type="primary">
                {myItem.report && myItem.report.state !== 'returned' && myItem.report.state !== 'draft' ? '查看本期' : '填报本期进展'}
              </Button>
            </Link>
          }
        />
      )}
      {mayComplete && !completing && (
        <Alert
          type="success"
          showIcon
          className="form-alert"
          title="牵头单位报告已完成且已通过审核"
          action={
            <Button size="small" onClick={() => setCompleting(true)}>
              办结审核
            </Button>
          }
        />
      )}
      {completing && <CompletionReview taskId={task.id} onDone={reload} />}
      {groups.length === 0 ? (
        <Empty description="暂无进展报告" />
      ) : (
        groups.map(([period, list]) => (
          <section key={period} className="report-period">
            <h3 className="review-heading">{periodLabel(period)}</h3>
            <Collapse
              size="small"
              defaultActiveKey={list[0] ? [String(list[0].id)] : []}
              items={list.map((r) => ({
                key: String(r.id),
                label: (
                  <span className="report-collapse-label" data-testid="report-row" data-report-id={r.id}>
                    <span>
                      {r.unit.name}
                      {r.role === 'lead' ? '（汇总）' : ''} · 第 {r.version} 版
                    </span>
                    <ReportStateTag state={r.state} />
                    <ReportStatusTag status={r.status} percent={r.percent} />
                  </span>
                ),
                children: <ReportView report={r} compact headless />,
              }))}
            />
          </section>
        ))
      )}
    </div>
  );
}
