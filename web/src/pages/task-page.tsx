import { Breadcrumb, Card, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { fetchTask } from '../api/tasks.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { TaskTabs } from '../components/task-tabs.tsx';
import { useApi } from '../hooks/use-api.ts';
import { seqLabel } from '../lib/task-fields.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** /tasks/:id — one task on its own page (a link that can be shared or printed). */
export function TaskPage() {
  const { id } = useParams();
  const taskId = id && /^\d+$/.test(id) ? Number(id) : undefined;
  const { data: task, error, loading, reload } = useApi(taskId === undefined ? null : (signal) => fetchTask(taskId, signal), [taskId]);
  if (taskId === undefined) return <NotFoundPage title="任务不存在" />;
  if (error) return <ErrorResult error={error} notFoundTitle="任务不存在" onRetry={reload} />;
  if (loading || !task) return <Skeleton active />;
  return (
    <div className="page">
      <Breadcrumb
        className="page-breadcrumb"
        items={[
          { title: <Link to="/plans">方案</Link> },
          { title: <Link to={`/plans/${task.plan.id}`}>{task.plan.title}</Link> },
          { title: `任务 ${seqLabel(task)}` },
        ]}
      />
      <Card className="task-page-card">
        <TaskTabs key={task.id} task={task} onChanged={reload} />
      </Card>
    </div>
  );
}
