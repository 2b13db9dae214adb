import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';

interface Props {
  open: boolean;
  title: string;
  okText: string;
  /** 退回 and 不批准 need a comment; 通过 may have one. */
  required?: boolean;
  placeholder?: string;
  danger?: boolean;
  onSubmit: (comment: string) => Promise<void>;
  onClose: () => void;
}

/** Asks for a review comment (退回意见, 审核意见) and runs the action; API errors stay in the modal. */
export function CommentModal({ open, title, okText, required = false, placeholder, danger = false, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ comment: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };
  const submit = async ({ comment }: { comment?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(comment?.trim() ?? '');
      form.resetFields();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger, ...{ 'data-testid': 'comment-ok' } }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        {error && <Alert type="error" showIcon title={error} className="form-alert" />}
        <Form.Item
          name="comment"
          label={required ? '意见（必填）' : '意见（可选）'}
          rules={required ? [{ required: true, whitespace: true, message: '请填写意见' }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder={placeholder} data-testid="comment-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
