/**
 * 版头, 报头, 版记 and page numbers: the parts of a 公文 around the text (GB/T 9704 7.2, 7.4, 7.5).
 */
import {
  AlignmentType, BorderStyle, Footer, OverlapType, RelativeVerticalPosition, TableAnchorType, LineRuleType, PageNumber, Paragraph, TabStopType, Table, TableCell, TableRow, TextRun,
  WidthType,
} from 'docx';
import type { BlockOf } from '../report-document.ts';
import { formatChineseDate } from '../kinds/text-helpers.ts';
import { FANGSONG, SONGTI, XIAOBIAOSONG, runFont } from './fonts.ts';
import { BODY_PT, PAGE, SMALL_PT, TYPE_AREA, fitMark, mm, pt, textWidthInChars } from './page.ts';
import { RED, lineSpacing, run } from './runs.ts';

const redRule = (space: number) => ({ bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space } });

/**
 * GB/T 9704 7.2: 发文机关标志 in red 小标宋, its top 35 mm below the type area's top (7.2.2); the
 * 发文字号 空二行 below it, centred (7.2.4); a red rule as wide as the type area 4 mm under the
 * 发文字号 (7.2.6).
 */
export function redHeaderParagraphs(block: BlockOf<'redHeader'>): Paragraph[] {
  const text = block.issuer + block.mark;
  const { sizePt, scale } = fitMark(text);
  // Border spacing is in points (4 mm = 11.3 pt).
  const ruleSpace = Math.round(4 / 25.4 * 72);
  const issuer = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: mm(35), after: 0, line: pt(sizePt * 1.2), lineRule: LineRuleType.EXACT },
    ...(block.docNumber ? {} : { border: redRule(ruleSpace) }),
    children: [run(text, { face: XIAOBIAOSONG, sizePt, color: RED, scale, snapToGrid: false })],
  });
  if (!block.docNumber) return [issuer];
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: lineSpacing(2),
    border: redRule(ruleSpace),
    children: [run(block.docNumber, { face: FANGSONG, sizePt: BODY_PT })],
  });
  return [issuer, number];
}

/** 报头 of a 简报 / 工作专报 (seed 003): red title, 第N期, issuer left and date right, red rule. */
export function mastheadParagraphs(block: BlockOf<'masthead'>): Paragraph[] {
  const { sizePt, scale } = fitMark(block.title, 42);
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: mm(10), after: pt(12), line: pt(sizePt * 1.25), lineRule: LineRuleType.EXACT },
    children: [run(block.title, { face: XIAOBIAOSONG, sizePt, color: RED, scale, snapToGrid: false })],
  });
  const issue = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: lineSpacing(0, 1),
    children: [run(block.issueLabel, { face: FANGSONG, sizePt: BODY_PT })],
  });
  const byline = new Paragraph({
    spacing: lineSpacing(),
    tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width }],
    border: { bottom: { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 24, color: RED, space: 4 } },
    children: [run(block.issuer, { face: FANGSONG, sizePt: BODY_PT }), run(`\t${block.date}`, { face: FANGSONG, sizePt: BODY_PT })],
  });
  return [title, issue, byline];
}

// GB/T 9704 7.4.1: 首条和末条分隔线用粗线（推荐高度0.35 mm ≈ 1 pt），中间的用细线（0.25 mm ≈ 0.75 pt）.
// Border sizes are in eighths of a point.
const THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

function recordRow(children: Paragraph[], top: typeof THICK | typeof THIN, bottom: typeof THICK | typeof THIN | typeof NONE): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [new TableCell({
      width: { size: TYPE_AREA.width, type: WidthType.DXA },
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      borders: { top, bottom, left: NONE, right: NONE },
      children,
    })],
  });
}

/**
 * GB/T 9704 7.4: 版记. 抄送 (and 报/发 in a 简报) in 4号仿宋, 左右各空一字, a wrapped line aligned
 * after the colon (7.4.2); 印发机关 左空一字 and 印发日期 右空一字 followed by 印发 (7.4.3); a thick
 * rule above the first and below the last element, thin rules between (7.4.1).
 *
 * 7.4: 版记应置于公文最后一面, its last rule on the type area's last line. The table floats, its
 * bottom on the bottom margin of the page that holds its anchor (recordAnchorParagraph, the
 * document's last paragraph), so text before it ends wherever it ends and the 版记 is at the
 * foot. Why this form: LibreOffice 7.4 ignores a bottom-aligned frame paragraph (w:framePr) and
 * section vertical alignment, but turns a floating table into a frame with its vertical
 * orientation — only when text could stand beside it, which it decides from the page width when
 * the horizontal anchor is the page, hence the page anchor at the left margin (measured: with a
 * margin anchor it stayed inline under the signature). Word reads the same w:tblpPr.
 */
export function recordTable(block: BlockOf<'record'>): Table {
  const style = { face: FANGSONG, sizePt: SMALL_PT, snapToGrid: false } as const;
  const lineRows = block.lines.map((l) => {
    const hang = l.label ? pt(SMALL_PT) * (textWidthInChars(l.label) + 1) : 0;
    return new Paragraph({
      spacing: lineSpacing(),
      indent: { left: pt(SMALL_PT) + hang, right: pt(SMALL_PT), hanging: hang },
      children: [run(l.label ? `${l.label}：${l.text}` : l.text, style)],
    });
  });
  const printed = block.printed
    ? [new Paragraph({
      spacing: lineSpacing(),
      indent: { left: pt(SMALL_PT), right: pt(SMALL_PT) },
      tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width - 2 * pt(SMALL_PT) }],
      children: [run(block.printed.by, style), run(`\t${formatChineseDate(block.printed.on)}印发`, style)],
    })]
    : [];
  const all = [...lineRows, ...printed];
  const rows = all.map((p, i) => recordRow([p], i === 0 ? THICK : THIN, i === all.length - 1 ? THICK : NONE));
  return new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: [TYPE_AREA.width],
    rows,
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: PAGE.marginLeft,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
  });
}

/**
 * The paragraph the floating 版记 hangs on: the document's last, a hairline high, so it fits
 * under whatever ends the text. The block before it keeps with it (render-docx), so the 版记
 * never lands alone on a page of its own.
 */
export function recordAnchorParagraph(): Paragraph {
  return new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });
}

/**
 * GB/T 9704 7.5: 页码用4号半角宋体阿拉伯数字，数字左右各放一条一字线; 单页码居右空一字，双页码居左空一字.
 * Word puts the default footer on odd pages and the even footer on even pages once
 * evenAndOddHeaders is set in the settings.
 */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  const footer = (odd: boolean): Footer => new Footer({
    children: [new Paragraph({
      alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: odd ? { right: pt(SMALL_PT) } : { left: pt(SMALL_PT) },
      spacing: { line: pt(SMALL_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [new TextRun({ font: runFont(SONGTI), size: SMALL_PT * 2, snapToGrid: false, children: ['— ', PageNumber.CURRENT, ' —'] })],
    })],
  });
  return { default: footer(true), even: footer(false) };
}
