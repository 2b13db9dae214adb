import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import type { ImportedUser, UserImportProblem } from '../api/users.ts';
import { USER_TEMPLATE_URL, importUsers, userImportProblems } from '../api/users.ts';

/**
 * 批量导入用户: download the template, upload it filled; a refused file lists every bad row and
 * column, an accepted one lists the accounts with their generated initial passwords (shown once).
 */
export function UserImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<UserImportProblem[]>([]);
  const [created, setCreated] = useState<ImportedUser[] | null>(null);

  const close = () => {
    setError(null);
    setProblems([]);
    setCreated(null);
    onClose();
  };
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setProblems([]);
    setCreated(null);
    try {
      setCreated((await importUsers(file)).created);
      onImported();
    } catch (e) {
      setError(errorMessage(e));
      setProblems(userImportProblems(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="批量导入用户" open={open} onCancel={close} footer={<Button onClick={close}>关闭</Button>} width={760} destroyOnHidden>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} href={USER_TEMPLATE_URL} download>
          下载模板
        </Button>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="user-import-upload">
            导入 XLSX
          </Button>
        </Upload>
        <span className="muted">文件全部正确才会写入；导入的账号首次登录须修改初始密码。</span>
      </Space>
      {error && (
        <div data-testid="user-import-error">
          <Alert type="error" showIcon title="导入被拒绝，未写入任何用户" description={error} />
          {problems.length > 0 && (
            <Table<UserImportProblem & { key: number }>
              size="small"
              pagination={false}
              style={{ marginTop: 8 }}
              dataSource={problems.map((p, i) => ({ ...p, key: i }))}
              columns={[
                { key: 'row', title: '行', dataIndex: 'row', width: 56 },
                { key: 'column', title: '列', width: 110, render: (_, p) => `${p.column}（${p.header}）` },
                { key: 'message', title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
      {created && (
        <div data-testid="user-import-result">
          <Alert type="success" showIcon title={`已导入 ${created.length} 个账号`} description="自动生成的初始密码只显示这一次，请转交本人。" />
          <Table<ImportedUser>
            size="small"
            rowKey="login"
            pagination={false}
            style={{ marginTop: 8 }}
            dataSource={created}
            columns={[
              { key: 'login', title: '登录账号', dataIndex: 'login' },
              { key: 'displayName', title: '姓名', dataIndex: 'displayName' },
              {
                key: 'password',
                title: '初始密码',
                render: (_, u) => (u.temporaryPassword ? <Typography.Text code copyable>{u.temporaryPassword}</Typography.Text> : '（按文件设置）'),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
