import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { downloadFile, responsibilityTableUrl } from '../../api/documents.ts';
import { useMe } from '../../auth/auth-context.ts';
import './documents.css';

/** 导出责任分工表 (XLSX) in the ten-column (邵阳式) or six-column (永州式) layout; offices and leaders. */
export function ResponsibilityExport({ planId, title }: { planId: number; title: string }) {
  const me = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!me.permissions.readDocuments) return null;
  const exportAs = async (layout: 'ten' | 'six') => {
    setBusy(true);
    try {
      await downloadFile(responsibilityTableUrl(planId, layout), `${title}责任分工表.xlsx`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'ten', label: '十列（邵阳式）' },
          { key: 'six', label: '六列（永州式）' },
        ],
        onClick: ({ key }) => void exportAs(key === 'six' ? 'six' : 'ten'),
      }}
    >
      <Button size="small" icon={<FileExcelOutlined />} loading={busy} data-testid="export-responsibility">
        导出责任分工表 <DownOutlined />
      </Button>
    </Dropdown>
  );
}
