import { Alert, Card, Segmented, Skeleton, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { fetchCaseStats, type CaseRateGroup } from '../api/cases-api.ts';
import { fetchPlans } from '../api/plans.ts';
import { EChart } from '../components/bar-chart.tsx';
import { rateText } from '../components/cases/case-labels.ts';
import { PlanPicker } from '../components/plan-picker.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useQueryPatch } from '../hooks/use-query-patch.ts';
import { escapeHtml } from '../../../src/domain/escape-html.ts';

type By = 'bySource' | 'byUnit' | 'byCounty' | 'byIndicator';
const BY_LABELS: Record<By, string> = { bySource: '按来源', byUnit: '按主办单位', byCounty: '按县市区', byIndicator: '按指标' };

const columns: ColumnsType<CaseRateGroup> = [
  { title: '名称', dataIndex: 'name' },
  { title: '问题数', dataIndex: 'total', width: 80, align: 'right' },
  { title: '已办结', dataIndex: 'finished', width: 80, align: 'right' },
  { title: '超期', dataIndex: 'overdue', width: 70, align: 'right' },
  { title: '按期办结率', dataIndex: 'onTimeRate', width: 100, align: 'right', render: (v: number | null) => rateText(v) },
  { title: '满意率', dataIndex: 'satisfactionRate', width: 90, align: 'right', render: (v: number | null) => rateText(v) },
  { title: '重复诉求', dataIndex: 'repeated', width: 90, align: 'right' },
  { title: '退回率', dataIndex: 'returnRate', width: 90, align: 'right', render: (v: number | null) => rateText(v) },
];

/** /cases/stats — 问题统计: rates by source, unit, county and indicator, a chart and the county table. */
export function CaseStatsPage() {
  const [params, update] = useQueryPatch();
  const plans = useApi((signal) => fetchPlans(signal), []);
  const planId = Number(params.get('plan')) || undefined;
  const stats = useApi((signal) => fetchCaseStats(planId, signal), [planId]);
  const [by, setBy] = useState<By>('bySource');
  const groups = useMemo(() => stats.data?.[by] ?? [], [stats.data, by]);
  const option = useMemo(() => ({
    tooltip: {
      trigger: 'axis',
      // Names come from data: escape them (the tooltip is HTML).
      formatter: (items: { name: string; seriesName: string; value: number }[]) => [escapeHtml(items[0]?.name ?? ''), ...items.map((i) => `${escapeHtml(i.seriesName)}：${i.value}`)].join('<br/>'),
    },
    legend: { top: 0, data: ['已办结', '办理中', '超期'] },
    grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '已办结', type: 'bar', stack: 'n', barMaxWidth: 48, data: groups.map((g) => g.finished), itemStyle: { color: '#52c41a' } },
      { name: '办理中', type: 'bar', stack: 'n', barMaxWidth: 48, data: groups.map((g) => g.total - g.finished - g.overdue), itemStyle: { color: '#1677ff' } },
      { name: '超期', type: 'bar', stack: 'n', barMaxWidth: 48, data: groups.map((g) => g.overdue), itemStyle: { color: '#f5222d' } },
    ],
  }), [groups]);
  const all = stats.data?.all;
  return (
    <div className="page">
      <h1 className="page-title">问题统计</h1>
      <div style={{ marginBottom: 12 }}>
        <span className="muted">方案：</span>
        <PlanPicker plans={plans.data?.items ?? []} value={planId} onChange={(id) => update({ plan: String(id) })} testId="case-stats-plan" />
      </div>
      {stats.error ? <Alert type="error" showIcon title={errorMessage(stats.error)} /> : null}
      {!all ? <Skeleton active /> : (
        <>
          <div className="light-counts" data-testid="case-rates">
            <Card size="small">问题 {all.total} 件，已办结 {all.finished} 件，超期 {all.overdue} 件</Card>
            <Card size="small">按期办结率 {rateText(all.onTimeRate)}</Card>
            <Card size="small">满意率 {rateText(all.satisfactionRate)}</Card>
            <Card size="small">重复诉求 {all.repeated} 件</Card>
            <Card size="small">退回率 {rateText(all.returnRate)}</Card>
          </div>
          <Segmented value={by} onChange={(v) => setBy(v as By)} options={Object.entries(BY_LABELS).map(([value, label]) => ({ value, label }))} style={{ margin: '12px 0' }} data-testid="case-stats-by" />
          <Card size="small" style={{ marginBottom: 12 }}><EChart option={option} height={320} testId="case-chart" /></Card>
          <Table<CaseRateGroup> rowKey="key" size="small" columns={columns} dataSource={groups} pagination={false} scroll={{ x: 720 }} data-testid="case-rate-table" />
        </>
      )}
    </div>
  );
}
