import { Empty, Pagination, Spin, Tag } from 'antd';
import type { PaginationProps } from 'antd';
import type { Task } from '../api/models.ts';
import { COLUMN_FIELDS, OPEN_TAIL, deadlineLabel, isUncertain, seqLabel, subIndicatorLabel, unitNames } from '../lib/task-fields.ts';
import { UncertainMark } from './uncertain-mark.tsx';

interface Props {
  tasks: Task[];
  loading: boolean;
  pagination: PaginationProps;
  planTitle?: (planId: number) => string;
  onOpen: (task: Task) => void;
}

/** Phone layout of the task table: one tappable card per task with the fields that matter most. */
export function TaskCardList({ tasks, loading, pagination, planTitle, onOpen }: Props) {
  return (
    <Spin spinning={loading}>
      <div className="task-cards" data-testid="task-cards">
        {tasks.length === 0 && !loading && <Empty description="没有符合条件的任务" />}
        {tasks.map((task) => {
          const deadline = deadlineLabel(task);
          return (
            <button type="button" key={task.id} className="task-card" onClick={() => onOpen(task)}>
              <div className="task-card-head">
                <span className="task-card-seq">{seqLabel(task)}</span>
                <span className="task-card-indicator">
                  {[task.indicator?.name, subIndicatorLabel(task)].filter(Boolean).join(' · ')}
                </span>
              </div>
              {planTitle && <div className="muted task-card-plan">{planTitle(task.planId)}</div>}
              <div className="task-card-text clamp clamp-4">
                <UncertainMark uncertain={isUncertain(task, COLUMN_FIELDS.text)}>{task.text}</UncertainMark>
              </div>
              <div className="task-card-meta">
                {task.leadUnits.length > 0 && (
                  <span>
                    <span className="muted">牵头：</span>
                    <UncertainMark uncertain={isUncertain(task, COLUMN_FIELDS.leadUnits)}>{unitNames(task.leadUnits)}</UncertainMark>
                  </span>
                )}
                {task.leadUnits.length === 0 && task.responsibleUnits.length > 0 && (
                  <span className="clamp clamp-2">
                    <span className="muted">责任：</span>
                    {unitNames(task.responsibleUnits)}
                    {task.responsibleUnitsOpen ? OPEN_TAIL : ''}
                  </span>
                )}
                {(deadline || isUncertain(task, COLUMN_FIELDS.deadline)) && (
                  <Tag className="task-card-deadline">
                    <UncertainMark uncertain={isUncertain(task, COLUMN_FIELDS.deadline)} empty={!deadline}>
                      {deadline}
                    </UncertainMark>
                  </Tag>
                )}
              </div>
            </button>
          );
        })}
        {(pagination.total ?? 0) > 0 && <Pagination className="task-cards-pagination" {...pagination} />}
      </div>
    </Spin>
  );
}
