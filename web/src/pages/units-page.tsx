import { Alert, Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import type { Unit } from '../api/models.ts';
import { fetchUnits } from '../api/units.ts';
import { SearchInput } from '../components/search-input.tsx';
import { useApi } from '../hooks/use-api.ts';
import { UNIT_KIND_LABELS } from '../lib/labels.ts';

const columns: TableColumnsType<Unit> = [
  { key: 'name', title: '单位名称', width: 220, render: (_, u) => u.name },
  {
    key: 'aliases',
    title: '别名',
    width: 260,
    render: (_, u) => (
      <div className="unit-tags">
        {u.aliases.map((a) => (
          <Tag key={a}>{a}</Tag>
        ))}
      </div>
    ),
  },
  { key: 'kind', title: '类型', width: 90, render: (_, u) => UNIT_KIND_LABELS[u.kind] },
  { key: 'region', title: '区域', width: 100, render: (_, u) => u.region.name },
  {
    key: 'lead',
    title: '牵头任务',
    width: 90,
    align: 'right',
    render: (_, u) => (u.leadTaskCount ? <Link to={`/tasks?unit=${u.id}&role=lead`}>{u.leadTaskCount}</Link> : 0),
  },
  {
    key: 'responsible',
    title: '责任任务',
    width: 90,
    align: 'right',
    render: (_, u) => (u.responsibleTaskCount ? <Link to={`/tasks?unit=${u.id}&role=responsible`}>{u.responsibleTaskCount}</Link> : 0),
  },
];

/** /units — the unit directory with search (kept in the URL). */
export function UnitsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const { data, error, loading } = useApi((signal) => fetchUnits({ q }, signal), [q]);
  return (
    <div className="page">
      <h1 className="page-title">单位</h1>
      <Card size="small">
        <div className="task-filters">
          <SearchInput
            className="filter-search"
            value={q}
            placeholder="搜索单位名称或别名"
            onCommit={(value) => setParams(value ? { q: value } : {}, { replace: true })}
          />
          {data && <span className="muted">共 {data.items.length} 个单位</span>}
        </div>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
        <Table<Unit>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 850 }}
          pagination={{ defaultPageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: '没有符合条件的单位' }}
        />
      </Card>
    </div>
  );
}
