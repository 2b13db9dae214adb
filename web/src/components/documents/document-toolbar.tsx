import { DeleteOutlined, ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { DocumentDetail } from '../../api/documents.ts';
import { InstructionButton } from '../instruction-modal.tsx';
import { DownloadButtons } from './download-buttons.tsx';

export type DraftAction = 'save' | 'regenerate' | 'issue' | 'delete';

/** The draft's commands: 保存, 重新生成, 印发, downloads, 删除; only downloads once issued or for leaders. */
export function DocumentToolbar({
  doc,
  dirty,
  busy,
  onAction,
}: {
  doc: DocumentDetail;
  dirty: boolean;
  busy: DraftAction | null;
  onAction: (a: DraftAction) => void;
}) {
  const edit = doc.permissions.edit;
  return (
    <div className="doc-toolbar" data-testid="doc-toolbar">
      {edit && (
        <Space size={8} wrap>
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={busy === 'save'} onClick={() => onAction('save')} data-testid="doc-save">
            保存
          </Button>
          <Button icon={<ReloadOutlined />} loading={busy === 'regenerate'} onClick={() => onAction('regenerate')} data-testid="doc-regenerate">
            重新生成
          </Button>
          {doc.permissions.issue && (
            <Button icon={<SendOutlined />} className="doc-issue-button" loading={busy === 'issue'} onClick={() => onAction('issue')} data-testid="doc-issue">
              印发
            </Button>
          )}
        </Space>
      )}
      <Space size={8} wrap>
        <DownloadButtons doc={doc} labels="long" />
        <InstructionButton targetKind="document" targetId={doc.id} requireUnits />
        {edit && (
          <Popconfirm title="删除这份草稿？" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => onAction('delete')}>
            <Button danger type="text" icon={<DeleteOutlined />} loading={busy === 'delete'} data-testid="doc-delete">
              删除草稿
            </Button>
          </Popconfirm>
        )}
      </Space>
    </div>
  );
}
