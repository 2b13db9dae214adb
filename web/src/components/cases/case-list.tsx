import { Card, List, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseItem } from '../../api/cases-api.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { LightDot } from '../light-dot.tsx';
import { SOURCE_LABELS, STATE_LABELS } from './case-labels.ts';

const columns: ColumnsType<CaseItem> = [
  { title: '灯', dataIndex: 'light', width: 70, render: (_v, c) => <LightDot light={c.light} label={false} /> },
  { title: '问题', dataIndex: 'title', render: (_v, c) => <Link to={`/cases/${c.id}`}>{c.title}</Link> },
  { title: '来源', dataIndex: 'source', width: 120, render: (_v, c) => SOURCE_LABELS[c.source] },
  { title: '编号', dataIndex: 'refNo', width: 150, render: (_v, c) => c.refNo ?? '' },
  { title: '主办单位', dataIndex: 'leadUnitName', width: 150, render: (_v, c) => c.leadUnitName ?? '—' },
  { title: '时限', dataIndex: 'dueOn', width: 110, render: (_v, c) => c.dueOn ?? '—' },
  { title: '状态', dataIndex: 'state', width: 90, render: (_v, c) => <Tag>{STATE_LABELS[c.state]}</Tag> },
  { title: '说明', dataIndex: 'lightReason', width: 180, render: (_v, c) => <span className="muted">{c.lightReason}</span> },
];

/** The problems as a table on desktop and as cards on a phone. */
export function CaseList(props: { items: CaseItem[]; total: number; page: number; pageSize: number; loading: boolean; onPage: (page: number) => void }) {
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const pagination = { current: props.page, pageSize: props.pageSize, total: props.total, onChange: props.onPage, showSizeChanger: false, showTotal: (n: number) => `共 ${n} 件` };
  if (mobile) {
    return (
      <List
        data-testid="case-cards"
        loading={props.loading}
        dataSource={props.items}
        pagination={pagination}
        locale={{ emptyText: '没有问题' }}
        renderItem={(c) => (
          <Card size="small" className="case-card" data-testid="case-card" style={{ marginBottom: 8, cursor: 'pointer' }} onClick={() => void navigate(`/cases/${c.id}`)}>
            <Link to={`/cases/${c.id}`}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                <LightDot light={c.light} label={false} />
                <strong>{c.title}</strong>
              </div>
            </Link>
            <div className="muted">{SOURCE_LABELS[c.source]}{c.refNo ? ` · ${c.refNo}` : ''}</div>
            <div><Tag>{STATE_LABELS[c.state]}</Tag> 时限 {c.dueOn ?? '—'} <span className="muted">{c.lightReason}</span></div>
          </Card>
        )}
      />
    );
  }
  return <Table<CaseItem> rowKey="id" size="middle" data-testid="case-table" columns={columns} dataSource={props.items} loading={props.loading} pagination={pagination} />;
}
