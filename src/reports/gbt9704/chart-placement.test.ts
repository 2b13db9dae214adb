import { describe, expect, it } from 'vitest';
import type { Block } from '../report-document.ts';
import type { ChartImage } from '../charts/chart-png.ts';
import { placeCharts } from './chart-placement.ts';
import { LINE_PITCH, pt } from './page.ts';

// A chart image 320 px tall: 320 × 15 twips + 6 pt before, in body lines, plus its 1.5-line caption.
const image: ChartImage = { png: new Uint8Array(), widthPx: 567, heightPx: 320 };
const chartLines = (320 * 15 + pt(6)) / LINE_PITCH + 1.5;
const chart: Block = { kind: 'chart', caption: '图1 各月末任务完成率', chart: { type: 'line', title: 't', unit: '%', categories: ['1月'], series: [{ name: '完成率', values: [50] }] } };
/** A paragraph of exactly `lines` full lines: 空二字 and 26 characters, then 28 a line. */
const para = (lines: number, mark = '文'): Block => ({ kind: 'paragraph', indent: true, runs: [{ text: mark.repeat(lines * 28 - 2) }] });
const heading: Block = { kind: 'heading', level: 1, number: '三、', text: '各指标推进情况' };

const kinds = (blocks: readonly { block: Block }[]): string[] => blocks.map((b) => (b.block.kind === 'paragraph' ? `p${b.block.runs[0]?.text.length ?? 0}` : b.block.kind));

describe('placeCharts', () => {
  it('leaves a chart where it is when the page has room for it', () => {
    const blocks = [para(5), chart, para(3)];
    expect(kinds(placeCharts(blocks, new Map([[1, image]])))).toEqual(kinds(blocks.map((block) => ({ block }))));
  });

  it('moves the text after a chart up to fill the page, ending on a paragraph, not a heading', () => {
    // 17 lines used: 5 left, the chart needs about 10.
    const room = 22 - 17;
    expect(chartLines).toBeGreaterThan(room / 0.8);
    const blocks = [para(17), chart, heading, para(3, '甲'), para(4, '乙'), para(2)];
    // Heading (1) + 3 lines fill 4 of the 5 lines, so the 4-line paragraph goes up too.
    const placed = placeCharts(blocks, new Map([[1, image]]));
    expect(kinds(placed)).toEqual(['p474', 'heading', 'p82', 'p110', 'chart', 'p54']);
    expect(placed.find((p) => p.block.kind === 'chart')?.chart).toBe(image);
  });

  it('prints a chart that nearly fits a little smaller instead', () => {
    // Room for 9 lines; at scale s the chart takes (chartLines − 1.5) × s + 1.5 lines.
    const blocks = [para(13), chart, para(3)];
    const placed = placeCharts(blocks, new Map([[1, image]]));
    const scale = placed[1]?.scale ?? 1;
    expect(placed[1]?.block.kind).toBe('chart');
    expect(scale).toBeGreaterThanOrEqual(0.8);
    expect(scale).toBeLessThan(1);
    expect((chartLines - 1.5) * scale + 1.5).toBeLessThanOrEqual(9);
  });

  it('never moves a chart past a table or into an attachment', () => {
    const table: Block = { kind: 'table', caption: '表1', columns: [{ title: '指标', weight: 1, align: 'left' }], rows: [['开办企业']] };
    const blocks = [para(17), chart, table, para(6)];
    expect(kinds(placeCharts(blocks, new Map([[1, image]])))).toEqual(['p474', 'chart', 'table', 'p166']);
  });
});
