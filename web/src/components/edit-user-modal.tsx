import { Alert, App, Checkbox, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import type { Role, UserRow } from '../api/models.ts';
import { fetchRegions, fetchUnits } from '../api/units.ts';
import { updateUser } from '../api/users.ts';
import { useMe } from '../auth/auth-context.ts';
import { useApi } from '../hooks/use-api.ts';
import { regionTree, roleChoices } from './create-user-modal.tsx';

interface Values {
  displayName: string;
  role: Role;
  regionId: number;
  unitId?: number;
  unitHead: boolean;
}

/** 编辑用户: name, role, region, unit and 单位负责人 (PATCH /api/users/{id}). */
export function EditUserModal({ user, onClose, onSaved }: { user: UserRow | null; onClose: () => void; onSaved: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const open = user !== null;
  const role = Form.useWatch('role', form);
  const regionId = Form.useWatch('regionId', form);
  const regions = useApi(open ? (signal) => fetchRegions(signal) : null, [open]).data?.items;
  const units = useApi(open && role === 'unit' && regionId ? (signal) => fetchUnits({ region: regionId }, signal) : null, [open, role, regionId]).data?.items;
  const tree = useMemo(() => regionTree(regions ?? []), [regions]);

  const close = () => {
    setError(null);
    onClose();
  };
  const submit = async (values: Values) => {
    if (!user) return;
    setSaving(true);
    setError(null);
    try {
      const unit = values.role === 'unit';
      await updateUser(user.id, { ...values, unitId: unit ? (values.unitId ?? null) : null, unitHead: unit && values.unitHead });
      void message.success(`已保存用户 ${values.displayName}`);
      onSaved();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={`编辑用户 ${user?.login ?? ''}`} open={open} onCancel={close} onOk={() => form.submit()} okText="保存" confirmLoading={saving} destroyOnHidden>
      {user && (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          preserve={false}
          initialValues={{ displayName: user.displayName, role: user.role, regionId: user.region.id, unitId: user.unit?.id, unitHead: user.unitHead }}
          onFinish={(v) => void submit(v)}
        >
          {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="edit-user-error" />}
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select options={roleChoices(me.permissions.grantRoles)} />
          </Form.Item>
          <Form.Item name="regionId" label="区域" rules={[{ required: true, message: '请选择区域' }]}>
            <TreeSelect treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="选择区域" />
          </Form.Item>
          {role === 'unit' && (
            <>
              <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} placeholder="选择单位" options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
              </Form.Item>
              <Form.Item name="unitHead" valuePropName="checked" extra="单位负责人确认本单位的延期申请；单位没有负责人时，延期申请直接由优化办审批。">
                <Checkbox>单位负责人</Checkbox>
              </Form.Item>
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}
