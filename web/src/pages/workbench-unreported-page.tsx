import { Alert, Breadcrumb, Button, Card, Empty, Skeleton, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { fetchPlans } from '../api/plans.ts';
import { fetchUnreported, type UnreportedList } from '../api/workbench-api.ts';
import { useMe } from '../auth/auth-context.ts';
import { BatchUrgeModal, type BatchTarget } from '../components/workbench/batch-urge-modal.tsx';
import '../components/workbench/workbench.css';
import { PlanPicker } from '../components/plan-picker.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { useQueryPatch } from '../hooks/use-query-patch.ts';
import { dateLabel } from '../lib/format.ts';

type Row = UnreportedList['units'][number];

const columns: ColumnsType<Row> = [
  { key: 'name', title: '单位', dataIndex: 'name', render: (name: string, r) => <span>{name}{r.lead && <Tag className="title-tag">牵头</Tag>}</span> },
  { key: 'count', title: '未报送任务', width: 110, render: (_, r) => `${r.taskIds.length} 项`, sorter: (a, b) => a.taskIds.length - b.taskIds.length },
  { key: 'seqs', title: '任务序号', render: (_, r) => <span className="muted">{r.seqs.join('、')}</span> },
];

/** /workbench/unreported — 本期未报送单位 of a plan: select units (or all) → 催报 or 督办单 in one action. */
export function WorkbenchUnreportedPage() {
  const me = useMe();
  const mobile = useIsMobile();
  const [params, update] = useQueryPatch();
  const plans = useApi((signal) => fetchPlans(signal), []);
  const planItems = plans.data?.items ?? [];
  const planId = Number(params.get('plan')) || planItems[0]?.id;
  const list = useApi(planId ? (signal) => fetchUnreported(planId, signal) : null, [planId]);
  const [selected, setSelected] = useState<number[]>([]);
  const [batch, setBatch] = useState<{ target: BatchTarget; kind: 'reminder' | 'order' } | null>(null);
  const office = me.permissions.reviewReports;
  const data = list.data && list.data.planId === planId ? list.data : undefined;
  const rows = data?.units ?? [];
  const open = (unitIds: number[], kind: 'reminder' | 'order') => planId && setBatch({ target: { planId, unitIds }, kind });
  const error = plans.error ?? list.error;

  return (
    <div className="page">
      <Breadcrumb className="page-breadcrumb" items={[{ title: <Link to="/">工作台</Link> }, { title: '本期未报送单位' }]} />
      <h1 className="page-title">本期未报送单位</h1>
      <div className="dashboard-plan">
        <span className="muted">方案：</span>
        <PlanPicker className="dashboard-plan-select" testId="unreported-plan" plans={planItems} value={planId} onChange={(id) => { setSelected([]); update({ plan: String(id) }); }} />
      </div>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {!data ? (
        list.loading || plans.loading ? <Skeleton active /> : null
      ) : !data.period ? (
        <Empty description="该方案当前没有应报送的报告期" />
      ) : (
        <Card size="small">
          <div className="unreported-head form-lead" data-testid="unreported-head">
            <span>报告期 <b>{data.period.label}</b></span>
            <span>截止 {dateLabel(data.dueOn)}</span>
            {data.late ? <Tag color="red">已过截止日</Tag> : <Tag color="blue">报送中</Tag>}
            <span className="muted" data-testid="unreported-count">共 {rows.length} 个单位未报送</span>
          </div>
          {office && rows.length > 0 && (
            <div className="unreported-toolbar">
              <Button type="primary" onClick={() => open(rows.map((r) => r.unitId), 'reminder')} data-testid="urge-all">一键催报（全部 {rows.length} 个单位）</Button>
              <Button disabled={!selected.length} onClick={() => open(selected, 'reminder')} data-testid="urge-selected">催报所选{selected.length ? ` ${selected.length} 个` : ''}</Button>
              <Button danger disabled={!selected.length} onClick={() => open(selected, 'order')} data-testid="order-selected">下发督办单{selected.length ? `（${selected.length} 个单位）` : ''}</Button>
            </div>
          )}
          <Table<Row>
            className="task-table"
            data-testid="unreported-table"
            rowKey="unitId"
            size="small"
            columns={mobile ? columns.slice(0, 2) : columns}
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            rowSelection={office ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) } : undefined}
            locale={{ emptyText: '本期各单位均已报送' }}
          />
        </Card>
      )}
      <BatchUrgeModal
        target={batch?.target ?? null}
        kind={batch?.kind ?? 'reminder'}
        onClose={() => setBatch(null)}
        onDone={() => { setSelected([]); list.reload(); }}
      />
    </div>
  );
}
