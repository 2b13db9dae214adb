/**
 * ReportDocument → DOCX bytes in the GB/T 9704-2012 layout (page.ts has the geometry, fonts.ts
 * the faces). Charts are rasterised first, in parallel, then every block becomes paragraphs or
 * tables; the font table is patched afterwards so Word and WPS know the fallback faces.
 */
import { Document, DocumentGridType, Packer, type Paragraph, type Table } from 'docx';
import JSZip from 'jszip';
import type { Block, ReportDocument } from '../report-document.ts';
import { renderChartPng, type ChartImage } from '../charts/chart-png.ts';
import { placeCharts, type PlacedBlock } from './chart-placement.ts';
import { chartParagraphs, dataTable } from './data-blocks.ts';
import { FANGSONG, patchFontTable, runFont } from './fonts.ts';
import { mastheadParagraphs, pageNumberFooters, recordAnchorParagraph, recordTable, redHeaderParagraphs } from './furniture.ts';
import { patchLineBreakSettings } from './line-breaks.ts';
import { BODY_PT, FOOTER_DISTANCE, LINE_PITCH, PAGE } from './page.ts';
import {
  addresseeParagraph, attachmentLabelParagraph, attachmentNoteParagraphs, bodyParagraph, headingParagraph,
  signatureParagraphs, titleParagraph,
} from './text-blocks.ts';

type Child = Paragraph | Table;

// GB/T 9704 7.3.1: the title sits 空二行 under the 版头's red rule; on an attachment page it is
// on the third line (8), i.e. one blank line under “附件”.
function linesBeforeTitle(previous: Block | undefined): number {
  if (previous?.kind === 'redHeader' || previous?.kind === 'masthead') return 2;
  return previous?.kind === 'attachment' ? 1 : 0;
}

function blockChildren({ block, chart, scale }: PlacedBlock, previous: Block | undefined, next: Block | undefined): Child[] {
  // The 版记 (报/发 of a 简报) and the signature never stand alone on a page: the text before goes with them.
  const withRecord = next?.kind === 'record' || next?.kind === 'signature' || next?.kind === 'attachmentNote';
  switch (block.kind) {
    case 'redHeader': return redHeaderParagraphs(block);
    case 'masthead': return mastheadParagraphs(block);
    case 'title': return [titleParagraph(block, linesBeforeTitle(previous))];
    case 'addressee': return [addresseeParagraph(block)];
    case 'heading': return [headingParagraph(block)];
    case 'paragraph': return [bodyParagraph(block, withRecord)];
    // Before the 版记 the table's last rows keep with its anchor, which also parts it from the next table.
    case 'table': return dataTable(block, next?.kind === 'record');
    case 'chart': return chart ? chartParagraphs(block, chart, scale) : [];
    case 'attachmentNote': return attachmentNoteParagraphs(block, withRecord);
    case 'signature': return signatureParagraphs(block, withRecord);
    case 'attachment': return [attachmentLabelParagraph(block)];
    case 'record': return [recordTable(block), recordAnchorParagraph()];
  }
}

/** Builds the docx Document object (exported for tests that inspect it before packing). */
export function buildDocxDocument(doc: ReportDocument, charts: ReadonlyMap<number, ChartImage>): Document {
  // Charts float: the text after one fills the page when it does not fit (chart-placement.ts).
  const placed = placeCharts(doc.blocks, charts);
  const children = placed.flatMap((p, i) => blockChildren(p, placed[i - 1]?.block, placed[i + 1]?.block));
  return new Document({
    title: doc.title,
    creator: 'Yingshang',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        // Normal is 3号仿宋; no automatic space between Chinese and digits (公文 write 2023年, not 2023 年).
        // Figures are Western text to LibreOffice: with a Chinese Western locale it broke them like
        // ideographs (“71⏎%”, measured); with en-US a number keeps its % and decimals.
        document: { run: { font: runFont(FANGSONG), size: BODY_PT * 2, language: { value: 'en-US', eastAsia: 'zh-CN' } }, paragraph: { spacing: { line: LINE_PITCH, lineRule: 'exact' } } },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight, header: PAGE.marginTop / 2, footer: FOOTER_DISTANCE, gutter: 0 },
        },
        // The 22-line pitch is kept for Word's page setup, but no grid is switched on: every
        // paragraph sets its exact spacing, and LibreOffice snapped even 4号 table lines and the
        // 2号 title to a grid line, so page 1 ended after the 主送 and a 15-page 月通报 became 11
        // pages without it (measured).
        grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
      },
      footers: pageNumberFooters(),
      children,
    }],
  });
}

/** Rasterises every chart block of a document, keyed by block index. */
export function renderCharts(doc: ReportDocument): Map<number, ChartImage> {
  // One after another (see svgToPng): a render must not take more than its one thread.
  const charts = new Map<number, ChartImage>();
  for (const [i, b] of doc.blocks.entries()) if (b.kind === 'chart') charts.set(i, renderChartPng(b.chart));
  return charts;
}

/**
 * Turns off Word's automatic space between Chinese and Latin text or digits (w:autoSpaceDE/DN):
 * 公文 print 2023年6月, and the extra space would also break the 28-characters-a-line count.
 * docx has no option for it in the document defaults, so styles.xml is patched.
 */
export function patchParagraphDefaults(stylesXml: string): string {
  const off = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
  // Word reads the document defaults; LibreOffice only the Normal style, so both get it.
  return stylesXml
    .replace('<w:pPrDefault><w:pPr>', `<w:pPrDefault><w:pPr>${off}`)
    .replace(/(<w:style w:type="paragraph" w:styleId="Normal"[^>]*>[\s\S]*?)(<\/w:style>)/, (_, head: string, end: string) => `${head}<w:pPr>${off}</w:pPr>${end}`);
}

/** Renders a report document to DOCX bytes (GB/T 9704-2012 layout). */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  const charts = renderCharts(doc);
  const packed = await Packer.toBuffer(buildDocxDocument(doc, charts));
  const zip = await JSZip.loadAsync(packed);
  const fontTable = zip.file('word/fontTable.xml');
  if (fontTable) zip.file('word/fontTable.xml', patchFontTable(await fontTable.async('string')));
  const settings = zip.file('word/settings.xml');
  if (settings) zip.file('word/settings.xml', patchLineBreakSettings(await settings.async('string')));
  const styles = zip.file('word/styles.xml');
  if (styles) zip.file('word/styles.xml', patchParagraphDefaults(await styles.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
