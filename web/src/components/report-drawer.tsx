import { Alert, Drawer, Form, Skeleton, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { fetchTaskReports } from '../api/reports.ts';
import type { MyTask, Report } from '../api/models.ts';
import { fetchTask } from '../api/tasks.ts';
import { useMe } from '../auth/auth-context.ts';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { dateLabel } from '../lib/format.ts';
import { ROLE_IN_TASK_LABELS } from '../lib/supervision-labels.ts';
import { ErrorResult } from './error-result.tsx';
import type { ReportValues } from './report-form.tsx';
import { ReportForm } from './report-form.tsx';
import { ReportView } from './report-view.tsx';

/** The unit's newest report on the task for the period, if any. */
export function ownReport(reports: Report[], unitId: number | undefined, period: string): Report | undefined {
  return reports
    .filter((r) => r.unit.id === unitId && r.period === period)
    .sort((a, b) => b.version - a.version)[0];
}

function TaskSummary({ item }: { item: MyTask }) {
  return (
    <div className="report-task">
      <div className="report-task-head">
        <Tag color={item.role === 'lead' ? 'blue' : 'default'}>{ROLE_IN_TASK_LABELS[item.role]}</Tag>
        <span className="muted clamp clamp-1">
          任务 {item.seq} · {item.planTitle}
        </span>
      </div>
      <div className="report-task-text clamp clamp-3">{item.text}</div>
      <div className="report-task-period">
        报告期 <b>{item.period.label}</b> · 报送截止 <b>{dateLabel(item.period.dueOn)}</b>
        {item.dueOn && <span className="muted"> · 完成时限 {dateLabel(item.dueOn)}</span>}
      </div>
    </div>
  );
}

interface Props {
  item: MyTask | undefined;
  onClose: () => void;
  /** A draft was saved or a report submitted: the list behind should refresh. */
  onChanged: () => void;
}

/** 填报进展: a drawer on desktop, full screen on a phone. */
export function ReportDrawer({ item, onClose, onChanged }: Props) {
  const mobile = useIsMobile();
  const me = useMe();
  const [form] = Form.useForm<ReportValues>();
  const taskId = item?.taskId;
  const task = useApi(taskId === undefined ? null : (signal) => fetchTask(taskId, signal), [taskId]);
  // The answer names its task: the drawer stays mounted between tasks and must not show stale reports.
  const reports = useApi(
    taskId === undefined ? null : async (signal) => ({ taskId, items: (await fetchTaskReports(taskId, signal)).items }),
    [taskId],
  );
  const ready = task.data?.id === taskId && reports.data?.taskId === taskId;
  const list = ready ? (reports.data?.items ?? []) : [];
  const mine = item ? ownReport(list, me.unit?.id, item.period.key) : undefined;
  const locked = mine && (mine.state === 'submitted' || mine.state === 'accepted');
  const targets = task.data?.targets ?? [];
  const error = task.error ?? reports.error;

  return (
    <Drawer
      open={item !== undefined}
      onClose={onClose}
      size={mobile ? '100%' : 640}
      title={locked ? '本期进展报告' : '填报进展'}
      extra={item && <Link to={`/tasks/${item.taskId}`}>任务详情</Link>}
      destroyOnHidden
      className="report-drawer"
    >
      {item && <TaskSummary item={item} />}
      {error ? (
        <ErrorResult error={error} notFoundTitle="任务不存在" onRetry={() => (task.error ? task.reload() : reports.reload())} />
      ) : !item || !ready || !task.data ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : locked && mine ? (
        <>
          <Alert
            type={mine.state === 'accepted' ? 'success' : 'info'}
            showIcon
            className="form-alert"
            title={mine.state === 'accepted' ? '本期报告已通过审核' : '本期报告已提交，正在等待审核；审核前不能修改'}
          />
          <ReportView report={mine} />
        </>
      ) : (
        <ReportForm
          key={`${item.taskId}:${item.period.key}`}
          form={form}
          item={item}
          reports={list}
          base={mine}
          responsibleUnits={task.data.responsibleUnits}
          targets={targets}
          onReportsChanged={reports.reload}
          onSaved={(_report, submitted) => {
            onChanged();
            if (submitted) onClose();
            else reports.reload();
          }}
        />
      )}
    </Drawer>
  );
}
