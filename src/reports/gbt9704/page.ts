/**
 * Page geometry of GB/T 9704-2012 (党政机关公文格式), in the units Word uses (twips = 1/20 pt).
 *
 * The arithmetic, so a reader can check every number:
 * - 5.2.1 纸张: A4, 210 mm × 297 mm.
 * - 5.2.2 版心: 156 mm × 225 mm; 天头 (top) 37 mm, 订口 (left) 28 mm. The remaining margins follow:
 *   right = 210 − 28 − 156 = 26 mm, bottom = 297 − 37 − 225 = 35 mm.
 * - 1 mm = 1440 / 25.4 twips ≈ 56.693 twips. Rounded: top 2098, bottom 1984, left 1587, right 1474;
 *   page 11906 × 16838. The type area is then 11906 − 1587 − 1474 = 8845 twips wide (156.03 mm)
 *   and 16838 − 2098 − 1984 = 12756 twips high (225.0 mm).
 * - 5.2.3 / 7.1: 一般每面排22行，每行排28个字. Line pitch = 12756 / 22 = 579.8 twips; Word lays a
 *   line only if it fits whole, so the pitch is rounded down to 579 twips (28.95 pt, the figure in
 *   every 公文 template): 22 × 579 = 12738 ≤ 12756 < 23 × 579.
 * - Character pitch = 8845 / 28 = 315.9 twips = 15.795 pt, i.e. 3号 (16 pt) squeezed by at least
 *   0.205 pt. Word stores character spacing in twentieths of a point, so the squeeze is rounded
 *   up to −0.25 pt (w:spacing −5): 28 × 15.75 = 441 pt fits the 442.25 pt line, 29 × 15.75 =
 *   456.75 pt does not, so every full line holds exactly 28 characters. CJK glyphs are one em
 *   wide in every Chinese face, so the count holds with a fallback font too. (Word's character
 *   grid would do the same, but LibreOffice reads its charSpace differently and spreads the text.)
 */

/** Twips per millimetre (1 inch = 25.4 mm = 1440 twips). */
export const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres → twips, rounded to whole twips as Word stores them. */
export function mm(value: number): number {
  return Math.round(value * TWIPS_PER_MM);
}

/** Points → twips. */
export function pt(value: number): number {
  return Math.round(value * 20);
}

/** GB/T 9704 5.2.1 and 5.2.2: A4 page and margins, in twips. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  marginTop: mm(37),
  marginBottom: mm(35),
  marginLeft: mm(28),
  marginRight: mm(26),
} as const;

/** Type area (版心) in twips: 156 mm × 225 mm. */
export const TYPE_AREA = {
  width: PAGE.width - PAGE.marginLeft - PAGE.marginRight,
  height: PAGE.height - PAGE.marginTop - PAGE.marginBottom,
} as const;

/** GB/T 9704 7.1: lines per page and characters per line of the 3号 body text. */
export const LINES_PER_PAGE = 22;
/** GB/T 9704 7.1: characters per line. */
export const CHARS_PER_LINE = 28;

/** Fixed line pitch in twips (579 = 28.95 pt), see the file comment. */
export const LINE_PITCH = Math.floor(TYPE_AREA.height / LINES_PER_PAGE);

/** Body font size in points: 3号 (GB/T 9704 7.3.3). */
export const BODY_PT = 16;
/** Title size in points: 2号 (GB/T 9704 7.3.1). */
export const TITLE_PT = 22;
/** Characters of a 2号 title on one line of the type area (20). */
export const TITLE_CHARS_PER_LINE = Math.floor(TYPE_AREA.width / pt(TITLE_PT));
/** 版记 and page-number size in points: 4号 (GB/T 9704 7.4.2, 7.4.3, 7.5). */
export const SMALL_PT = 14;

/** Exact character pitch the type area allows, in points (15.795 pt). */
export const CHAR_PITCH_PT = TYPE_AREA.width / 20 / CHARS_PER_LINE;

/** Body character spacing in twentieths of a point (−5 = −0.25 pt), see the file comment. */
export const BODY_CHAR_SPACING = Math.floor((CHAR_PITCH_PT - 16) * 20);

/** Width one body character takes on the page, in points (15.75 pt). */
export const BODY_CHAR_PT = 16 + BODY_CHAR_SPACING / 20;

/** Width of n body characters in twips (for 空二字 indents and the signature block). */
export function chars(n: number): number {
  return Math.round(n * BODY_CHAR_PT * 20);
}

/**
 * Width of a line of body text in characters: full-width characters count 1, ASCII digits and
 * letters ½ (GB/T 9704 uses 半角 Arabic numerals for dates), as the signature rule in 7.3.5 needs.
 */
export function textWidthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/**
 * GB/T 9704 7.5: the page number's 一字线 sits 7 mm below the type area. Word measures the footer
 * from the page's bottom edge to the footer's last line, so: 35 mm − 7 mm − one 4号 line (14 pt
 * ≈ 4.94 mm) ≈ 23 mm.
 */
export const FOOTER_DISTANCE = mm(35 - 7) - pt(SMALL_PT);

/** Largest 发文机关标志 size (小初, 36 pt); GB/T 9704 7.2.2 leaves the size to 醒目、美观、庄重. */
const MARK_PT = 36;
/** Below this horizontal scale a long name is set smaller instead of narrower. */
const MIN_SCALE = 60;

/** Size and horizontal scale that fit `text` on one line of the type area (a long name is condensed, as offices do). */
export function fitMark(text: string, maxPt = MARK_PT): { sizePt: number; scale: number } {
  const widthPt = TYPE_AREA.width / 20;
  const n = Math.max(1, textWidthInChars(text));
  const scale = Math.min(100, Math.floor((widthPt / (n * maxPt)) * 100));
  if (scale >= MIN_SCALE) return { sizePt: maxPt, scale };
  return { sizePt: Math.floor(widthPt / (n * MIN_SCALE / 100)), scale: MIN_SCALE };
}
