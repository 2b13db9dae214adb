/**
 * No line break inside a figure in the DOCX and in LibreOffice's PDF of it: "7⏎项", "31.⏎6%",
 * "2023年⏎6月", "〔2023〕⏎9号" (GB/T 9704 asks 词意完整; an office never sends such a line).
 *
 * What LibreOffice 7.4 honours, measured on 80 line ends of number-heavy text (3号仿宋, 28 a line):
 * - Digits are Western text (en-US, render-docx) and are never split among themselves; a U+2060
 *   WORD JOINER between two digits would make LibreOffice break there, so none goes there.
 * - Between a number and a CJK measure word it breaks freely (16 splits in 80 lines), and a
 *   WORD JOINER alone does not stop it (19), nor do w:noLineBreaksBefore settings, which it does
 *   not import. It does apply the forbidden line-start characters of its profile to the CJK side
 *   (AsianLayout/StartEndCharacters, 2 splits left, both where the number ended the line); with
 *   WORD JOINERs at the number's edges as well, none is left (0 of 80, dates included).
 * So the runs carry WORD JOINERs at each figure's edges (joinFigures), the DOCX's settings name the
 * measure words as line-start-forbidden for Word (patchLineBreakSettings), and LibreOffice gets
 * the same list in its profile (LIBREOFFICE_REGISTRY, written before soffice starts).
 */

const WJ = '\u2060';
/** ZERO WIDTH SPACE: a break opportunity that prints nothing. */
const ZWSP = '\u200B';

/** Measure words and units that follow a number and must not start a line. */
export const MEASURE_WORDS = '年月日号项个家件天次名期分位倍条份户人';

/**
 * Word's default line-start and line-end lists for Simplified Chinese (kinsoku), which a custom
 * list replaces, so they are repeated before our additions.
 */
const DEFAULT_NOT_AT_START = '!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠';
const DEFAULT_NOT_AT_END = '$(£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥';

/** Characters that may not start a line (the defaults plus the measure words). */
const NOT_AT_LINE_START = DEFAULT_NOT_AT_START + MEASURE_WORDS;
/** Characters that may not end a line. */
const NOT_AT_LINE_END = DEFAULT_NOT_AT_END;

const JOINS: readonly [RegExp, string][] = [
  // A number (or its %) and the measure word after it: 7项, 31.6%的, 2023年, 〔2023〕9号.
  [new RegExp(`([\\d%‰])(?=[${MEASURE_WORDS}])`, 'g'), `$1${WJ}`],
  // Inside a date: 2023年6月30日 holds together.
  [/(\d\u2060?[年月])(?=\d)/g, `$1${WJ}`],
  // A 文号: the issuer's abbreviation, 〔year〕 and the number: 邵优化办〔2023〕12号.
  [/([\u4e00-\u9fff])(?=〔\d{4}〕)/g, `$1${WJ}`],
  [/〕(?=\d)/g, `〕${WJ}`],
  // 第2期, 第3名.
  [/第(?=\d)/g, `第${WJ}`],
  // A change “（50.0%→100.0%）”: figures are Western text, so LibreOffice saw the two rates and the
  // arrow as one word and, with “（” not ending and “）、” not starting a line, stretched the line
  // before it to half its width (measured). The line may break after the arrow, outside a figure.
  [/→(?!\u200B)/g, `→${ZWSP}`],
];

/** The text with WORD JOINERs at the edges of its figures (never between two digits). */
export function joinFigures(text: string): string {
  return JOINS.reduce((t, [pattern, by]) => t.replace(pattern, by), text);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Adds the Simplified Chinese line-start and line-end lists to word/settings.xml (Word and WPS
 * use them with their custom kinsoku). CT_Settings wants them before w:compat.
 */
export function patchLineBreakSettings(settingsXml: string): string {
  const lists = `<w:noLineBreaksAfter w:lang="zh-CN" w:val="${escapeXml(NOT_AT_LINE_END)}"/>`
    + `<w:noLineBreaksBefore w:lang="zh-CN" w:val="${escapeXml(NOT_AT_LINE_START)}"/>`;
  if (settingsXml.includes('<w:compat>')) return settingsXml.replace('<w:compat>', `${lists}<w:compat>`);
  return settingsXml.replace('</w:settings>', `${lists}</w:settings>`);
}

/**
 * A LibreOffice user profile's registrymodifications.xcu that sets the same lists for zh-CN.
 * Write it to `<profile>/user/registrymodifications.xcu` before `soffice
 * -env:UserInstallation=file://<profile>` converts a DOCX; LibreOffice fills in the rest.
 */
export const LIBREOFFICE_REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/AsianLayout/StartEndCharacters"><node oor:name="zh-CN" oor:op="replace"><prop oor:name="StartCharacters" oor:op="fuse"><value>${escapeXml(NOT_AT_LINE_START)}</value></prop><prop oor:name="EndCharacters" oor:op="fuse"><value>${escapeXml(NOT_AT_LINE_END)}</value></prop></node></item>
</oor:items>
`;

/** Where LIBREOFFICE_REGISTRY goes inside a profile directory. */
export const LIBREOFFICE_REGISTRY_PATH = 'user/registrymodifications.xcu';
