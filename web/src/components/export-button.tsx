import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { downloadFile } from '../api/documents.ts';

/** 导出 Excel: downloads the list as the screen shows it (the URL carries its filters). */
export function ExportButton(props: { url: string; fileName: string; testId?: string; label?: string; size?: 'small' | 'middle' }) {
  const { url, fileName, testId, label = '导出 Excel', size } = props;
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(url, fileName);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} data-testid={testId} size={size}>
      {label}
    </Button>
  );
}
