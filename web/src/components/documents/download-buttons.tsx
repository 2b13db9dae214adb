import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { DocumentSummary } from '../../api/documents.ts';
import { documentFileUrl, downloadFile } from '../../api/documents.ts';

/** 下载 DOCX / PDF of a document; an issued one without an archived PDF says why. */
export function DownloadButtons({ doc, size, labels = 'short' }: { doc: DocumentSummary; size?: 'small' | 'middle'; labels?: 'short' | 'long' }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const download = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadFile(documentFileUrl(doc.id, format), `${doc.title}.${format}`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const noPdf = doc.status === 'issued' && !doc.hasPdf;
  const prefix = labels === 'long' ? '下载 ' : '';
  const pdf = (
    <Button
      size={size}
      icon={<DownloadOutlined />}
      loading={busy === 'pdf'}
      disabled={noPdf}
      onClick={() => void download('pdf')}
      data-testid="doc-download-pdf"
    >
      {prefix}PDF
    </Button>
  );
  return (
    <Space size={4} wrap>
      <Button size={size} icon={<DownloadOutlined />} loading={busy === 'docx'} onClick={() => void download('docx')} data-testid="doc-download-docx">
        {prefix}DOCX
      </Button>
      {noPdf ? <Tooltip title="印发时服务器未安装 LibreOffice，只存档了 DOCX">{pdf}</Tooltip> : pdf}
    </Space>
  );
}
