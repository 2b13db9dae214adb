import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client.ts';
import type { DocumentSummary } from '../../api/documents.ts';
import { deleteDocument } from '../../api/documents.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { dateTimeLabel } from '../../lib/format.ts';
import { DownloadButtons } from './download-buttons.tsx';

function DeleteDraft({ doc, onDeleted }: { doc: DocumentSummary; onDeleted: () => void }) {
  const { message } = App.useApp();
  return (
    <Popconfirm
      title="删除这份草稿？"
      okText="删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={() => void (async () => {
        try {
          await deleteDocument(doc.id);
          void message.success('草稿已删除');
          onDeleted();
        } catch (e) {
          void message.error(errorMessage(e));
        }
      })()}
    >
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除草稿" data-testid="doc-delete" />
    </Popconfirm>
  );
}

const titleLink = (d: DocumentSummary) => (
  <Link to={`/documents/${d.id}`} className="doc-title-link">
    {d.title}
  </Link>
);

/** On a phone each document is a card: title, kind and period, number or update time, actions. */
function DocumentCards({ items, onChanged }: { items: DocumentSummary[]; onChanged: () => void }) {
  return (
    <div className="doc-cards">
      {items.map((d) => (
        <div key={d.id} className="doc-card" data-testid="doc-row" data-doc-id={d.id}>
          <div className="doc-card-title">{titleLink(d)}</div>
          <div className="doc-card-meta">
            <Tag color={d.status === 'issued' ? 'red' : 'default'}>{d.kindLabel}</Tag>
            <span className="muted">{d.periodLabel}</span>
            {d.number && <span className="doc-number">{d.number}</span>}
          </div>
          <div className="doc-card-actions">
            <span className="muted">{d.status === 'issued' ? `印发于 ${dateTimeLabel(d.issuedAt)}` : `更新于 ${dateTimeLabel(d.updatedAt)}`}</span>
            <Space size={4}>
              {d.status === 'issued' ? (
                <DownloadButtons doc={d} size="small" />
              ) : (
                d.permissions.edit && (
                  <>
                    <Link to={`/documents/${d.id}`}>
                      <Button size="small" icon={<EditOutlined />} data-testid="doc-edit">
                        编辑
                      </Button>
                    </Link>
                    <DeleteDraft doc={d} onDeleted={onChanged} />
                  </>
                )
              )}
            </Space>
          </div>
        </div>
      ))}
    </div>
  );
}

/** The plan's documents: issued ones (number, downloads) and drafts (edit, delete for offices). */
export function DocumentList({ items, loading, onChanged }: { items: DocumentSummary[]; loading: boolean; onChanged: () => void }) {
  const mobile = useIsMobile();
  const issued = items.filter((d) => d.status === 'issued');
  const drafts = items.filter((d) => d.status === 'draft');

  const issuedColumns: TableColumnsType<DocumentSummary> = [
    { key: 'number', title: '文号', width: 190, render: (_, d) => <span className="doc-number">{d.number ?? '—'}</span> },
    { key: 'kind', title: '类型', width: 96, render: (_, d) => <Tag color="red">{d.kindLabel}</Tag> },
    { key: 'period', title: '期间', width: 130, render: (_, d) => d.periodLabel },
    { key: 'title', title: '标题', render: (_, d) => titleLink(d) },
    { key: 'issuedAt', title: '印发时间', width: 150, render: (_, d) => dateTimeLabel(d.issuedAt) },
    { key: 'files', title: '下载', width: 170, render: (_, d) => <DownloadButtons doc={d} size="small" /> },
  ];
  const draftColumns: TableColumnsType<DocumentSummary> = [
    { key: 'kind', title: '类型', width: 96, render: (_, d) => <Tag>{d.kindLabel}</Tag> },
    { key: 'period', title: '期间', width: 130, render: (_, d) => d.periodLabel },
    { key: 'title', title: '标题', render: (_, d) => titleLink(d) },
    { key: 'updatedAt', title: '更新时间', width: 150, render: (_, d) => dateTimeLabel(d.updatedAt) },
    {
      key: 'actions',
      title: '操作',
      width: 130,
      render: (_, d) =>
        d.permissions.edit ? (
          <Space size={4}>
            <Link to={`/documents/${d.id}`}>
              <Button size="small" icon={<EditOutlined />} data-testid="doc-edit">
                编辑
              </Button>
            </Link>
            <DeleteDraft doc={d} onDeleted={onChanged} />
          </Space>
        ) : (
          <Link to={`/documents/${d.id}`}>查看</Link>
        ),
    },
  ];

  const section = (title: string, testId: string, rows: DocumentSummary[], columns: TableColumnsType<DocumentSummary>, empty: string) => (
    <Card size="small" title={`${title}（${rows.length}）`} data-testid={testId}>
      {mobile ? (
        rows.length ? (
          <DocumentCards items={rows} onChanged={onChanged} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        )
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
          onRow={(d) => ({ 'data-testid': 'doc-row', 'data-doc-id': d.id }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </Card>
  );

  return (
    <>
      {section('已印发', 'doc-issued', issued, issuedColumns, '尚未印发公文')}
      {section('草稿', 'doc-drafts', drafts, draftColumns, '没有草稿')}
    </>
  );
}
