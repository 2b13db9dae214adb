import { Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { LightCounts, PlanLights } from '../api/models.ts';
import { LIGHTS, LIGHT_COLORS, LIGHT_LABELS, periodLabel } from '../lib/supervision-labels.ts';
import { EChart } from './bar-chart.tsx';

/**
 * The recorded trend plus the current period computed now (the server records a period's lights
 * only when its job runs, so the current period is often missing from `trend`).
 */
export function trendWithCurrent(lights: PlanLights): (LightCounts & { period: string })[] {
  if (lights.trend.some((t) => t.period === lights.period)) return lights.trend;
  const now: LightCounts = { green: 0, yellow: 0, red: 0, done: 0 };
  for (const t of lights.tasks) now[t.light]++;
  return [...lights.trend, { period: lights.period, ...now }];
}

/** Stacked bars of red / yellow / green / done tasks per reporting period. */
export function LightTrend({ lights }: { lights: PlanLights }) {
  const option = useMemo<EChartsCoreOption>(() => {
    const trend = trendWithCurrent(lights).slice(-12);
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: LIGHTS.map((l) => LIGHT_LABELS[l]) },
      xAxis: { type: 'category', data: trend.map((t) => periodLabel(t.period)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: LIGHTS.map((l) => ({
        type: 'bar',
        name: LIGHT_LABELS[l],
        stack: 'lights',
        barMaxWidth: 48,
        itemStyle: { color: LIGHT_COLORS[l] },
        data: trend.map((t) => t[l]),
      })),
    };
  }, [lights]);
  if (lights.tasks.length === 0) return <Empty description="暂无数据" />;
  return <EChart option={option} height={280} testId="chart-light-trend" />;
}
