/**
 * Small builders for runs and paragraph spacing shared by the GB/T 9704 block renderers, so every
 * block uses the same fixed line pitch and the same font attributes.
 */
import { LineRuleType, TextRun } from 'docx';
import type { Inline } from '../report-document.ts';
import { FANGSONG, HEITI, KAITI, runFont, type FontFace } from './fonts.ts';
import { joinFigures } from './line-breaks.ts';
import { BODY_CHAR_SPACING, BODY_PT, LINE_PITCH } from './page.ts';

/** GB/T 9704 7.2.2 / 7.2.6: 红色 for the 版头; pure red as printed by the offices' templates. */
export const RED = 'FF0000';

export interface RunStyle {
  face: FontFace;
  sizePt: number;
  color?: string;
  bold?: boolean;
  /** Horizontal scaling in percent (w:w), used to fit a long 发文机关标志 into the type area. */
  scale?: number;
  /**
   * False for text larger or smaller than the body: the character grid is cut for 3号 text, and a
   * 2号 title or a 4号 table cell snapped to it would be spread out.
   */
  snapToGrid?: boolean;
  /** Starts the run on a new line (w:br), for titles split between words. */
  breakBefore?: boolean;
}

/**
 * One run of text in the given style (sizes in points; Word stores half-points). A figure and
 * its measure word are joined (line-breaks.ts) so no line ends inside “7项” or “2023年6月”.
 */
export function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text: joinFigures(text),
    ...(style.breakBefore ? { break: 1 } : {}),
    font: runFont(style.face),
    size: style.sizePt * 2,
    ...(style.color ? { color: style.color } : {}),
    ...(style.bold ? { bold: true } : {}),
    ...(style.scale && style.scale !== 100 ? { scale: style.scale } : {}),
    ...(style.snapToGrid === false ? { snapToGrid: false } : {}),
    // 3号 body text is squeezed to 28 characters a line (page.ts, GB/T 9704 7.1).
    ...(style.sizePt === BODY_PT ? { characterSpacing: BODY_CHAR_SPACING } : {}),
  });
}

const FACE_OF = { hei: HEITI, kai: KAITI, fang: FANGSONG } as const;

/** Body-text runs (3号仿宋 unless an inline asks for 黑体 or 楷体). */
export function bodyRuns(inlines: readonly Inline[], sizePt = BODY_PT): TextRun[] {
  return inlines.map((i) => run(i.text, { face: FACE_OF[i.face ?? 'fang'], sizePt, ...(i.bold ? { bold: true } : {}) }));
}

/** Fixed line spacing of n body lines (GB/T 9704 7.1: 22 lines a page), with space before/after in lines. */
export function lineSpacing(before = 0, after = 0, pitch = LINE_PITCH): { line: number; lineRule: typeof LineRuleType.EXACT; before: number; after: number } {
  return { line: pitch, lineRule: LineRuleType.EXACT, before: Math.round(before * LINE_PITCH), after: Math.round(after * LINE_PITCH) };
}
