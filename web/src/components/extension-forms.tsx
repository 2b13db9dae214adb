import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { decideExtension, requestExtension } from '../api/supervision.ts';
import type { ExtensionRequest } from '../api/models.ts';
import { serverNow } from '../lib/server-clock.ts';

function useSubmit<T>(action: (v: T) => Promise<void>, onClose: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (v: T) => {
    setBusy(true);
    setError(null);
    try {
      await action(v);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setError(null);
    onClose();
  };
  return { error, busy, run, close };
}

interface RequestValues {
  proposedDueOn: Dayjs;
  reason: string;
  progress: string;
}

/** 申请延期: reason, proposed date and progress so far; the unit's head confirms it next. */
export function ExtensionRequestModal({ taskId, open, onClose, onDone }: { taskId: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<RequestValues>();
  const { error, busy, run, close } = useSubmit<RequestValues>(async (v) => {
    await requestExtension(taskId, { proposedDueOn: v.proposedDueOn.format('YYYY-MM-DD'), reason: v.reason.trim(), progress: v.progress.trim() });
    onDone();
  }, onClose);
  return (
    <Modal title="申请延期" open={open} onCancel={close} onOk={() => form.submit()} okText="提交申请" confirmLoading={busy} destroyOnHidden>
      <Form<RequestValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void run(v)} preserve={false}>
        {error && <Alert type="error" showIcon title={error} className="form-alert" />}
        <Form.Item name="proposedDueOn" label="申请延至" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker className="full-width" disabledDate={(d) => d.isBefore(serverNow(), 'day')} inputReadOnly />
        </Form.Item>
        <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="progress" label="目前进展" rules={[{ required: true, whitespace: true, message: '请填写目前进展' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface DecisionValues {
  newDueOn?: Dayjs;
  comment?: string;
}

/** The office approves (fixing the new date, by default the proposed one) or refuses with a comment. */
export function ExtensionDecisionModal({
  request,
  approve,
  onClose,
  onDone,
}: {
  request: ExtensionRequest | null;
  approve: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<DecisionValues>();
  const { error, busy, run, close } = useSubmit<DecisionValues>(async (v) => {
    if (!request) return;
    await decideExtension(request.id, { approve, newDueOn: approve ? v.newDueOn?.format('YYYY-MM-DD') : undefined, comment: v.comment?.trim() || undefined });
    onDone();
  }, onClose);
  return (
    <Modal
      title={approve ? '批准延期' : '不批准延期'}
      open={request !== null}
      onCancel={close}
      onOk={() => form.submit()}
      okText={approve ? '批准' : '不批准'}
      okButtonProps={{ danger: !approve }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void run(v)}
        preserve={false}
        initialValues={{ newDueOn: request ? dayjs(request.proposedDueOn) : undefined }}
      >
        {error && <Alert type="error" showIcon title={error} className="form-alert" />}
        {approve && (
          <Form.Item name="newDueOn" label="新的完成时限" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker
              className="full-width"
              disabledDate={(d) => (request ? !d.isAfter(dayjs(request.originalDueOn), 'day') : false)}
              inputReadOnly
            />
          </Form.Item>
        )}
        <Form.Item name="comment" label={approve ? '意见（可选）' : '意见（必填）'} rules={approve ? [] : [{ required: true, whitespace: true, message: '请填写不批准的理由' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
