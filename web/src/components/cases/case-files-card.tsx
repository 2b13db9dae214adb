import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useState } from 'react';
import { useMe } from '../../auth/auth-context.ts';
import { errorMessage } from '../../api/client.ts';
import { caseFileUrl, uploadCaseFile, type CaseDetail } from '../../api/cases-api.ts';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, fileSizeLabel } from '../../lib/supervision-labels.ts';

const ALLOWED = new Set(ATTACHMENT_ACCEPT.split(',').map((e) => e.slice(1)));

/** Whether the signed-in user may add files now: the office until 销号, the case's units while handling it. */
function mayAttach(me: ReturnType<typeof useMe>, c: CaseDetail['case']): boolean {
  if (me.permissions.manageCases) return c.state !== 'closed';
  const mine = me.unit?.id !== undefined && (me.unit.id === c.leadUnitId || c.coUnitIds.includes(me.unit.id));
  return mine && c.state === 'handling';
}

/**
 * 材料: the finding's evidence (the office's) and the 整改/答复 evidence (the units'), each with
 * who added it and a download link; an upload button for whoever may add one now.
 */
export function CaseFilesCard({ detail, onChanged }: { detail: CaseDetail; onChanged: (d: CaseDetail) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const c = detail.case;

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const ext = file.name.toLowerCase().split('.').pop() ?? '';
    if (!ALLOWED.has(ext)) void message.error(`不支持的文件类型：${file.name}（可上传 PDF、图片、Word、Excel、WPS、OFD、压缩包、文本）`);
    else if (file.size > MAX_ATTACHMENT_BYTES) void message.error(`${file.name} 超过单个文件上限 20 MB`);
    else if (file.size === 0) void message.error(`${file.name} 是空文件`);
    else {
      setBusy(true);
      uploadCaseFile(c.id, file).then((d) => { onChanged(d); void message.success(`已上传 ${file.name}`); }, (e: unknown) => void message.error(`${file.name}：${errorMessage(e)}`))
        .finally(() => setBusy(false));
    }
    return Upload.LIST_IGNORE;
  };

  const hint = me.permissions.manageCases ? '问题发现材料（照片、督查记录等）' : '整改/答复佐证材料，请在提交答复前上传';
  return (
    <Card size="small" title="材料" style={{ marginBottom: 12 }} data-testid="case-files">
      {detail.files.length === 0 ? <div className="muted">暂无材料</div> : (
        <ul className="attachment-list">
          {detail.files.map((f) => (
            <li key={f.id} data-testid="case-file">
              <PaperClipOutlined className="muted" />{' '}
              <a href={caseFileUrl(c.id, f.id)} download={f.fileName}>{f.fileName}</a>{' '}
              <span className="muted">{fileSizeLabel(f.size)} · {f.unitName ?? '优化办'} · {f.createdAt.slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      )}
      {mayAttach(me, c) && (
        <div style={{ marginTop: 8 }}>
          <Upload accept={ATTACHMENT_ACCEPT} multiple showUploadList={false} beforeUpload={beforeUpload}>
            <Button icon={<UploadOutlined />} loading={busy} data-testid="case-file-upload">上传材料</Button>
          </Upload>
          <div className="muted" style={{ marginTop: 4 }}>{hint}；PDF、图片、Word、Excel、压缩包等，单个不超过 20 MB</div>
        </div>
      )}
    </Card>
  );
}
