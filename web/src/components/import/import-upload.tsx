import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { ImportView } from '../../api/imports.ts';
import { IMPORT_EXTENSIONS, IMPORT_MAX_MB, uploadImport } from '../../api/imports.ts';
import './import.css';

type Phase = { kind: 'idle' } | { kind: 'sending'; percent: number; name: string } | { kind: 'parsing'; name: string } | { kind: 'failed'; message: string };

/**
 * Drag-and-drop (or pick) one plan document; the bytes go up with a real progress bar, then the
 * server parses the file. A file the server cannot read is explained with the API's message.
 */
export function ImportUpload({ targetPlanId, onUploaded }: { targetPlanId?: number; onUploaded: (view: ImportView) => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const busy = phase.kind === 'sending' || phase.kind === 'parsing';

  const start = (file: File) => {
    if (file.size > IMPORT_MAX_MB * 1024 * 1024) {
      setPhase({ kind: 'failed', message: `文件“${file.name}”超过 ${IMPORT_MAX_MB} MB 上限，无法导入。` });
      return;
    }
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    setPhase({ kind: 'sending', percent: 0, name: file.name });
    uploadImport(file, {
      targetPlanId,
      signal: ctrl.signal,
      onProgress: (percent) => setPhase(percent >= 100 ? { kind: 'parsing', name: file.name } : { kind: 'sending', percent, name: file.name }),
    }).then(
      (view) => {
        if (ctrl.signal.aborted) return;
        setPhase({ kind: 'idle' });
        onUploaded(view);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setPhase({ kind: 'failed', message: errorMessage(e) });
      },
    );
  };

  const props: UploadProps = {
    name: 'file',
    multiple: false,
    accept: IMPORT_EXTENSIONS.join(','),
    showUploadList: false,
    disabled: busy,
    beforeUpload: (file) => {
      start(file);
      return false;
    },
  };

  return (
    <div className="import-upload" data-testid="import-upload">
      <Upload.Dragger {...props}>
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{targetPlanId ? '将修订后的方案文件拖到此处，或点击选择' : '将方案文件拖到此处，或点击选择'}</p>
        <p className="ant-upload-hint">支持 PDF、Word（.docx/.doc）、WPS 文字（.wps）、Excel（.xlsx/.xls）、WPS 表格（.et）、TXT、Markdown，单个文件不超过 {IMPORT_MAX_MB} MB</p>
      </Upload.Dragger>
      {phase.kind === 'sending' && (
        <div className="import-progress" data-testid="import-progress">
          <div className="muted">正在上传“{phase.name}”…</div>
          <Progress percent={phase.percent} status="active" />
        </div>
      )}
      {phase.kind === 'parsing' && (
        <div className="import-progress" data-testid="import-progress">
          <div className="muted">已上传“{phase.name}”，正在识别方案内容…</div>
          <Progress percent={100} status="active" showInfo={false} />
        </div>
      )}
      {phase.kind === 'failed' && (
        <Alert className="import-error" data-testid="import-error" type="error" showIcon title="无法导入该文件" description={phase.message} />
      )}
    </div>
  );
}
