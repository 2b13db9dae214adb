import { Alert, App, Checkbox, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, errorMessage } from '../api/client.ts';
import type { NewUser, Region, Role } from '../api/models.ts';
import { fetchRegions, fetchUnits } from '../api/units.ts';
import { createUser } from '../api/users.ts';
import { useMe } from '../auth/auth-context.ts';
import { useApi } from '../hooks/use-api.ts';
import { ROLE_LABELS } from '../lib/labels.ts';

interface RegionNode {
  value: number;
  title: string;
  children?: RegionNode[];
}

/** The regions a user may see, as a tree for TreeSelect (also used by 编辑用户). */
export function regionTree(regions: Region[]): RegionNode[] {
  const byParent = new Map<number | null, Region[]>();
  for (const r of regions) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const ids = new Set(regions.map((r) => r.id));
  const build = (parent: number | null): RegionNode[] =>
    (byParent.get(parent) ?? []).map((r) => {
      const children = build(r.id);
      return { value: r.id, title: r.name, children: children.length ? children : undefined };
    });
  // Roots: no parent, or a parent the user cannot see.
  const roots = regions.filter((r) => r.parentId === null || !ids.has(r.parentId));
  return roots.map((r) => {
    const children = build(r.id);
    return { value: r.id, title: r.name, children: children.length ? children : undefined };
  });
}

/** Field errors from VALIDATION_FAILED, in whichever of the usual shapes the server sends them. */
function fieldErrors(details: unknown): { name: string; errors: string[] }[] {
  if (typeof details !== 'object' || details === null) return [];
  const source = 'fields' in details && typeof details.fields === 'object' && details.fields !== null ? details.fields : details;
  const issues = 'issues' in details && Array.isArray(details.issues) ? (details.issues as unknown[]) : null;
  if (issues) {
    return issues.flatMap((issue) => {
      if (typeof issue !== 'object' || issue === null || !('message' in issue)) return [];
      const path = 'path' in issue ? issue.path : undefined;
      const name = Array.isArray(path) ? String(path[path.length - 1]) : typeof path === 'string' ? path : '';
      return name ? [{ name, errors: [String(issue.message)] }] : [];
    });
  }
  return Object.entries(source).flatMap(([name, value]) => (typeof value === 'string' ? [{ name, errors: [value] }] : []));
}

type Values = Omit<NewUser, 'unitId'> & { unitId?: number };

/** Roles the signed-in user may give, as the server says (only an administrator makes administrators). */
export function roleChoices(grantable: Role[]): { value: Role; label: string }[] {
  return grantable.map((value) => ({ value, label: ROLE_LABELS[value] }));
}

/** 新建用户: POST /api/users; errors from the server are shown on the form. */
export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const role = Form.useWatch('role', form);
  const regionId = Form.useWatch('regionId', form);
  const regions = useApi(open ? (signal) => fetchRegions(signal) : null, [open]).data?.items;
  const units = useApi(open && role === 'unit' && regionId ? (signal) => fetchUnits({ region: regionId }, signal) : null, [open, role, regionId]).data?.items;
  const tree = useMemo(() => regionTree(regions ?? []), [regions]);

  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };
  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      await createUser({ ...values, login: values.login.trim(), unitId: values.role === 'unit' ? values.unitId : undefined });
      void message.success(`已创建用户 ${values.displayName}`);
      form.resetFields();
      onCreated();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError) {
        if (e.code === 'USER_LOGIN_TAKEN') form.setFields([{ name: 'login', errors: [e.message] }]);
        const known = new Set(['login', 'password', 'displayName', 'role', 'regionId', 'unitId']);
        form.setFields(fieldErrors(e.details).filter((f) => known.has(f.name)) as { name: keyof Values; errors: string[] }[]);
      }
    } finally {
      setSaving(false);
    }
  };

  const roleOptions = roleChoices(me.permissions.grantRoles);
  return (
    <Modal title="新建用户" open={open} onCancel={close} onOk={() => form.submit()} okText="创建" confirmLoading={saving} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'unit', regionId: me.region.id, mustChangePassword: true }}
        onFinish={(v) => void submit(v)}
      >
        {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="create-user-error" />}
        <Form.Item name="login" label="登录账号" rules={[{ required: true, message: '请输入登录账号' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请输入初始密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="mustChangePassword" valuePropName="checked">
          <Checkbox>首次登录须修改密码</Checkbox>
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item name="regionId" label="区域" rules={[{ required: true, message: '请选择区域' }]}>
          <TreeSelect treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="选择区域" />
        </Form.Item>
        {role === 'unit' && (
          <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择单位"
              options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
