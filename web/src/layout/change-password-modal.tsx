import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { changePassword } from '../api/session.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** An initial or reset password: the modal cannot be dismissed until the password is changed. */
  forced?: boolean;
}

/** PUT /api/me/password; a wrong current password (401) is shown here and does not log out. */
export function ChangePasswordModal({ open, onClose, forced = false }: Props) {
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
    <Modal
      title={forced ? '请修改初始密码' : '修改密码'}
      open={open}
      onCancel={forced ? undefined : close}
      closable={!forced}
      maskClosable={!forced}
      keyboard={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        {forced && <Alert type="warning" showIcon title="您正在使用管理员设置的初始密码，修改后才能继续使用平台。" className="form-alert" />}
        {error && <Alert type="error" showIcon title={error} className="form-alert" />}
        <Form.Item name="currentPassword" label={forced ? '初始密码' : '当前密码'} rules={[{ required: true, message: '请输入当前密码' }]}>
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
