import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { reviewCompletion } from '../api/supervision.ts';

/**
 * 办结审核, offered after the office accepts a lead report that says 已完成: 同意办结 marks the
 * task done (its light turns grey); 不同意 needs a comment and tells the units.
 */
export function CompletionReview({ taskId, onDone }: { taskId: number; onDone: (completed: boolean) => void }) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'yes' | 'no' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<'completed' | 'declined' | null>(null);

  const decide = async (accept: boolean) => {
    if (!accept && !comment.trim()) {
      setError('不同意办结时请填写意见');
      return;
    }
    setBusy(accept ? 'yes' : 'no');
    setError(null);
    try {
      await reviewCompletion(taskId, accept, comment.trim() || undefined);
      setResult(accept ? 'completed' : 'declined');
      void message.success(accept ? '任务已办结' : '已告知责任单位：暂不办结');
      onDone(accept);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  if (result === 'completed') return <Alert type="success" showIcon icon={<CheckCircleOutlined />} title="任务已办结" data-testid="completion-done" />;
  if (result === 'declined') return <Alert type="info" showIcon title="已记录：暂不办结" />;
  return (
    <div className="completion-review" data-testid="completion-review">
      <Alert
        type="info"
        showIcon
        title="牵头单位报告该任务已完成，是否办结？"
        description="办结后任务不再要求报送进展，预警中显示为“已办结”。"
      />
      {error && <Alert type="error" showIcon title={error} className="completion-error" />}
      <Input.TextArea
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        placeholder="办结意见（不同意办结时必填）"
      />
      <Space wrap>
        <Button type="primary" loading={busy === 'yes'} disabled={busy === 'no'} onClick={() => void decide(true)} data-testid="completion-accept">
          同意办结
        </Button>
        <Button loading={busy === 'no'} disabled={busy === 'yes'} onClick={() => void decide(false)}>
          不同意办结
        </Button>
      </Space>
    </div>
  );
}
