/**
 * Unit lists (牵头单位 / 责任单位 cells and closing unit parentheses): split into names written
 * as in the source, with open tails (等…/及…) and generic items reduced to a flag, and clauses
 * that are not units kept as notes. Names are never merged or repaired here: that is matching
 * (unit-names.ts), which needs the office's own unit catalogue.
 */
import { normSpaces } from './text-normalise.ts';

export interface UnitList {
  units: string[];
  /** True when the source says the list is not exhaustive (等…, 及相关…, a bare 市直相关单位). */
  open: boolean;
  /** Clauses from the cell that are not units, word for word (及相关事项责任单位, 以下均需…). */
  notes: string[];
  /** Boilerplate that applies to the whole plan (以下…不再单列, X（含…，下同）). */
  planNotes: string[];
}

const DUTY_TAIL = /(?:按职能职责分工负责|按职责分工负责|按职责分工落实|分工负责|按职责负责)$/;
const OPEN_TAIL = /等(?:(?:市直|省直|县直|区直)?(?:相关|有关|其他|其它)?(?:市直|省直|县直|区直)?(?:单位|部门|成员单位))?$/;
const AND_GROUP_TAIL = /及((?:相关|有关|各)[\p{Script=Han}]*)$/u;
const GENERIC_ITEM = /^(?:各)?(?:市直|省直|县直|区直)?(?:各)?(?:相关|有关)?(?:市直|省直|县直|区直)?(?:单位|部门)$/;
const SAME_BELOW = /^(.+?)[（(]([^（）()]*下同)[)）]$/;
const NOTE_CLAUSE = /(?:^|[，,；;。]\s*)(以下.*)$/u;

/** Splits on 、，, outside “…”, 《…》 and brackets (a unit name may hold `（金融办）`). */
export function splitOutsideBrackets(text: string, separators = /[、，,]/): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('“《（(〔[【'.includes(ch)) depth++;
    else if ('”》）)〕]】'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/** Parses one unit cell or parenthesis into units, the open flag and notes (see UnitList). */
export function parseUnitList(raw: string | null | undefined): UnitList {
  const result: UnitList = { units: [], open: false, notes: [], planNotes: [] };
  let text = raw == null ? '' : normSpaces(raw);
  const note = NOTE_CLAUSE.exec(text);
  if (note?.[1]) {
    result.notes.push(note[1]);
    result.planNotes.push(note[1]);
    text = text.slice(0, note.index);
  }
  for (const part of splitOutsideBrackets(text)) {
    const unit = cleanItem(part.trim(), result);
    if (unit !== null) result.units.push(unit);
  }
  return result;
}

function cleanItem(item: string, acc: UnitList): string | null {
  let name = item.replace(DUTY_TAIL, '').trim();
  const same = SAME_BELOW.exec(name);
  if (same?.[1]) {
    acc.planNotes.push(name);
    name = same[1];
  }
  const open = OPEN_TAIL.exec(name);
  if (open && open[0].length > 0) {
    acc.open = true;
    name = name.slice(0, open.index).trim();
  }
  const group = AND_GROUP_TAIL.exec(name);
  if (group && group.index > 0) {
    acc.open = true;
    acc.notes.push(group[0]);
    name = name.slice(0, group.index).trim();
  }
  if (name === '') return null;
  if (GENERIC_ITEM.test(name)) {
    acc.open = true;
    return null;
  }
  return name;
}
