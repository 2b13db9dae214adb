import { Alert, Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { fetchPlans } from '../api/plans.ts';
import type { PlanSummary } from '../api/models.ts';
import { ImportPlanButton } from '../components/import/import-buttons.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { dateLabel } from '../lib/format.ts';

const columns: TableColumnsType<PlanSummary> = [
  {
    key: 'title',
    title: '方案名称',
    width: 340,
    render: (_, p) => (
      <span>
        <Link to={`/plans/${p.id}`}>{p.title}</Link>
        {p.layout === 'prose' && <Tag className="title-tag">分部分</Tag>}
      </span>
    ),
  },
  { key: 'docNumber', title: '文号', dataIndex: 'docNumber', width: 190 },
  { key: 'issuer', title: '发文单位', dataIndex: 'issuer', width: 230 },
  { key: 'region', title: '区域', width: 90, render: (_, p) => p.region.name },
  { key: 'year', title: '年度', dataIndex: 'year', width: 70 },
  { key: 'issuedOn', title: '印发日期', width: 130, render: (_, p) => dateLabel(p.issuedOn) },
  { key: 'taskCount', title: '任务数', dataIndex: 'taskCount', width: 80, align: 'right' },
];

/** /plans — every plan the user can see; a row opens the plan page. */
export function PlansPage() {
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { data, error, loading } = useApi((signal) => fetchPlans(signal), []);
  const plans = data?.items ?? [];
  return (
    <div className="page">
      <div className="page-title-row"><h1 className="page-title">方案</h1><ImportPlanButton /></div>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {mobile ? (
        <div className="plan-cards">
          {plans.map((p) => (
            <Card key={p.id} size="small" onClick={() => void navigate(`/plans/${p.id}`)}>
              <Link to={`/plans/${p.id}`} className="plan-card-title">
                {p.title}
              </Link>
              <div className="muted">{[p.docNumber, p.issuer].filter(Boolean).join(' · ')}</div>
              <div className="muted">
                {dateLabel(p.issuedOn)} · {p.taskCount} 项任务
              </div>
            </Card>
          ))}
        </div>
      ) : (
        <Card size="small">
          <Table<PlanSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={plans}
            loading={loading}
            pagination={false}
            scroll={{ x: 1130 }}
            onRow={(p) => ({ onClick: () => void navigate(`/plans/${p.id}`), className: 'clickable-row' })}
            locale={{ emptyText: '暂无方案' }}
          />
        </Card>
      )}
    </div>
  );
}
