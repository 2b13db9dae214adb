import { Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { escapeHtml } from '../../../../src/domain/escape-html.ts';
import type { Cockpit } from '../../api/cockpit-api.ts';
import { LIGHT_COLORS, LIGHT_LABELS, periodLabel } from '../../lib/supervision-labels.ts';
import { EChart } from '../bar-chart.tsx';
import type { Drill } from './figure-link.tsx';

const STACK = ['done', 'green', 'yellow', 'red'] as const;

type Row = { name: string } & Record<(typeof STACK)[number], number>;

/** Tooltip of a stacked bar: the row's name and its counts, every text escaped. */
function tooltip(rows: Row[]) {
  return (params: unknown) => {
    const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
    const row = rows[first?.dataIndex ?? -1];
    if (!row) return '';
    return [escapeHtml(row.name), ...STACK.map((l) => `${LIGHT_LABELS[l]}：${row[l]}`)].join('<br/>');
  };
}

function stacked(rows: Row[], horizontal: boolean): EChartsCoreOption {
  const category = { type: 'category', data: rows.map((r) => r.name), inverse: horizontal, axisLabel: { width: 110, overflow: 'truncate' } };
  const value = { type: 'value', minInterval: 1 };
  return {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip(rows) },
    legend: { top: 0, data: STACK.map((l) => LIGHT_LABELS[l]) },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: STACK.map((l) => ({ type: 'bar', name: LIGHT_LABELS[l], stack: 'all', barMaxWidth: 22, itemStyle: { color: LIGHT_COLORS[l] }, data: rows.map((r) => r[l]) })),
  };
}

/** Completion and lights per indicator: a bar opens the indicator's tasks. */
export function IndicatorChart({ cockpit, onDrill }: { cockpit: Cockpit; onDrill: (d: Drill) => void }) {
  const rows = cockpit.byIndicator;
  const option = useMemo(() => stacked(rows, true), [rows]);
  if (!rows.length) return <Empty description="暂无指标" />;
  return (
    <EChart
      option={option}
      height={Math.max(240, rows.length * 26 + 60)}
      testId="cockpit-indicator-chart"
      onBarClick={(i) => {
        const row = rows[i];
        if (row) onDrill({ dim: 'indicator', key: String(row.indicatorId), measure: 'total' });
      }}
    />
  );
}

/** Lights over reporting periods: a bar opens that period's tasks. */
export function TrendChart({ cockpit, onDrill }: { cockpit: Cockpit; onDrill: (d: Drill) => void }) {
  const rows = useMemo(() => cockpit.trend.slice(-12).map((t) => ({ ...t, name: periodLabel(t.period) })), [cockpit.trend]);
  const option = useMemo(() => stacked(rows, false), [rows]);
  return (
    <EChart
      option={option}
      height={280}
      testId="cockpit-trend-chart"
      onBarClick={(i) => {
        const row = rows[i];
        if (row) onDrill({ dim: 'period', key: row.period, measure: 'total' });
      }}
    />
  );
}
