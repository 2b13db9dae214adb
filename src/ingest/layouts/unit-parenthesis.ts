/**
 * The unit parenthesis that closes a prose task: `（省发展改革委、…等按职责分工负责）`,
 * `（责任部门：…）`, `（牵头单位：…；责任单位：…）`, `（责任单位：…。时间节点：2025年3月）`.
 */
import { parseDeadline, type Deadline } from '../../domain/deadline.ts';
import { parseUnitList } from '../../domain/unit-list.ts';

export interface UnitParenthesis {
  /** Offset in the task text where the parenthesis starts (the text ends before it). */
  start: number;
  units: string[];
  /** Units explicitly labelled 牵头, when the parenthesis separates them. */
  lead: string[] | null;
  open: boolean;
  notes: string[];
  planNotes: string[];
  deadline: Deadline | null;
}

const LABELLED = /(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|参与单位|时间节点|完成时限|完成时间)\s*[：:]/g;
const UNITISH = /(?:负责|牵头|配合|落实)$|(?:局|委|厅|办|院|中心|政府|公司|集团|海关|分行|支行|银行|法院|检察院|管委会|部|处|室|站|所|会)(?:等)?$/;

/** Finds the final parenthesis of a task text (full- or half-width or 〔〕, one level of nesting). */
function finalParenthesis(text: string): { start: number; inner: string } | null {
  const trimmed = text.replace(/[\s。；;]+$/u, '');
  if (!/[)）〕]$/.test(trimmed)) return null;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i];
    if (ch === ')' || ch === '）' || ch === '〕') depth++;
    else if (ch === '(' || ch === '（' || ch === '〔') {
      depth--;
      if (depth === 0) return { start: i, inner: trimmed.slice(i + 1, -1) };
    }
  }
  return null;
}

/** Parses the closing unit parenthesis of a task, or null when the text has none. */
export function readUnitParenthesis(text: string): UnitParenthesis | null {
  const paren = finalParenthesis(text);
  if (!paren) return null;
  const inner = paren.inner.trim();
  const labelled = [...inner.matchAll(LABELLED)];
  if (labelled.length > 0) return labelledParts(inner, labelled, paren.start);
  const result = emptyResult(paren.start);
  addUnlabelled(result, inner);
  const looksLikeUnits = /负责|牵头/.test(inner) || (result.units.length > 0 && result.units.every((u) => UNITISH.test(u)));
  if (!looksLikeUnits) return null;
  return result;
}

function emptyResult(start: number): UnitParenthesis {
  return { start, units: [], lead: null, open: false, notes: [], planNotes: [], deadline: null };
}

// A deadline written after the units in the same part: `…，2025年6月底前完成`, `…，2025年全年`.
const TRAILING_DEADLINE = /[，,；;]\s*((?:\d{4}\s*年)?[^，,；;、]*?(?:\d{1,2}\s*月|年)[^，,；;、]*|长期坚持|持续推进)$/u;

/** Adds one part's units (and a deadline written at its end) to the result. */
function addUnits(result: UnitParenthesis, raw: string, lead: boolean): void {
  let value = raw.replace(/[。；;，,\s]+$/u, '');
  const due = TRAILING_DEADLINE.exec(value);
  if (due?.[1] && /\d|长期|持续|年底|年内|年末|上半年|下半年/.test(due[1])) {
    result.deadline = parseDeadline(due[1].replace(/\s*完成$/u, ''));
    value = value.slice(0, due.index);
  }
  const list = parseUnitList(value);
  if (lead) result.lead = [...(result.lead ?? []), ...list.units];
  result.units.push(...list.units);
  result.open ||= list.open;
  result.notes.push(...list.notes);
  result.planNotes.push(...list.planNotes);
}

/** Units without labels; `X牵头，Y按职责分工负责` names the lead units by the word 牵头. */
function addUnlabelled(result: UnitParenthesis, raw: string): void {
  const led = /^([^，,；;]+?)牵头[，,；;]\s*(.*)$/u.exec(raw.trim());
  if (led?.[1] !== undefined) {
    addUnits(result, led[1], true);
    if ((led[2] ?? '').trim() !== '') addUnits(result, led[2] ?? '', false);
    return;
  }
  addUnits(result, raw, false);
}

function labelledParts(inner: string, labels: RegExpMatchArray[], start: number): UnitParenthesis {
  const result = emptyResult(start);
  // Units written before the first label: `（市数据局牵头，…按职责分工负责；时间节点：2025年9月）`.
  const prefix = inner.slice(0, labels[0]?.index ?? 0).replace(/[。；;，,\s]+$/u, '');
  if (prefix.trim() !== '') addUnlabelled(result, prefix);
  labels.forEach((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = labels[i + 1]?.index ?? inner.length;
    const value = inner.slice(from, to).replace(/[。；;，,\s]+$/u, '');
    const label = m[1] ?? '';
    if (/时间|时限/.test(label)) {
      result.deadline = parseDeadline(value.replace(/\s*完成$/u, ''));
      return;
    }
    addUnits(result, value, /牵头/.test(label));
  });
  return result;
}
