import { App, Button, Empty, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { confirmExtension, fetchExtensions } from '../api/supervision.ts';
import type { ExtensionRequest } from '../api/models.ts';
import type { TaskDetail } from '../api/models.ts';
import { useApi } from '../hooks/use-api.ts';
import { dateLabel, dateTimeLabel } from '../lib/format.ts';
import { EXTENSION_STATE_COLORS, EXTENSION_STATE_LABELS } from '../lib/supervision-labels.ts';
import { ErrorResult } from './error-result.tsx';
import { ExtensionDecisionModal, ExtensionRequestModal } from './extension-forms.tsx';
import { taskUnits } from './task-urges-tab.tsx';

/** 延期: units ask before the deadline, their head confirms, the office approves or refuses. */
export function TaskExtensionsTab({ task }: { task: TaskDetail }) {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi((signal) => fetchExtensions(task.id, signal), [task.id]);
  const [asking, setAsking] = useState(false);
  const [deciding, setDeciding] = useState<{ request: ExtensionRequest; approve: boolean } | null>(null);
  const units = taskUnits(task);
  const mayAsk = task.permissions.report;
  // The server decides from the current (extended) deadline and its own clock.
  const passed = !task.permissions.requestExtension;

  const confirm = async (r: ExtensionRequest) => {
    try {
      await confirmExtension(r.id);
      void message.success('已确认，报优化办审批');
      reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  const items = data?.items ?? [];
  return (
    <div className="task-tab" data-testid="task-extensions">
      {mayAsk && (
        <div className="task-tab-actions">
          <Button onClick={() => setAsking(true)} disabled={passed} data-testid="extension-request">
            申请延期
          </Button>
          {passed && <span className="muted"> {task.supervision.completedOn ? '任务已办结' : task.supervision.dueOn ? '已超过完成时限，不能再申请延期' : '无明确完成时限，无需申请延期'}</span>}
        </div>
      )}
      {items.length === 0 && <Empty description="暂无延期申请" />}
      {items.map((r) => (
        <div key={r.id} className="urge-item">
          <div className="urge-head">
            <Tag color={EXTENSION_STATE_COLORS[r.state]}>{EXTENSION_STATE_LABELS[r.state]}</Tag>
            <span>{units.find((u) => u.id === r.unitId)?.name ?? `单位 ${r.unitId}`}</span>
          </div>
          <div>
            原时限 {dateLabel(r.originalDueOn)} → 申请延至 <b>{dateLabel(r.proposedDueOn)}</b>
            {r.newDueOn && (
              <>
                ，批准至 <b>{dateLabel(r.newDueOn)}</b>
              </>
            )}
          </div>
          <div className="report-section-title">延期理由</div>
          <div className="report-text">{r.reason}</div>
          <div className="report-section-title">目前进展</div>
          <div className="report-text">{r.progress}</div>
          {r.decisionComment && <div className="urge-reply">优化办意见：{r.decisionComment}</div>}
          <div className="muted urge-meta">
            申请于 {dateTimeLabel(r.createdAt)}
            {r.decidedAt && ` · 决定于 ${dateTimeLabel(r.decidedAt)}`}
          </div>
          {r.permissions.confirm && (
            <Button size="small" onClick={() => void confirm(r)}>
              确认申请（单位负责人）
            </Button>
          )}
          {r.permissions.decide && (
            <Space>
              <Button size="small" type="primary" onClick={() => setDeciding({ request: r, approve: true })}>
                批准
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ request: r, approve: false })}>
                不批准
              </Button>
            </Space>
          )}
        </div>
      ))}
      <ExtensionRequestModal
        taskId={task.id}
        open={asking}
        onClose={() => setAsking(false)}
        onDone={() => {
          void message.success('已提交，等待单位负责人确认');
          reload();
        }}
      />
      <ExtensionDecisionModal
        request={deciding?.request ?? null}
        approve={deciding?.approve ?? true}
        onClose={() => setDeciding(null)}
        onDone={() => {
          void message.success('已处理');
          reload();
        }}
      />
    </div>
  );
}
