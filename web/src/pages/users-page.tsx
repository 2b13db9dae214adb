import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import type { UserRow } from '../api/models.ts';
import { fetchUsers, resetUserPassword, setUserDisabled, unlockUser } from '../api/users.ts';
import { useMe } from '../auth/auth-context.ts';
import { CreateUserModal } from '../components/create-user-modal.tsx';
import { EditUserModal } from '../components/edit-user-modal.tsx';
import { UserImportModal } from '../components/user-import-modal.tsx';
import { useApi } from '../hooks/use-api.ts';
import { dateTimeLabel } from '../lib/format.ts';
import { NotFoundPage } from './not-found-page.tsx';

function isLocked(u: UserRow): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil) > new Date();
}

function StatusTags({ user }: { user: UserRow }) {
  return (
    <Space size={4} wrap>
      {user.disabled ? <Tag color="default">已停用</Tag> : isLocked(user) ? <Tag color="red">锁定至 {dateTimeLabel(user.lockedUntil)}</Tag> : <Tag color="green">正常</Tag>}
      {user.mustChangePassword && <Tag color="orange">待改初始密码</Tag>}
    </Space>
  );
}

/** Row actions: 编辑, 停用/启用, 重置密码, 解锁 — each confirmed, each audited by the server. */
function useUserActions(reload: () => void, onEdit: (u: UserRow) => void) {
  const { modal, message } = App.useApp();
  const me = useMe();
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
      reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const reset = (u: UserRow): void => {
    modal.confirm({
      title: `重置 ${u.displayName} 的密码？`,
      content: '将生成临时密码并结束该用户的全部登录会话，用户下次登录时须修改密码。',
      okText: '重置',
      onOk: async () => {
        try {
          const { temporaryPassword } = await resetUserPassword(u.id);
          reload();
          modal.info({
            title: '临时密码（只显示这一次）',
            content: (
              <Typography.Paragraph copyable={{ text: temporaryPassword }} data-testid="temporary-password">
                <Typography.Text code>{temporaryPassword}</Typography.Text>
              </Typography.Paragraph>
            ),
            okText: '我已记下',
          });
        } catch (e) {
          void message.error(errorMessage(e));
        }
      },
    });
  };
  const toggle = (u: UserRow): void => {
    modal.confirm({
      title: u.disabled ? `启用 ${u.displayName}？` : `停用 ${u.displayName}？`,
      content: u.disabled ? '启用后该用户可再次登录。' : '停用后该用户不能登录，已登录的会话立即结束。',
      okText: u.disabled ? '启用' : '停用',
      okButtonProps: { danger: !u.disabled },
      onOk: () => run(() => setUserDisabled(u.id, !u.disabled), u.disabled ? '已启用' : '已停用'),
    });
  };
  return (u: UserRow) => (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => { onEdit(u); }}>编辑</Button>
      {u.id !== me.id && (
        <Button type="link" size="small" danger={!u.disabled} onClick={() => { toggle(u); }}>{u.disabled ? '启用' : '停用'}</Button>
      )}
      <Button type="link" size="small" onClick={() => { reset(u); }}>重置密码</Button>
      {isLocked(u) && <Button type="link" size="small" onClick={() => void run(() => unlockUser(u.id), '已解锁')}>解锁</Button>}
    </Space>
  );
}

/** /users — administrator and office: the user list, 新建用户 and the row actions. */
export function UsersPage() {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [importing, setImporting] = useState(false);
  const allowed = me.permissions.manageUsers;
  const { data, error, loading, reload } = useApi(allowed ? (signal) => fetchUsers(signal) : null, [allowed]);
  const actions = useUserActions(reload, setEditing);
  if (!allowed) return <NotFoundPage />;
  const columns: TableColumnsType<UserRow> = [
    { key: 'login', title: '登录账号', dataIndex: 'login', width: 170 },
    { key: 'displayName', title: '姓名', dataIndex: 'displayName', width: 160 },
    { key: 'role', title: '角色', width: 100, render: (_, u) => u.roleName },
    { key: 'region', title: '区域', width: 100, render: (_, u) => u.region.name },
    {
      key: 'unit',
      title: '单位',
      width: 200,
      render: (_, u) => (u.unit ? <>{u.unit.name}{u.unitHead && <Tag color="blue" style={{ marginLeft: 6 }}>负责人</Tag>}</> : '—'),
    },
    { key: 'status', title: '状态', width: 190, render: (_, u) => <StatusTags user={u} /> },
    { key: 'createdAt', title: '创建时间', width: 150, render: (_, u) => dateTimeLabel(u.createdAt) },
    { key: 'actions', title: '操作', width: 230, fixed: 'right', render: (_, u) => actions(u) },
  ];
  return (
    <div className="page">
      <div className="page-title-row">
        <h1 className="page-title">用户</h1>
        <Space>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            批量导入
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建用户
          </Button>
        </Space>
      </div>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} className="form-alert" /> : null}
      <Card size="small">
        <Table<UserRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 1300 }}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无用户' }}
        />
      </Card>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onCreated={reload} />
      <UserImportModal open={importing} onClose={() => setImporting(false)} onImported={reload} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} onSaved={reload} />
    </div>
  );
}
