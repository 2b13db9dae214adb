import { PaperClipOutlined } from '@ant-design/icons';
import { attachmentUrl } from '../api/reports.ts';
import type { Attachment } from '../api/models.ts';
import { fileSizeLabel } from '../lib/supervision-labels.ts';

/** Download links of a report's evidence files. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return <span className="muted">无</span>;
  return (
    <ul className="attachment-list">
      {attachments.map((a) => (
        <li key={a.id}>
          <PaperClipOutlined className="muted" />{' '}
          <a href={attachmentUrl(a.id)} download={a.fileName}>
            {a.fileName}
          </a>{' '}
          <span className="muted">{fileSizeLabel(a.size)}</span>
        </li>
      ))}
    </ul>
  );
}
