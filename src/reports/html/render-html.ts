/**
 * ReportDocument → HTML preview for the browser: the same blocks as the DOCX, on one A4-styled
 * sheet, with charts inline as SVG. Every text is escaped: block text may have been edited by
 * people and must never become markup.
 */
import type { Block, BlockOf, Inline, ReportDocument } from '../report-document.ts';
import { renderChartSvg } from '../charts/chart-svg.ts';
import { formatChineseDate } from '../kinds/text-helpers.ts';
import { figurePieces, titleLines } from '../gbt9704/keep-together.ts';
import { TITLE_CHARS_PER_LINE, fitMark } from '../gbt9704/page.ts';
import { tableColumnWidths } from '../gbt9704/column-widths.ts';
import { PREVIEW_CSS } from './preview-css.ts';
import { escapeHtml } from '../../domain/escape-html.ts';


/**
 * Escaped text whose numbers, dates and 文号 do not break across lines (the DOCX joins them with
 * word joiners; here a no-wrap span keeps the text people copy free of invisible characters).
 */
function textHtml(text: string): string {
  return figurePieces(text).map((p) => (p.keep ? `<span class="gw-nb">${escapeHtml(p.text)}</span>` : escapeHtml(p.text))).join('');
}

const FACE_CLASS = { hei: 'gw-hei', kai: 'gw-kai', fang: '' } as const;

function inlineHtml(i: Inline): string {
  const cls = FACE_CLASS[i.face ?? 'fang'];
  const text = textHtml(i.text);
  const styled = cls ? `<span class="${cls}">${text}</span>` : text;
  return i.bold ? `<b>${styled}</b>` : styled;
}

function tableHtml(b: BlockOf<'table'>): string {
  const align = (a: string): string => (a === 'center' ? ' class="gw-c"' : a === 'right' ? ' class="gw-r"' : '');
  // The printed widths (fitted to what the columns hold), not the builders' weights.
  const widths = tableColumnWidths(b.columns, b.rows);
  const total = widths.reduce((s, w) => s + w, 0);
  const cols = widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
  const head = b.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
  const rows = b.rows.map((r) => `<tr>${b.columns.map((c, i) => `<td${align(c.align)}>${textHtml(r[i] ?? '')}</td>`).join('')}</tr>`).join('');
  return `<table class="gw-table">${b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : ''}<colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function recordHtml(b: BlockOf<'record'>): string {
  const lines = b.lines.map((l) => `<p>${escapeHtml(l.label ? `${l.label}：${l.text}` : l.text)}</p>`);
  const printed = b.printed ? [`<p class="gw-printed"><span>${escapeHtml(b.printed.by)}</span><span>${escapeHtml(formatChineseDate(b.printed.on))}印发</span></p>`] : [];
  return `<div class="gw-record">${[...lines, ...printed].join('')}</div>`;
}

/**
 * The DOCX condenses a long 发文机关标志 to one line (fitMark); the preview cannot condense glyphs
 * portably, so it sets the same line at the equivalent smaller size.
 */
function markStyle(text: string, maxPt: number): string {
  const { sizePt, scale } = fitMark(text, maxPt);
  return `font-size:${((sizePt * scale) / 100).toFixed(1)}pt`;
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'redHeader':
      return `<p class="gw-red-header" style="${markStyle(b.issuer + b.mark, 36)}">${escapeHtml(b.issuer + b.mark)}</p>${b.docNumber ? `<p class="gw-doc-number">${escapeHtml(b.docNumber)}</p>` : ''}<hr class="gw-red-rule">`;
    case 'masthead':
      return `<p class="gw-masthead" style="${markStyle(b.title, 42)}">${escapeHtml(b.title)}</p><p class="gw-issue">${escapeHtml(b.issueLabel)}</p><p class="gw-byline"><span>${escapeHtml(b.issuer)}</span><span>${escapeHtml(b.date)}</span></p>`;
    case 'title': return `<h1 class="gw-title">${titleLines(b.text, TITLE_CHARS_PER_LINE).map(textHtml).join('<br>')}</h1>`;
    case 'addressee': return `<p>${escapeHtml(b.text.endsWith('：') ? b.text : `${b.text}：`)}</p>`;
    case 'heading': return `<p class="gw-indent gw-h${b.level}">${textHtml(b.number + b.text)}</p>`;
    case 'paragraph': return `<p${b.indent ? ' class="gw-indent"' : ''}>${b.runs.map(inlineHtml).join('')}</p>`;
    case 'table': return tableHtml(b);
    case 'chart': return `<figure class="gw-figure">${renderChartSvg(b.chart)}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    case 'attachmentNote': return `<p class="gw-indent" style="margin-top:1em">附件：${b.items.map((it, i) => escapeHtml(b.items.length > 1 ? `${i + 1}.${it}` : it)).join('<br>')}</p>`;
    case 'signature': return `<p class="gw-signature" style="margin-top:1em;padding-right:2em">${escapeHtml(b.issuer)}</p><p class="gw-signature" style="padding-right:2em">${escapeHtml(formatChineseDate(b.date))}</p>`;
    case 'attachment': return `</section><section class="gw-page"><p class="gw-attachment">${escapeHtml(b.label)}</p>`;
    case 'record': return recordHtml(b);
  }
}

/** Renders the document as a standalone HTML page (or, with `fragment`, the sheet alone with its style). */
export function renderHtml(doc: ReportDocument, options: { fragment?: boolean } = {}): string {
  const body = `<div class="gw-doc"><section class="gw-page">${doc.blocks.map(blockHtml).join('\n')}</section></div>`;
  const style = `<style>${PREVIEW_CSS}</style>`;
  if (options.fragment) return style + body;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>${style}</head><body style="margin:0">${body}</body></html>`;
}
