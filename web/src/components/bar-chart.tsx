import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { echarts } from '../lib/echarts.ts';

/** A resizable ECharts canvas for one option object. */
export function EChart(props: { option: EChartsCoreOption; height: number; testId?: string; onBarClick?: (dataIndex: number) => void }) {
  const { option, height, testId, onBarClick } = props;
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onBarClick);
  clickRef.current = onBarClick;

  useEffect(() => {
    if (!el.current) return undefined;
    const instance = echarts.init(el.current);
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') clickRef.current?.(params.dataIndex);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={el} style={{ height, width: '100%' }} data-testid={testId} />;
}
