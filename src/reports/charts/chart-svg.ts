/**
 * Charts as SVG with ECharts' server-side renderer: a horizontal bar chart of rates by indicator
 * and a line chart of rates over periods. The drawing is sized in CSS pixels at the size it is
 * printed (1 px = 0.75 pt at 96 dpi), so a 15 px label prints at 11.25 pt, above the 10.5 pt
 * (5号) that stays legible on paper.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from '../report-document.ts';

/** Printed chart width: 150 mm of the 156 mm type area, in CSS px at 96 dpi (150 / 25.4 × 96). */
export const CHART_WIDTH_PX = 567;
/** Label size in px; 15 px × 0.75 = 11.25 pt in print. */
export const CHART_FONT_PX = 15;
/** Fonts named in the SVG: the Noto face the PNG renderer loads, then what browsers have. */
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

const COLORS = ['#1F4E79', '#C00000', '#7F6000', '#375623'];

// Without a canvas ECharts guesses text widths; long indicator names then overlap the bars.
// CJK and full-width characters are one em wide in every CJK face, Latin about 0.55 em.
let loaded: typeof Echarts | null = null;
/**
 * ECharts (about 40 MB resident), loaded on the first chart drawn: the server's request thread
 * imports this module for the HTML preview but draws charts only when a document has them.
 * Synchronous (its CommonJS build, the same code as its ES one), so renderChartSvg stays synchronous.
 */
function echartsPlatform(): typeof Echarts {
  if (loaded) return loaded;
  const echarts = createRequire(import.meta.url)('echarts') as typeof Echarts;
  echarts.setPlatformAPI({
    measureText(text: string, font?: string) {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
      let em = 0;
      for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
      return { width: em * size };
    },
  });
  loaded = echarts;
  return echarts;
}

/** Height of a chart in px: bar charts grow with the number of categories. */
export function chartHeightPx(spec: ChartSpec): number {
  if (spec.type === 'line') return 320;
  return 70 + spec.categories.length * (8 + 9 * spec.series.length);
}

// Value labels at 14 px (10.5 pt printed); a missing value (nothing due yet) gets no label. In a
// bar chart a zero has no bar, and the two series' “0%” labels overprinted each other at the axis,
// so zeros go unlabelled there (the axis reads 0).
function label(unit: string, skipZero = false) {
  return {
    show: true, fontSize: CHART_FONT_PX - 1,
    formatter: (p: { value?: unknown }) => (typeof p.value === 'number' && !(skipZero && p.value === 0) ? `${p.value}${unit}` : ''),
  };
}

function barOption(spec: ChartSpec): EChartsOption {
  return {
    grid: { left: 8, right: 56, top: 44, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: spec.unit === '%' ? 100 : undefined, axisLabel: { fontSize: CHART_FONT_PX, formatter: `{value}${spec.unit}` } },
    yAxis: { type: 'category', inverse: true, data: spec.categories, axisLabel: { fontSize: CHART_FONT_PX, interval: 0 } },
    series: spec.series.map((s, i) => ({ type: 'bar', name: s.name, data: s.values.map((v) => v ?? '-'), barMaxWidth: 9, barGap: '15%', itemStyle: { color: COLORS[i % COLORS.length] }, label: { ...label(spec.unit, true), position: 'right' } })),
  };
}

/** Below this share of the axis a point's label under it would reach the month names. */
const NEAR_AXIS = 0.15;

type LabelPosition = 'top' | 'bottom' | 'right';

/**
 * Where each point's label goes: the highest series at a month above its point, the others under
 * theirs, so two close lines do not print on each other. A label under a point near the axis
 * would overprint the month names (seen: “0%” on “1月”), so it goes beside the point instead, and
 * a value another series already labels at the same point is not printed twice (null: no label).
 */
export function lineLabelPositions(spec: ChartSpec): (LabelPosition | null)[][] {
  const values = spec.series.map((s) => s.values);
  const top = Math.max(spec.unit === '%' ? 100 : 0, ...values.flat().filter((v): v is number => typeof v === 'number'));
  return values.map((row, i) => row.map((v, k) => {
    if (typeof v !== 'number') return null;
    const others = values.map((r) => r[k]).filter((o, j): o is number => j !== i && typeof o === 'number');
    if (values.slice(0, i).some((r) => r[k] === v)) return null;
    if (others.every((o) => o <= v)) return 'top';
    return top > 0 && v / top < NEAR_AXIS ? 'right' : 'bottom';
  }));
}

function lineOption(spec: ChartSpec): EChartsOption {
  const positions = lineLabelPositions(spec);
  return {
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: spec.categories, boundaryGap: false, axisLabel: { fontSize: CHART_FONT_PX, interval: 0, margin: 10 } },
    yAxis: { type: 'value', max: spec.unit === '%' ? 100 : undefined, axisLabel: { fontSize: CHART_FONT_PX, formatter: `{value}${spec.unit}` } },
    series: spec.series.map((s, i) => ({
      type: 'line', name: s.name, symbolSize: 7, lineStyle: { width: 2.5 }, itemStyle: { color: COLORS[i % COLORS.length] },
      label: label(spec.unit),
      data: s.values.map((v, k) => {
        const position = positions[i]?.[k] ?? null;
        if (v === null) return '-';
        return { value: v, label: position ? { position, distance: 6 } : { show: false } };
      }),
    })),
  };
}

/** Renders a chart spec to an SVG string (no title: the document prints a caption instead). */
export function renderChartSvg(spec: ChartSpec): string {
  const echarts = echartsPlatform();
  const height = chartHeightPx(spec);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH_PX, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#FFFFFF',
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: CHART_FONT_PX, color: '#000000' },
      legend: { top: 4, textStyle: { fontSize: CHART_FONT_PX }, data: spec.series.map((s) => s.name) },
      ...(spec.type === 'bar' ? barOption(spec) : lineOption(spec)),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
