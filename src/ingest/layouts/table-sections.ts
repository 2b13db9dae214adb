/**
 * Section rows inside a task table (`一、开办企业` between task rows, usually merged across the
 * table): they group the rows below them like an indicator column would, and they are not tasks.
 */
import { normSpaces } from '../../domain/text-normalise.ts';
import { readNumbering } from './numbering.ts';
import type { RowCells } from './table-task.ts';

export interface SectionHeading {
  seq: number | null;
  name: string;
}

/**
 * The heading a row carries when it is a section row: one text over the whole row (a merged row
 * resolves to the same text in every column), or a single cell numbered `一、`.
 */
export function sectionRowHeading(cells: RowCells): SectionHeading | null {
  const values = Object.values(cells).map((v) => normSpaces(v ?? '')).filter((v) => v !== '');
  const distinct = new Set(values);
  if (distinct.size !== 1) return null;
  const text = values[0] ?? '';
  const n = readNumbering(text);
  const numbered = n?.style === 'cn-comma';
  if (values.length < 2 && !numbered) return null;
  // A merged row of long prose is a note under the table, not a heading.
  if (!numbered && text.length > 30) return null;
  return numbered && n ? { seq: n.value, name: normSpaces(n.rest) } : { seq: null, name: text };
}
