import { PrinterOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Skeleton } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { fetchUrges } from '../api/supervision.ts';
import { fetchTask } from '../api/tasks.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { taskUnits } from '../components/task-urges-tab.tsx';
import { useApi } from '../hooks/use-api.ts';
import { dateLabel } from '../lib/format.ts';
import { deadlineLabel, seqLabel } from '../lib/task-fields.ts';
import { NotFoundPage } from './not-found-page.tsx';

/** /tasks/:id/orders/:urgeId — a 督办单 laid out for printing on A4 (the print stylesheet hides the app). */
export function OrderPrintPage() {
  const params = useParams();
  const taskId = Number(params.id) || undefined;
  const urgeId = Number(params.urgeId) || undefined;
  const task = useApi(taskId ? (signal) => fetchTask(taskId, signal) : null, [taskId]);
  const urges = useApi(taskId ? (signal) => fetchUrges(taskId, signal) : null, [taskId]);
  if (!taskId || !urgeId) return <NotFoundPage title="督办单不存在" />;
  const error = task.error ?? urges.error;
  if (error) return <ErrorResult error={error} notFoundTitle="督办单不存在" />;
  if (!task.data || !urges.data) return <Skeleton active />;
  const urge = urges.data.items.find((u) => u.id === urgeId && u.kind === 'order');
  if (!urge) return <NotFoundPage title="督办单不存在" />;
  const t = task.data;
  const unit = taskUnits(t).find((u) => u.id === urge.unitId);
  return (
    <div className="page">
      <div className="no-print order-toolbar">
        <Breadcrumb
          className="page-breadcrumb"
          items={[{ title: <Link to={`/tasks/${t.id}`}>任务 {seqLabel(t)}</Link> }, { title: `督办单 ${urge.number ?? ''}` }]}
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
              <td>{unit?.name ?? `单位 ${urge.unitId}`}</td>
            </tr>
            <tr>
              <th>督办事项</th>
              <td>
                <div className="muted order-plan">{t.plan.title}</div>
                任务 {seqLabel(t)}：{t.text}
                {deadlineLabel(t) && <div className="order-deadline">完成时限：{deadlineLabel(t)}</div>}
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
