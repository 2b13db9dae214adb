import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { attachmentUrl, uploadAttachment } from '../api/reports.ts';
import type { Attachment } from '../api/supervision-types.ts';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES } from '../lib/supervision-labels.ts';

const ALLOWED = new Set(ATTACHMENT_ACCEPT.split(',').map((e) => e.slice(1)));

function asUploadFile(a: Attachment): UploadFile<Attachment> {
  return { uid: `a${a.id}`, name: a.fileName, status: 'done', url: attachmentUrl(a.id), size: a.size, response: a };
}

interface Props {
  attachments: Attachment[];
  /** The draft the files go to; saves the draft first when there is none yet. */
  ensureReport: () => Promise<number>;
  disabled?: boolean;
}

/**
 * 佐证材料: each file is sent as the raw request body to the report (only drafts take files) with
 * a progress bar. Stored files cannot be removed (the API has no delete), failed ones can.
 */
export function EvidenceUpload({ attachments, ensureReport, disabled }: Props) {
  const { message } = App.useApp();
  const [fileList, setFileList] = useState<UploadFile<Attachment>[]>(() => attachments.map(asUploadFile));

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const ext = file.name.toLowerCase().split('.').pop() ?? '';
    if (!ALLOWED.has(ext)) {
      void message.error(`不支持的文件类型：${file.name}（可上传 PDF、图片、Word、Excel、WPS、OFD、压缩包、文本）`);
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(`${file.name} 超过 20 MB`);
      return Upload.LIST_IGNORE;
    }
    if (file.size === 0) {
      void message.error(`${file.name} 是空文件`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps<Attachment>['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const blob = file as File;
    void (async () => {
      try {
        const reportId = await ensureReport();
        const { promise } = uploadAttachment(reportId, blob, (percent) => onProgress?.({ percent }));
        const attachment = await promise;
        onSuccess?.(attachment);
      } catch (e) {
        void message.error(`${blob.name}：${errorMessage(e)}`);
        onError?.(e instanceof Error ? e : new Error(errorMessage(e)));
      }
    })();
  };

  return (
    <div className="evidence-upload">
      <div className="muted evidence-hint">PDF、图片、Word、Excel、WPS、OFD、压缩包，单个不超过 20{'\u00a0'}MB</div>
      <Upload<Attachment>
        multiple
        accept={ATTACHMENT_ACCEPT}
        fileList={fileList}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
        disabled={disabled}
        onChange={({ fileList: next }) =>
          setFileList(
            next.map((f) => (f.status === 'done' && f.response && !f.url ? { ...f, url: attachmentUrl(f.response.id) } : f)),
          )
        }
        showUploadList={{ showRemoveIcon: (f) => f.status === 'error' }}
      >
        <Button icon={<UploadOutlined />} disabled={disabled} data-testid="evidence-upload">
          上传佐证材料
        </Button>
      </Upload>
    </div>
  );
}
