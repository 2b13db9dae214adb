import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { attachmentUrl, fetchEvidenceLimits, uploadAttachment, type EvidenceLimits } from '../api/reports.ts';
import type { Attachment } from '../api/models.ts';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES } from '../lib/supervision-labels.ts';

const ALLOWED = new Set(ATTACHMENT_ACCEPT.split(',').map((e) => e.slice(1)));

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10}\u00a0MB`;

/** The limits in words: per file always; the unit's quota and use once the server has said them. */
function limitsText(limits: EvidenceLimits | null): string {
  const perFile = `单个不超过 ${mb(limits?.maxFileBytes ?? MAX_ATTACHMENT_BYTES)}`;
  if (!limits) return perFile;
  const used = limits.unitUsedBytes === null ? '' : `，已用 ${mb(limits.unitUsedBytes)}`;
  return `${perFile}；本单位佐证材料共不超过 ${mb(limits.unitQuotaBytes)}${used}`;
}

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
  const [limits, setLimits] = useState<EvidenceLimits | null>(null);
  const uploaded = fileList.filter((f) => f.status === 'done').length;

  // Asked again after each stored file, so the unit's use shown stays current.
  useEffect(() => {
    const ctl = new AbortController();
    fetchEvidenceLimits(ctl.signal).then(setLimits, () => undefined);
    return () => ctl.abort();
  }, [uploaded]);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const ext = file.name.toLowerCase().split('.').pop() ?? '';
    if (!ALLOWED.has(ext)) {
      void message.error(`不支持的文件类型：${file.name}（可上传 PDF、图片、Word、Excel、WPS、OFD、压缩包、文本）`);
      return Upload.LIST_IGNORE;
    }
    const maxBytes = limits?.maxFileBytes ?? MAX_ATTACHMENT_BYTES;
    if (file.size > maxBytes) {
      void message.error(`${file.name} 超过单个文件上限 ${mb(maxBytes)}`);
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
      <div className="muted evidence-hint" data-testid="evidence-limits">PDF、图片、Word、Excel、WPS、OFD、压缩包，{limitsText(limits)}</div>
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
