/**
 * Where a chart goes on the page. A chart is an unsplittable block about ten lines tall: placed
 * where its section puts it, it jumped to the next page whenever less room was left and the page
 * before stayed a third to half blank (季度小结 page 2, seen). As in printed reports, a chart is a
 * float here: when the page is estimated to have no room for it, the text after it (paragraphs and
 * headings, never another table or chart) moves up to fill the page and the chart follows that
 * text; when the room is close, the chart is printed a little smaller instead.
 *
 * The estimate counts body lines (22 a page, 28 characters a line) as LibreOffice sets them; it is
 * rough for tables, so it only decides between "fits", "nearly fits" and "clearly does not fit".
 */
import type { Block } from '../report-document.ts';
import type { ChartImage } from '../charts/chart-png.ts';
import { rowLines } from './data-blocks.ts';
import { tableColumnWidths } from './column-widths.ts';
import { bodyLines, titleLines } from './keep-together.ts';
import { LINES_PER_PAGE, LINE_PITCH, TITLE_CHARS_PER_LINE, pt } from './page.ts';

/** A block with its rendered chart (charts only) and the scale it is printed at. */
export interface PlacedBlock { block: Block; chart?: ChartImage; scale?: number }

/** Twips per CSS px at 96 dpi. */
const TWIPS_PER_PX = 15;
/** Table cell line (12 pt × 1.35) and the top and bottom cell margins, in twips (data-blocks.ts). */
const CELL_LINE = pt(12 * 1.35);
const CELL_MARGINS = 60;
/** Lines of the 版头 on page 1 (发文机关标志, 发文字号, red rule), measured on the LibreOffice PDFs. */
const RED_HEADER_LINES = 8.6;
const MASTHEAD_LINES = 10;
/** The smallest a chart is printed, as a share of its size. */
const MIN_SCALE = 0.8;
/** Blank lines left before a chart that are worth filling. */
const WORTH_FILLING = 2;

const textOf = (b: Block): string => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.kind === 'heading' ? b.number + b.text : '');

function chartImageLines(image: ChartImage, scale = 1): number {
  return (image.heightPx * scale * TWIPS_PER_PX + pt(6)) / LINE_PITCH;
}
/** The 图题 under a chart: one line and half a line after. */
const CAPTION_LINES = 1.5;

/** Estimated body lines a block takes (charts without their image are none). */
function blockLines(b: Block, chart?: ChartImage, previous?: Block): number {
  switch (b.kind) {
    case 'redHeader': return RED_HEADER_LINES;
    case 'masthead': return MASTHEAD_LINES;
    // 空二行 under the 版头, 空一行 under “附件” (render-docx.ts), one line after.
    case 'title': return titleLines(b.text, TITLE_CHARS_PER_LINE).length + 1 + (previous?.kind === 'attachment' ? 1 : 2);
    case 'addressee': return bodyLines(`${b.text}：`, false);
    case 'heading': case 'paragraph': return bodyLines(textOf(b), b.kind === 'heading' || b.indent);
    case 'table': {
      const widths = tableColumnWidths(b.columns, b.rows);
      const rows = [b.columns.map((c) => c.title), ...b.rows].reduce((n, r) => n + rowLines(r, widths) * CELL_LINE + CELL_MARGINS, 0);
      return (b.caption ? 1.5 : 0) + rows / LINE_PITCH + 1;
    }
    case 'chart': return chart ? chartImageLines(chart) + CAPTION_LINES : 0;
    case 'attachmentNote': return b.items.length + 1;
    case 'signature': return 3;
    case 'attachment': case 'record': return 1;
  }
}

/** Where the text after a chart at `at` has filled `room` lines, ending on a paragraph; -1 if it cannot. */
function fillingEnd(blocks: readonly PlacedBlock[], at: number, room: number): number {
  let filled = 0;
  for (let j = at + 1; j < blocks.length; j++) {
    const b = blocks[j]?.block;
    if (b?.kind !== 'paragraph' && b?.kind !== 'heading') return -1;
    filled += blockLines(b);
    // A heading is kept with what follows, so the chart never lands right after one.
    if (b.kind === 'paragraph' && filled >= room) return j;
  }
  return -1;
}

/** The blocks in print order, each chart moved after the text that fills the page before it, or scaled to fit. */
export function placeCharts(blocks: readonly Block[], charts: ReadonlyMap<number, ChartImage>): PlacedBlock[] {
  const out: PlacedBlock[] = blocks.map((block, i) => ({ block, ...(charts.has(i) ? { chart: charts.get(i) } : {}) }));
  const moved = new Set<PlacedBlock>();
  let used = 0;
  for (let i = 0; i < out.length; i++) {
    const item = out[i];
    if (!item) continue;
    if (item.block.kind === 'attachment') used = 0;
    if (item.block.kind === 'chart' && item.chart) {
      const room = LINES_PER_PAGE - used;
      const need = blockLines(item.block, item.chart);
      if (need > room) {
        const scale = (room - CAPTION_LINES) / chartImageLines(item.chart);
        if (scale >= MIN_SCALE) {
          item.scale = Math.floor(scale * 100) / 100;
          used += room;
          continue;
        }
        const end = room >= WORTH_FILLING && !moved.has(item) ? fillingEnd(out, i, room) : -1;
        if (end > 0) {
          moved.add(item);
          out.splice(i, 1);
          out.splice(end, 0, item);
          i--;
          continue;
        }
        used = 0;
      }
    }
    used += blockLines(item.block, item.chart, out[i - 1]?.block);
    while (used >= LINES_PER_PAGE) used -= LINES_PER_PAGE;
  }
  return out;
}
