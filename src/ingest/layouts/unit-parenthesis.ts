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

/** Finds the final parenthesis of a task text (full- or half-width, one level of nesting). */
function finalParenthesis(text: string): { start: number; inner: string } | null {
  const trimmed = text.replace(/[\s。；;]+$/u, '');
  if (!/[)）]$/.test(trimmed)) return null;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i];
    if (ch === ')' || ch === '）') depth++;
    else if (ch === '(' || ch === '（') {
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
  const list = parseUnitList(inner);
  const looksLikeUnits = /负责|牵头/.test(inner) || (list.units.length > 0 && list.units.every((u) => UNITISH.test(u)));
  if (!looksLikeUnits) return null;
  return { start: paren.start, units: list.units, lead: null, open: list.open, notes: list.notes, planNotes: list.planNotes, deadline: null };
}

function labelledParts(inner: string, labels: RegExpMatchArray[], start: number): UnitParenthesis {
  const result: UnitParenthesis = { start, units: [], lead: null, open: false, notes: [], planNotes: [], deadline: null };
  labels.forEach((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = labels[i + 1]?.index ?? inner.length;
    const value = inner.slice(from, to).replace(/[。；;，,\s]+$/u, '');
    const label = m[1] ?? '';
    if (/时间|时限/.test(label)) {
      result.deadline = parseDeadline(value);
      return;
    }
    const list = parseUnitList(value);
    if (/牵头/.test(label)) result.lead = [...(result.lead ?? []), ...list.units];
    result.units.push(...list.units);
    result.open ||= list.open;
    result.notes.push(...list.notes);
    result.planNotes.push(...list.planNotes);
  });
  return result;
}
