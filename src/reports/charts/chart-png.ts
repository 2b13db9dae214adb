/**
 * SVG → PNG for the DOCX (a raster image prints the same on every PC). Text is outlined first
 * with the CJK face loaded from a file (text-outline.ts; CI installs Debian's fonts-noto-cjk),
 * then resvg rasterises shapes only.
 */
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '../report-document.ts';
import { CHART_WIDTH_PX, chartHeightPx, renderChartSvg } from './chart-svg.ts';
import { outlineSvgText } from './text-outline.ts';

/**
 * Raster scale: 2.5 × 96 dpi = 240 dpi at the printed size, sharp on an office laser printer;
 * 3× costs a third more time per chart for no visible gain.
 */
export const RASTER_SCALE = 2.5;

/** A rendered chart: PNG bytes and the size it is printed at, in CSS px (96 dpi). */
export interface ChartImage {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

/**
 * Renders an SVG drawn at `widthPx` CSS px to PNG at RASTER_SCALE (text outlined first). On the
 * calling thread, one chart at a time: the server renders in a low-priority render thread, and
 * resvg's async mode would rasterise a document's charts side by side on libuv's shared pool at
 * full priority, taking both cores of a 2-core server from the request thread and PostgreSQL.
 */
export function svgToPng(svg: string, widthPx: number): Uint8Array {
  const image = new Resvg(outlineSvgText(svg), {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'width', value: Math.round(widthPx * RASTER_SCALE) },
    background: '#FFFFFF',
  }).render();
  return new Uint8Array(image.asPng());
}

/** Chart spec → PNG for the DOCX. */
export function renderChartPng(spec: ChartSpec): ChartImage {
  const svg = renderChartSvg(spec);
  return { png: svgToPng(svg, CHART_WIDTH_PX), widthPx: CHART_WIDTH_PX, heightPx: chartHeightPx(spec) };
}
