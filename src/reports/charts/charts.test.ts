import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../report-document.ts';
import { RASTER_SCALE, renderChartPng } from './chart-png.ts';
import { CHART_WIDTH_PX, lineLabelPositions, renderChartSvg } from './chart-svg.ts';
import { outlineSvgText } from './text-outline.ts';

const spec: ChartSpec = { type: 'bar', title: 't', unit: '%', categories: ['开办企业', '知识产权创造保护和运用'], series: [{ name: '完成率', values: [92.3, null] }, { name: '按时完成率', values: [85, 70] }] };

describe('charts', () => {
  it('draws labels no smaller than 14 px, i.e. ≥ 10.5 pt at the printed size (1 px = 0.75 pt)', () => {
    const svg = renderChartSvg(spec);
    const sizes = [...svg.matchAll(/font-size:(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes) * 0.75).toBeGreaterThanOrEqual(10.5);
    expect(svg).toContain('知识产权创造保护和运用');
  });

  it('leaves zero bars unlabelled so the two series do not overprint “0%” at the axis', () => {
    const zeros: ChartSpec = { ...spec, series: [{ name: '完成率', values: [0, 50] }, { name: '按时完成率', values: [0, 40] }] };
    const svg = renderChartSvg(zeros);
    expect(svg).toContain('>50%<');
    expect(svg).toContain('>40%<');
    // Only the value axis reads 0% (the two zero bars of 开办企业 had a label each).
    expect(svg.match(/>0%</g)).toHaveLength(1);
  });

  it('keeps a month chart\'s labels off the month names: one “0%” above the point, a low value beside it', () => {
    const trend: ChartSpec = { type: 'line', title: 't', unit: '%', categories: ['1月', '2月', '3月', '4月'], series: [{ name: '完成率', values: [0, 10, 50, null] }, { name: '按时完成率', values: [0, 5, 40, 30] }] };
    // 1月: both 0 — one label, above; 2月: 10 above, 5 (under 15% of the 100% axis) beside its point;
    // 3月: 50 above, 40 under; 4月: only the second series has a value, so it is the highest.
    expect(lineLabelPositions(trend)).toEqual([['top', 'top', 'top', null], [null, 'right', 'bottom', 'top']]);
    const svg = renderChartSvg(trend);
    // The value axis reads 0% once and the two zero points share one label.
    expect(svg.match(/>0%</g)).toHaveLength(2);
    expect(svg).toContain('>5%<');
  });

  it('outlines every label before rasterising and renders a PNG at 2.5× the printed size', () => {
    expect(outlineSvgText(renderChartSvg(spec))).not.toContain('<text');
    const img = renderChartPng(spec);
    const png = Buffer.from(img.png);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Math.round(CHART_WIDTH_PX * RASTER_SCALE));
    expect(img.widthPx).toBe(CHART_WIDTH_PX);
  });
});
