import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import type { UserRow } from '../api/types.ts';
import { fetchUsers } from '../api/users.ts';
import { useMe } from '../auth/auth-context.ts';
import { CreateUserModal } from '../components/create-user-modal.tsx';
import { useApi } from '../hooks/use-api.ts';
import { dateTimeLabel } from '../lib/format.ts';
import { NotFoundPage } from './not-found-page.tsx';

const columns: TableColumnsType<UserRow> = [
  { key: 'login', title: '登录账号', dataIndex: 'login', width: 170 },
  { key: 'displayName', title: '姓名', dataIndex: 'displayName', width: 160 },
  { key: 'role', title: '角色', width: 100, render: (_, u) => u.roleName },
  { key: 'region', title: '区域', width: 100, render: (_, u) => u.region.name },
  { key: 'unit', title: '单位', width: 180, render: (_, u) => u.unit?.name ?? '—' },
  {
    key: 'status',
    title: '状态',
    width: 170,
    render: (_, u) =>
      u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
        <Tag color="red">锁定至 {dateTimeLabel(u.lockedUntil)}</Tag>
      ) : (
        <Tag color="green">正常</Tag>
      ),
  },
  { key: 'createdAt', title: '创建时间', width: 150, render: (_, u) => dateTimeLabel(u.createdAt) },
];

/** /users — office only: the user list and 新建用户. */
export function UsersPage() {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const allowed = me.permissions.manageUsers;
  const { data, error, loading, reload } = useApi(allowed ? (signal) => fetchUsers(signal) : null, [allowed]);
  if (!allowed) return <NotFoundPage />;
  return (
    <div className="page">
      <div className="page-title-row">
        <h1 className="page-title">用户</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建用户
        </Button>
      </div>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} className="form-alert" /> : null}
      <Card size="small">
        <Table<UserRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 1030 }}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无用户' }}
        />
      </Card>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} onCreated={reload} />
    </div>
  );
}
