import { RightOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { MyTask } from '../api/models.ts';
import { dateLabel } from '../lib/format.ts';
import { ROLE_IN_TASK_LABELS } from '../lib/supervision-labels.ts';
import { LightDot } from './light-dot.tsx';
import { ReportStatusTag } from './report-tags.tsx';

const ACTION: Record<string, string> = { none: '填报', draft: '继续填写', returned: '修改重报', submitted: '查看', accepted: '查看' };

interface Props {
  item: MyTask;
  today?: string;
  /** The task's deadline has passed (or the period's report is late): shown in red. */
  overdue?: boolean;
  showPeriod: boolean;
  showPlan?: boolean;
  onOpen: () => void;
}

/** One task of 我的任务: tap to open the report form. */
export function MyTaskCard({ item, overdue = false, showPeriod, showPlan = true, onOpen }: Props) {
  const state = item.report?.state ?? 'none';
  const open = state === 'none' || state === 'draft' || state === 'returned';
  const late = item.period.late === true;
  const taskLate = overdue && !late && item.light !== 'done';
  return (
    <button type="button" className={`task-card my-task-card ${overdue ? 'is-overdue' : ''}`} onClick={onOpen} data-testid="my-task" data-task-id={item.taskId}>
      <div className="task-card-head">
        <span className="task-card-seq">任务 {item.seq}</span>
        <Tag color={item.role === 'lead' ? 'blue' : 'default'} className="my-task-role">
          {ROLE_IN_TASK_LABELS[item.role]}
        </Tag>
        {showPlan && <span className="task-card-indicator">{item.planTitle}</span>}
      </div>
      <div className="task-card-text clamp clamp-3">{item.text}</div>
      <div className="task-card-meta">
        {item.light && <LightDot light={item.light} />}
        {item.report && <ReportStatusTag status={item.report.status} percent={item.report.percent} />}
        {item.report && item.report.version > 1 && <span className="muted">第 {item.report.version} 版</span>}
        {showPeriod && <span className="muted">{item.period.label}</span>}
        {open && (
          <span className={late ? 'my-task-overdue' : 'muted'}>
            {late ? '已逾期 · ' : ''}报送截止 {dateLabel(item.period.dueOn)}
          </span>
        )}
        {item.dueOn && item.light !== 'done' && (
          <span className={taskLate ? 'my-task-overdue' : 'muted'} data-testid="my-task-deadline">
            {taskLate ? '已超完成时限 · ' : ''}完成时限 {dateLabel(item.dueOn)}
          </span>
        )}
        <span className="my-task-action">
          {ACTION[state]} <RightOutlined />
        </span>
      </div>
    </button>
  );
}
