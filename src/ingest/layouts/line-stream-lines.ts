/**
 * Line predicates for the line-stream table layout: what a physical line of PDF text can be
 * when the cells of a responsibility table were broken into short lines and interleaved. Each
 * predicate reads the content only; the state machine decides with the column it is in.
 */
import { normSpaces } from '../../domain/text-normalise.ts';
import { headerRole } from './table-columns.ts';

/** `N.` / `N．` at the start of a line (not `N.M`), with the rest. */
export function numberedStart(line: string): { n: number; rest: string } | null {
  const m = /^\s*(\d{1,3})\s*[.．](?![\d])\s*(.*)$/.exec(line);
  return m ? { n: Number(m[1]), rest: m[2] ?? '' } : null;
}

/** `N.M label` (二级指标 code) at the start of a line. */
export function subIndicatorStart(line: string): { major: number; minor: number } | null {
  const m = /^\s*(\d{1,2})\s*[.．]\s*(\d{1,2})(?!\d)\s*(?![号个%])\S/.exec(line);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : null;
}

export const isDeadlineYear = (l: string): boolean => /^\s*\d{4}\s*年\s*(?:\d{1,2}\s*月\s*(?:底|前|底前)?)?\s*$/.test(l);
export const isDeadlineMonth = (l: string): boolean => /^\s*\d{1,2}\s*月\s*(?:底|前|底前)?\s*$/.test(l);
/** Annual targets are ranks in the provincial evaluation (前5名, 第3名, 进入前列…). */
export const isAnnualTarget = (l: string): boolean => /^\s*(?:前\s*\d+\s*名|第\s*\d+\s*名|前\s*\d+\s*位|\d+\s*名以内|进入前列|保持前列)\s*$/.test(l);
/** Labels some tables print in the 文件依据 column. */
export const isTaskLabel = (l: string): boolean => /^\s*(?:创新任务|重点任务|试点任务|新增任务)\s*$/.test(l);
/** A narrow 备注 column breaks text every three characters and the extraction spaces them out. */
export const isSpacedRemark = (l: string): boolean => /^\s*[\p{Script=Han}](?:\s+[\p{Script=Han}]){1,3}\s*$/u.test(l);
export const isPageNumber = (l: string): boolean => /^\s*[—–-]+\s*\d{1,4}\s*[—–-]+\s*$/.test(l);

const UNIT_END = /(?:局|委|办|院|行|司|心|会|队|所|站|处|室|厅|部|组|府|位|门|关|团|联|社|署|台|园|区)[、，,]?$/;
const UNIT_START = /^(?:市|省|县|区|国网|国家|人民银行|中国|各|[\p{Script=Han}]{2}(?:海关|银保监|供电|燃气|水务|经开区|高新区))/u;

/** Looks like a line of a unit list (牵头单位 / 责任单位). */
export function isUnitLike(line: string): boolean {
  const t = normSpaces(line);
  if (t === '' || /[。；：]/.test(t.slice(0, -1))) return false;
  if (t.includes('、') && !/[“”《》]/.test(t)) {
    // Every name but the line's broken ends must look like a unit: `涉及换证、异议、查封` is text.
    const inner = t.split('、').slice(1, -1);
    const items = inner.length > 0 ? inner : t.split('、').filter((x) => x !== '');
    return items.some((x) => UNIT_END.test(x) || UNIT_START.test(x));
  }
  return UNIT_START.test(t) && (UNIT_END.test(t) || /等市直|相关单|按职责/.test(t));
}

const CITATION_OPENER = /^(?:《|<|关于|中共|国务院|国家|对标|[\p{Script=Han}]{1,6}(?:省|市|自治区)(?:人民政府|政府|委员会|办公厅|[\p{Script=Han}]{0,8}(?:厅|局|委|办|部|院|会)(?:等[\p{Script=Han}]*部门)?关于)|[\p{Script=Han}]{2,10}(?:总局|部|委员会|厅|局)(?:等[\p{Script=Han}]*部门)?关于)/u;

/** Starts the way unit names start (市…, 省…, 国网…, 人民银行…). */
export function startsLikeUnit(line: string): boolean {
  return UNIT_START.test(normSpaces(line));
}

/** Looks like the first line of a 文件依据 citation (numbered or not). */
export function isCitationStart(line: string): boolean {
  const t = normSpaces(line);
  const numbered = numberedStart(t);
  const rest = numbered ? numbered.rest : t;
  return CITATION_OPENER.test(rest) || /《.*》|〔\d{4}/.test(rest);
}

/** A person's name as printed in a 责任领导 cell: two or three Han characters, nothing else. */
export function isPersonName(token: string): boolean {
  return /^[\p{Script=Han}]{2,3}$/u.test(token) && !UNIT_END.test(token) && !/[市省县区等和及与的]/.test(token);
}

/** True for a line that only holds header words (a repeated page header, possibly cut). */
export function isHeaderFragmentLine(line: string): boolean {
  if (line.length > 24 || isTaskLabel(line)) return false;
  const tokens = line.trim().split(/\s+/);
  return tokens.length > 0 && tokens.every((t) => HEADER_PIECES.has(t) || headerRole(t) !== null);
}

/** True for a line holding at least one complete header word. */
export function hasFullHeaderWord(line: string): boolean {
  return line.trim().split(/\s+/).some((t) => headerRole(t) !== null && t.length >= 2 && !['指标', '依据', '说明'].includes(t));
}

// Pieces of header words that a cell break leaves on a line of their own.
const HEADER_PIECES = new Set(['一级', '指标', '二级', '责任', '领导', '导', '牵头', '单位', '完成', '时限', '时', '限', '年度', '目标', '文件', '依据', '备', '注', '序号', '具体', '举措']);

