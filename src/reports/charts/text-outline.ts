/**
 * Turns the <text> elements of an ECharts SVG into glyph outlines before rasterising. Why: resvg
 * re-reads its font file for every text chunk, and the Noto CJK collection is 19 MB, so a chart
 * with 60 labels took 4 s; outlined once with fontkit (glyphs cached), the same chart takes
 * ~50 ms and the PNG no longer depends on which fonts resvg finds. The font file is given by the
 * caller (chart-font.ts), never looked up here.
 */
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { appError } from '../../domain/errors.ts';
import { currentChartFont } from './chart-font.ts';

const FACE = 'NotoSansCJKsc-Regular';

let font: Font | null = null;
let fontGeneration = -1;
const glyphCache = new Map<number, { d: string; advance: number }>();

function loadFont(): Font {
  const { loader, generation } = currentChartFont();
  if (font && generation === fontGeneration) return font;
  if (!loader) throw appError('REPORT_FONT_MISSING', '没有为图表配置中文字体，无法生成图表。');
  const { file, bytes } = loader();
  const opened = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), FACE);
  // A collection without the SC face gives the collection back: take its first face.
  const face = 'fonts' in opened ? opened.fonts[0] : opened;
  if (!face) throw appError('REPORT_FONT_MISSING', `字体文件“${file}”中没有可用字形。`, { file });
  font = face;
  fontGeneration = generation;
  glyphCache.clear();
  return face;
}

function glyph(f: Font, cp: number): { d: string; advance: number } {
  let g = glyphCache.get(cp);
  if (!g) {
    const glyph = f.glyphForCodePoint(cp);
    g = { d: glyph.path.toSVG(), advance: glyph.advanceWidth };
    glyphCache.set(cp, g);
  }
  return g;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? (m[1] ?? null) : null;
}

function decodeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Baseline offset (in em) for SVG dominant-baseline values ECharts writes. */
function baselineShift(f: Font, baseline: string | null): number {
  const em = f.unitsPerEm;
  if (baseline === 'central' || baseline === 'middle') return (f.ascent + f.descent) / 2 / em;
  if (baseline === 'hanging' || baseline === 'text-before-edge') return f.ascent / em;
  if (baseline === 'text-after-edge' || baseline === 'ideographic') return f.descent / em;
  return 0;
}

function outline(tag: string, content: string, f: Font): string {
  const style = attr(tag, 'style') ?? '';
  const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
  const scale = size / f.unitsPerEm;
  const text = decodeEntities(content);
  const glyphs = [...text].map((ch) => glyph(f, ch.codePointAt(0) ?? 32));
  const width = glyphs.reduce((s, g) => s + g.advance, 0) * scale;
  const anchor = attr(tag, 'text-anchor');
  const x = Number(attr(tag, 'x') ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  const y = Number(attr(tag, 'y') ?? 0) + baselineShift(f, attr(tag, 'dominant-baseline')) * size;
  let pen = 0;
  const paths = glyphs.map((g) => {
    const p = g.d ? `<path transform="translate(${pen} 0)" d="${g.d}"/>` : '';
    pen += g.advance;
    return p;
  }).join('');
  const keep = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'paint-order', 'opacity']
    .map((n) => [n, attr(tag, n)] as const).filter(([, v]) => v !== null).map(([n, v]) => ` ${n}="${v ?? ''}"`).join('');
  // Stroke widths are in user units; the glyph group is scaled to font units, so scale them back.
  const transform = `${attr(tag, 'transform') ?? ''} translate(${x} ${y}) scale(${scale} ${-scale})`.trim();
  return `<g transform="${transform}"${keep.replace(/stroke-width="([\d.]+)"/, (_, w: string) => `stroke-width="${Number(w) / scale}"`)}>${paths}</g>`;
}

/** Replaces every <text> of the SVG by outlined glyphs in the Noto Sans CJK SC face. */
export function outlineSvgText(svg: string): string {
  const f = loadFont();
  return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_, attrs: string, content: string) => outline(` ${attrs}`, content, f));
}
