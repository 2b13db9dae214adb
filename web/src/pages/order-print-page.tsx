import { PrinterOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { fetchUrges } from '../api/supervision.ts';
import { fetchTask } from '../api/tasks.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { useApi } from '../hooks/use-api.ts';
import { dateLabel } from '../lib/format.ts';
import { deadlineLabel, seqLabel } from '../lib/task-fields.ts';
import { NotFoundPage } from './not-found-page.tsx';

/**
 * /tasks/:id/orders/:urgeId — a 督办单 laid out for printing on A4 (the print stylesheet hides the app).
 * A batch 督办单 covers several tasks of one unit: every one of them is printed, not only the task
 * the page was opened from.
 */
export function OrderPrintPage() {
  const params = useParams();
  const taskId = Number(params.id) || undefined;
  const urgeId = Number(params.urgeId) || undefined;
  const urges = useApi(taskId ? (signal) => fetchUrges(taskId, signal) : null, [taskId]);
  const urge = urges.data?.items.find((u) => u.id === urgeId && u.kind === 'order');
  const covered = urge ? (urge.taskIds.length ? urge.taskIds : [urge.taskId]) : null;
  const tasks = useApi(covered ? (signal) => Promise.all(covered.map((id) => fetchTask(id, signal))) : null, [covered?.join(',')]);
  if (!taskId || !urgeId) return <NotFoundPage title="督办单不存在" />;
  const error = urges.error ?? tasks.error;
  if (error) return <ErrorResult error={error} notFoundTitle="督办单不存在" />;
  if (urges.data && !urge) return <NotFoundPage title="督办单不存在" />;
  if (!urge || !tasks.data) return <Skeleton active />;
  const list = [...tasks.data].sort((a, b) => a.seq - b.seq);
  const here = list.find((t) => t.id === taskId) ?? list[0];
  return (
    <div className="page">
      <div className="no-print order-toolbar">
        <Breadcrumb
          className="page-breadcrumb"
          items={[{ title: <Link to={`/tasks/${taskId}`}>任务 {here ? seqLabel(here) : ''}</Link> }, { title: `督办单 ${urge.number ?? ''}` }]}
        />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      <article className="order-doc" data-testid="order-doc">
        <h1 className="order-title">督 办 单</h1>
        <div className="order-number">{urge.number}</div>
        <table className="order-table">
          <tbody>
            <tr>
              <th>承办单位</th>
              <td>{urge.unitName || `单位 ${urge.unitId}`}</td>
            </tr>
            <tr>
              <th>督办事项</th>
              <td>
                <div className="muted order-plan">{here?.plan.title}</div>
                {list.map((t) => (
                  <div key={t.id} className="order-task" data-testid="order-task">
                    任务 {seqLabel(t)}：{t.text}
                    {deadlineLabel(t) && <div className="order-deadline">完成时限：{deadlineLabel(t)}</div>}
                  </div>
                ))}
              </td>
            </tr>
            <tr>
              <th>督办要求</th>
              <td className="order-message">{urge.message}</td>
            </tr>
            <tr>
              <th>回复期限</th>
              <td>请于 {dateLabel(urge.replyBy)} 前书面回复办理情况</td>
            </tr>
            <tr>
              <th>抄送</th>
              <td>{urge.copiedLeader ? `${urge.copiedLeader}（责任领导）` : '—'}</td>
            </tr>
            {urge.reply && (
              <tr>
                <th>回复情况</th>
                <td className="order-message">{urge.reply}</td>
              </tr>
            )}
          </tbody>
        </table>
        <div className="order-sign">
          <div>优化营商环境工作办公室</div>
          <div>{dateLabel(urge.createdAt)}</div>
        </div>
      </article>
    </div>
  );
}
