import { Drawer, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { fetchTask } from '../api/tasks.ts';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { seqLabel } from '../lib/task-fields.ts';
import { ErrorResult } from './error-result.tsx';
import { TaskTabs } from './task-tabs.tsx';

/** The task detail drawer, opened by ?task=ID on the plan and task pages. */
export function TaskDrawer({ taskId, onClose }: { taskId: number | undefined; onClose: () => void }) {
  const mobile = useIsMobile();
  const { data, error, loading, reload } = useApi(taskId === undefined ? null : (signal) => fetchTask(taskId, signal), [taskId]);
  const task = data && data.id === taskId ? data : undefined;
  return (
    <Drawer
      open={taskId !== undefined}
      onClose={onClose}
      size={mobile ? '100%' : 680}
      title={task ? `任务 ${seqLabel(task)}` : '任务详情'}
      extra={task && <Link to={`/tasks/${task.id}`}>单独打开</Link>}
      destroyOnHidden
    >
      {error ? (
        <ErrorResult error={error} notFoundTitle="任务不存在" onRetry={reload} />
      ) : loading || !task ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <TaskTabs key={task.id} task={task} onChanged={reload} />
      )}
    </Drawer>
  );
}
