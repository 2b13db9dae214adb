import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { changePassword } from '../api/session.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** PUT /api/me/password; a wrong current password (401) is shown here and does not log out. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };
  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      void message.success('密码已修改');
      close();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="修改密码" open={open} onCancel={close} onOk={() => form.submit()} okText="保存" confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        {error && <Alert type="error" showIcon title={error} className="form-alert" />}
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
