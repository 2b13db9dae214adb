import { Alert, Button, Input, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../auth/auth-context.ts';
import { errorMessage } from '../api/client.ts';
import { exportUrl, fetchCases, type CaseListQuery } from '../api/cases-api.ts';
import { fetchPlans } from '../api/plans.ts';
import { CaseCreateModal } from '../components/cases/case-create-modal.tsx';
import { CASE_SOURCES, CASE_STATES, SOURCE_LABELS, STATE_LABELS } from '../components/cases/case-labels.ts';
import { CaseList } from '../components/cases/case-list.tsx';
import { PlanPicker } from '../components/plan-picker.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useQueryPatch } from '../hooks/use-query-patch.ts';
import { useUnits } from '../hooks/use-units.ts';

const PAGE_SIZE = 20;

/** /cases — 问题库 (office, leader) and the unit's 待办问题 (/my-cases): filters, list, 登记, 导出. */
export function CasePoolPage({ mine = false }: { mine?: boolean }) {
  const me = useMe();
  const navigate = useNavigate();
  const [params, update] = useQueryPatch();
  const [creating, setCreating] = useState(false);
  const units = useUnits();
  const plans = useApi(me.permissions.fileReports ? null : (signal) => fetchPlans(signal), [me.permissions.fileReports]);
  const planItems = plans.data?.items ?? [];
  const planId = Number(params.get('plan')) || undefined;
  const page = Number(params.get('page')) || 1;
  const query: Partial<CaseListQuery> = {
    planId, source: (params.get('source') as CaseListQuery['source']) ?? undefined, state: params.get('state') ?? undefined,
    unitId: Number(params.get('unit')) || undefined, overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    todo: mine && params.get('all') !== 'true' ? 'true' : undefined, q: params.get('q') ?? undefined, page, pageSize: PAGE_SIZE,
  };
  const list = useApi((signal) => fetchCases(query, signal), [JSON.stringify(query)]);
  const set = (patch: Record<string, string | undefined>) => update({ ...patch, page: undefined });

  return (
    <div className="page">
      <h1 className="page-title">{mine ? '待办问题' : '问题库'}</h1>
      <Space wrap style={{ marginBottom: 12 }} className="case-filters">
        {!mine && planItems.length > 0 && <PlanPicker plans={planItems} value={planId} onChange={(id) => set({ plan: String(id) })} testId="case-plan" />}
        <Select allowClear placeholder="来源" style={{ width: 150 }} value={query.source} onChange={(v?: string) => set({ source: v })} options={CASE_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} data-testid="case-source-filter" />
        <Select allowClear placeholder="状态" style={{ width: 120 }} value={query.state} onChange={(v?: string) => set({ state: v })} options={CASE_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} />
        {!mine && <Select allowClear showSearch optionFilterProp="label" placeholder="单位" style={{ width: 180 }} value={query.unitId} onChange={(v?: number) => set({ unit: v ? String(v) : undefined })} options={units.map((u) => ({ value: u.id, label: u.name }))} />}
        <span><Switch size="small" checked={query.overdue === 'true'} onChange={(on) => set({ overdue: on ? 'true' : undefined })} data-testid="case-overdue" /> 仅看超期</span>
        {mine && <span><Switch size="small" checked={params.get('all') === 'true'} onChange={(on) => set({ all: on ? 'true' : undefined })} /> 含已办</span>}
        <Input.Search allowClear placeholder="标题、内容、编号、企业" style={{ width: 220 }} defaultValue={query.q} onSearch={(q) => set({ q: q || undefined })} />
        {me.permissions.manageCases && <Button type="primary" onClick={() => setCreating(true)} data-testid="case-create">登记问题</Button>}
        {me.permissions.manageCases && <Button onClick={() => void navigate('/cases/import')}>导入清单</Button>}
        {!mine && <Button href={exportUrl(query)}>导出整改清单</Button>}
        {!mine && <Button onClick={() => void navigate('/cases/stats')}>统计</Button>}
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      <CaseList items={list.data?.items ?? []} total={list.data?.total ?? 0} page={page} pageSize={PAGE_SIZE} loading={list.loading} onPage={(p) => update({ page: String(p) })} />
      <CaseCreateModal open={creating} planId={planId ?? planItems[0]?.id} onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/cases/${id}`)} />
    </div>
  );
}
