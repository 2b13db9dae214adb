import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { downloadFile } from '../api/documents.ts';

/** A download with its busy state; a failure shows the server's Chinese message. */
function useDownload(): [boolean, (url: string, fileName: string) => Promise<void>] {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (url: string, fileName: string) => {
    setBusy(true);
    try {
      await downloadFile(url, fileName);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}

/** 导出 Excel: downloads the list as the screen shows it (the URL carries its filters). */
export function ExportButton(props: { url: string; fileName: string; testId?: string; label?: string; size?: 'small' | 'middle' }) {
  const { url, fileName, testId, label = '导出 Excel', size } = props;
  const [busy, download] = useDownload();
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void download(url, fileName)} data-testid={testId} size={size}>
      {label}
    </Button>
  );
}

export interface ExportItem { key: string; label: string; url: string; fileName: string }

/** Several exports of one screen behind one 导出 Excel menu. */
export function ExportMenu({ items, testId, label = '导出 Excel', size }: { items: ExportItem[]; testId?: string; label?: string; size?: 'small' | 'middle' }) {
  const [busy, download] = useDownload();
  const run = (item: ExportItem) => download(item.url, item.fileName);
  return (
    <Dropdown
      trigger={['click']}
      menu={{ items: items.map((i) => ({ key: i.key, label: <span data-testid={`export-${i.key}`}>{i.label}</span> })), onClick: ({ key }) => { const item = items.find((i) => i.key === key); if (item) void run(item); } }}
    >
      <Button icon={<FileExcelOutlined />} loading={busy} data-testid={testId} size={size}>
        {label} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
