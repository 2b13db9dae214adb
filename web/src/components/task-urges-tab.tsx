import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { fetchUrges, replyUrge } from '../api/supervision.ts';
import type { Urge } from '../api/models.ts';
import type { TaskDetail } from '../api/models.ts';
import { useApi } from '../hooks/use-api.ts';
import { dateLabel, dateTimeLabel } from '../lib/format.ts';
import { ErrorResult } from './error-result.tsx';
import { UrgeFormModal } from './urge-form-modal.tsx';

export function taskUnits(task: TaskDetail) {
  return [...task.leadUnits.map((u) => ({ ...u, role: '牵头' })), ...task.responsibleUnits.map((u) => ({ ...u, role: '责任' }))].filter(
    (u, i, all) => all.findIndex((x) => x.id === u.id) === i,
  );
}

function ReplyBox({ urge, onReplied }: { urge: Urge; onReplied: () => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      await replyUrge(urge.id, text.trim());
      void message.success('已回复');
      onReplied();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="urge-reply-box">
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder="回复落实情况" />
      <Button type="primary" size="small" onClick={() => void send()} loading={busy} disabled={!text.trim()}>
        回复
      </Button>
    </div>
  );
}

/** 催办/督办: reminders and numbered orders; the office issues them, the unit replies. */
export function TaskUrgesTab({ task }: { task: TaskDetail }) {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi((signal) => fetchUrges(task.id, signal), [task.id]);
  const [creating, setCreating] = useState<'reminder' | 'order' | null>(null);
  const units = taskUnits(task);
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  const items = data?.items ?? [];
  return (
    <div className="task-tab" data-testid="task-urges">
      {task.permissions.urge && (
        <Space wrap className="task-tab-actions">
          <Button onClick={() => setCreating('reminder')} data-testid="urge-reminder">
            催办
          </Button>
          <Button type="primary" onClick={() => setCreating('order')} data-testid="urge-order">
            下发督办单
          </Button>
        </Space>
      )}
      {items.length === 0 && <Empty description="暂无催办或督办" />}
      {items.map((u) => (
        <div key={u.id} className="urge-item" data-testid="urge-item">
          <div className="urge-head">
            {u.kind === 'order' ? <Tag color="red">督办单</Tag> : <Tag color="orange">催办</Tag>}
            {u.number && <b className="urge-number">{u.number}</b>}
            <span>{u.unitName}</span>
            {u.kind === 'order' && (
              <Link to={`/tasks/${task.id}/orders/${u.id}`} className="urge-print">
                <PrinterOutlined /> 打印
              </Link>
            )}
          </div>
          <div className="report-text">{u.message}</div>
          <div className="muted urge-meta">
            {dateTimeLabel(u.createdAt)}
            {u.replyBy && ` · 请于 ${dateLabel(u.replyBy)} 前回复`}
            {u.copiedLeader && ` · 抄送 ${u.copiedLeader}`}
          </div>
          {u.reply ? (
            <div className="urge-reply">
              <span className="muted">回复（{dateTimeLabel(u.repliedAt)}）：</span>
              {u.reply}
            </div>
          ) : u.permissions.reply ? (
            <ReplyBox urge={u} onReplied={reload} />
          ) : (
            <div className="muted">尚未回复</div>
          )}
        </div>
      ))}
      <UrgeFormModal
        taskId={task.id}
        units={units}
        kind={creating}
        onClose={() => setCreating(null)}
        onCreated={(u) => {
          void message.success(u.number ? `已下发 ${u.number}` : '已发送催办');
          reload();
        }}
      />
    </div>
  );
}
