/**
 * Text blocks of the 主体 (GB/T 9704 7.3): title, 主送机关, headings, paragraphs, 附件说明,
 * signature and date, and the 附件 label that opens an attachment page.
 */
import { AlignmentType, Paragraph } from 'docx';
import type { BlockOf } from '../report-document.ts';
import { formatChineseDate } from '../kinds/text-helpers.ts';
import { FANGSONG, HEITI, KAITI, XIAOBIAOSONG } from './fonts.ts';
import { titleLines } from './keep-together.ts';
import { BODY_PT, TITLE_CHARS_PER_LINE, TITLE_PT, chars, textWidthInChars } from './page.ts';
import { bodyRuns, lineSpacing, run } from './runs.ts';

/**
 * GB/T 9704 7.3.1: title in 2号小标宋, centred; 空二行 below the red rule, 空一行 before 主送机关. A
 * long title is split between words into balanced lines (回行时词意完整，排列对称), never mid-word.
 */
export function titleParagraph(block: BlockOf<'title'>, linesBefore: number): Paragraph {
  const lines = titleLines(block.text, TITLE_CHARS_PER_LINE);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: lineSpacing(linesBefore, 1),
    autoSpaceEastAsianText: false,
    keepNext: true,
    keepLines: true,
    children: lines.map((line, i) => run(line, { face: XIAOBIAOSONG, sizePt: TITLE_PT, snapToGrid: false, breakBefore: i > 0 })),
  });
}

/** GB/T 9704 7.3.2: 主送机关 flush left, ending in a full-width colon. */
export function addresseeParagraph(block: BlockOf<'addressee'>): Paragraph {
  const text = block.text.endsWith('：') ? block.text : `${block.text}：`;
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: lineSpacing(), children: [run(text, { face: FANGSONG, sizePt: BODY_PT })] });
}

// GB/T 9704 7.3.3: 一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字.
const HEADING_FACE = { 1: HEITI, 2: KAITI, 3: FANGSONG, 4: FANGSONG } as const;

/** A structural heading (一、/（一）/1./（1）), indented 空二字 like a paragraph and kept with what follows. */
export function headingParagraph(block: BlockOf<'heading'>): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: lineSpacing(),
    indent: { firstLine: chars(2) },
    keepNext: true,
    children: [run(block.number + block.text, { face: HEADING_FACE[block.level], sizePt: BODY_PT })],
  });
}

/** GB/T 9704 7.3.3: a natural paragraph, 左空二字 and 回行顶格, justified. */
export function bodyParagraph(block: BlockOf<'paragraph'>, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    ...(keepNext ? { keepNext: true } : {}),
    spacing: lineSpacing(),
    ...(block.indent ? { indent: { firstLine: chars(2) } } : {}),
    children: bodyRuns(block.runs),
  });
}

/**
 * GB/T 9704 7.3.4: 正文下空一行左空二字编排“附件：”; several attachments are numbered “1.” and a
 * wrapped name lines up under the first character of the name (hanging indent).
 */
export function attachmentNoteParagraphs(block: BlockOf<'attachmentNote'>, keepNext = false): Paragraph[] {
  const numberWidth = block.items.length > 1 ? 1 : 0;
  // Name starts after 空二字 + “附件：” (3) + “1.” (1 when numbered); wrapped lines hang there.
  const nameStart = 2 + 3 + numberWidth;
  return block.items.map((item, i) => new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    // Several items stay together, and with the signature when it follows.
    keepNext: keepNext || i < block.items.length - 1,
    spacing: lineSpacing(i === 0 ? 1 : 0),
    indent: { left: chars(nameStart), hanging: chars(i === 0 ? 3 + numberWidth : numberWidth) },
    children: [run(`${i === 0 ? '附件：' : ''}${numberWidth ? `${i + 1}.` : ''}${item}`, { face: FANGSONG, sizePt: BODY_PT })],
  }));
}

/**
 * GB/T 9704 7.3.5.2 (公文不加盖印章): 正文下空一行右空二字编排发文机关署名; the date goes on the next
 * line, its first character two characters right of the issuer's first character. When the date
 * is longer, the date keeps 右空二字 and the issuer moves left to keep the two-character offset.
 */
export function signatureParagraphs(block: BlockOf<'signature'>, keepNext = false): Paragraph[] {
  const date = formatChineseDate(block.date);
  const wi = textWidthInChars(block.issuer);
  const wd = textWidthInChars(date);
  const issuerRight = wi - wd >= 2 ? 2 : 4 + wd - wi;
  const dateRight = wi - wd >= 2 ? wi - wd : 2;
  const line = (text: string, right: number, before: number): Paragraph => new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: lineSpacing(before),
    indent: { right: chars(right) },
    keepNext: before > 0 || keepNext,
    keepLines: true,
    children: [run(text, { face: FANGSONG, sizePt: BODY_PT })],
  });
  return [line(block.issuer, issuerRight, 1), line(date, dateRight, 0)];
}

/** GB/T 9704 8: 附件另面编排; “附件” and its number in 3号黑体 at the top left of the type area. */
export function attachmentLabelParagraph(block: BlockOf<'attachment'>): Paragraph {
  return new Paragraph({
    pageBreakBefore: true,
    spacing: lineSpacing(),
    children: [run(block.label, { face: HEITI, sizePt: BODY_PT })],
  });
}
