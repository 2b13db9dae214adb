import { Alert, Card, Empty, Select } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { fetchPlans } from '../api/plans.ts';
import { fetchStats } from '../api/stats.ts';
import type { Stats } from '../api/models.ts';
import { EChart } from '../components/bar-chart.tsx';
import { StatCards } from '../components/stat-cards.tsx';
import { useMe } from '../auth/auth-context.ts';
import { useApi } from '../hooks/use-api.ts';
import { monthLabel } from '../lib/format.ts';
import { serverNow } from '../lib/server-clock.ts';

const BAR_COLOR = '#1f5fbf';

function indicatorOption(stats: Stats): EChartsCoreOption {
  // Horizontal bars: indicator names are long Chinese labels that would collide on an x axis.
  const rows = [...stats.byIndicator].reverse();
  return {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', name: '任务数', data: rows.map((r) => r.count), itemStyle: { color: BAR_COLOR }, label: { show: true, position: 'right' } }],
  };
}

function deadlineOption(stats: Stats, thisMonth: string): EChartsCoreOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: stats.byDeadline.map((r) => monthLabel(r.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '任务数',
        label: { show: true, position: 'top' },
        data: stats.byDeadline.map((r) => ({
          value: r.count,
          itemStyle: { color: r.month < thisMonth ? '#bfbfbf' : r.month === thisMonth ? '#fa8c16' : BAR_COLOR },
        })),
      },
    ],
  };
}

/** The plan overview — counts, tasks per indicator and per deadline month; below the 待办 when embedded in the 工作台. */
export function DashboardPage({ embedded = false }: { embedded?: boolean }) {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const thisMonth = serverNow().format('YYYY-MM');
  const plans = useApi((signal) => fetchPlans(signal), []);
  const overall = useApi((signal) => fetchStats(undefined, signal), []);
  const planItems = plans.data?.items ?? [];
  const chosen = Number(params.get('plan')) || planItems[0]?.id;
  const planStats = useApi(chosen ? (signal) => fetchStats(chosen, signal) : null, [chosen]);
  const stats = planStats.data;
  const byIndicator = useMemo(() => (stats ? indicatorOption(stats) : null), [stats]);
  const byDeadline = useMemo(() => (stats ? deadlineOption(stats, thisMonth) : null), [stats, thisMonth]);
  const error = plans.error ?? overall.error ?? planStats.error;

  return (
    <div className="page">
      {embedded ? (
        <h2 className="page-title">方案概况</h2>
      ) : (
        <>
          <h1 className="page-title">工作台</h1>
          <div className="muted page-lead">
            {me.displayName}，您好。{me.unit ? `${me.unit.name} · ` : ''}
            {me.region.name}
          </div>
        </>
      )}
      {error ? <Alert type="error" showIcon title={errorMessage(error)} className="form-alert" /> : null}
      <StatCards stats={overall.data} thisMonth={thisMonth} lastMonth={serverNow().subtract(1, 'month').format('YYYY-MM')} />
      <div className="dashboard-plan">
        <span className="muted">方案：</span>
        <Select
          className="dashboard-plan-select"
          value={chosen}
          placeholder="选择方案"
          options={planItems.map((p) => ({ value: p.id, label: p.title }))}
          onChange={(id: number) => setParams({ plan: String(id) }, { replace: true })}
          popupMatchSelectWidth={false}
        />
      </div>
      <div className="dashboard-charts">
        <Card size="small" title="各指标任务数" className="dashboard-chart">
          {byIndicator && stats && stats.byIndicator.length > 0 ? (
            <EChart
              option={byIndicator}
              height={Math.max(240, stats.byIndicator.length * 26 + 24)}
              testId="chart-indicators"
              onBarClick={(index) => {
                const row = stats.byIndicator[stats.byIndicator.length - 1 - index];
                if (row && chosen) void navigate(`/plans/${chosen}?indicator=${row.indicatorId}`);
              }}
            />
          ) : (
            <Empty description="暂无数据" />
          )}
        </Card>
        <Card size="small" title="按完成时限（月）" className="dashboard-chart">
          {byDeadline && stats && stats.byDeadline.length > 0 ? (
            <EChart option={byDeadline} height={300} testId="chart-deadlines" />
          ) : (
            <Empty description="暂无数据" />
          )}
        </Card>
      </div>
    </div>
  );
}
