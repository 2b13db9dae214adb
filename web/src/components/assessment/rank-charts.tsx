import { Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { IndicatorResult } from '../../api/assessment.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { EChart } from '../bar-chart.tsx';
import { escapeHtml } from '../../../../src/domain/escape-html.ts';

const MET = '#389e0d';
const MISSED = '#cf1322';
const TARGET = '#8c8c8c';

/** Radar of the entered ranks, inverted (rank 1 at the rim) so better is outward; the targets dashed. */
export function RankRadar({ indicators }: { indicators: IndicatorResult[] }) {
  const mobile = useIsMobile();
  const ranked = indicators.filter((i) => i.rank !== null);
  const option = useMemo<EChartsCoreOption>(() => {
    const total = ranked[0]?.total ?? 14;
    const outward = (rank: number | null) => (rank === null ? 0 : total + 1 - rank);
    return {
      tooltip: {
        trigger: 'item',
        formatter: () =>
          // ECharts puts a formatter's string into the page as HTML: names come from imported plans.
          ranked.map((i) => `${escapeHtml(i.name)}：第${i.rank}名${i.targetRank ? `（目标前${i.targetRank}名）` : ''}`).join('<br/>'),
      },
      legend: { bottom: 0, data: ['全省排名', '年度目标'] },
      radar: {
        radius: mobile ? '46%' : '58%',
        center: ['50%', '46%'],
        indicator: ranked.map((i) => ({ name: i.name, max: total, min: 0 })),
        axisName: { color: '#595959', fontSize: 11, width: 64, overflow: 'break' },
        splitNumber: 4,
      },
      series: [
        {
          type: 'radar',
          data: [
            { name: '年度目标', value: ranked.map((i) => outward(i.targetRank)), lineStyle: { type: 'dashed', color: TARGET }, itemStyle: { color: TARGET }, symbol: 'none' },
            { name: '全省排名', value: ranked.map((i) => outward(i.rank)), areaStyle: { opacity: 0.2 }, itemStyle: { color: '#1f5fbf' } },
          ],
        },
      ],
    };
  }, [ranked, mobile]);
  if (ranked.length < 3) return <Empty description="录入至少 3 项指标排名后显示雷达图" />;
  return <EChart option={option} height={320} testId="chart-rank-radar" />;
}

/** Bars of the rank per indicator (green met, red missed) beside the 年度目标 前N名. */
export function RankBars({ indicators }: { indicators: IndicatorResult[] }) {
  const ranked = indicators.filter((i) => i.rank !== null);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 12, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: ['全省排名（红色未达标）', '年度目标（前N名）'] },
      xAxis: { type: 'category', data: ranked.map((i) => i.name), axisLabel: { interval: 0, rotate: ranked.length > 6 ? 40 : 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1, max: ranked[0]?.total },
      series: [
        {
          type: 'bar',
          name: '全省排名（红色未达标）',
          barMaxWidth: 28,
          itemStyle: { color: MET },
          data: ranked.map((i) => ({ value: i.rank, itemStyle: { color: i.targetMet === false ? MISSED : MET } })),
          label: { show: true, position: 'top', fontSize: 11 },
        },
        { type: 'bar', name: '年度目标（前N名）', barMaxWidth: 28, itemStyle: { color: '#d9d9d9' }, data: ranked.map((i) => i.targetRank) },
      ],
    }),
    [ranked],
  );
  if (ranked.length === 0) return <Empty description="尚未录入指标排名" />;
  return <EChart option={option} height={320} testId="chart-rank-bars" />;
}
