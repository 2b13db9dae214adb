/**
 * Merged-cell resolution for one table segment (the part of a table on one page). Group values
 * (指标, 领导, 牵头单位, 年度目标, 二级指标) are copied down their group. Row values (责任单位,
 * 完成时限) are copied only when the segment shows the merged pattern — filled on the group's
 * first row, blank on all others; otherwise a blank under a filled cell is flagged as uncertain,
 * because some tables print identical values on every row and a blank then means "none".
 */
import type { SourceRef, TableCell } from '../document-model.ts';
import type { ColumnRole } from './table-columns.ts';
import type { RowCells } from './table-task.ts';

export interface SegmentRow {
  cells: RowCells;
  uncertain: string[];
  ref: SourceRef;
}

const GROUP_ROLES: ColumnRole[] = ['seq', 'indicator', 'leader', 'lead', 'annual_target'];
const ROW_ROLES: ColumnRole[] = ['responsible', 'deadline'];
const FLAG_ONLY_ROLES: ColumnRole[] = ['basis', 'remarks'];

/** Output field named by an uncertain role. */
export const FIELD_OF_ROLE: Partial<Record<string, string>> = {
  responsible: 'responsible_units',
  deadline: 'deadline',
  basis: 'basis',
  remarks: 'remarks',
};

/** Chinese name of an output field, for warnings people read. */
export const FIELD_LABEL: Partial<Record<string, string>> = {
  responsible_units: '责任单位',
  deadline: '完成时限',
  basis: '文件依据',
  remarks: '备注',
  text: '具体举措',
};

const blank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

function readRow(cells: TableCell[], roles: (ColumnRole | null)[], grid: TableCell[][]): RowCells {
  const out: RowCells = {};
  roles.forEach((role, col) => {
    if (!role) return;
    const cell = cells[col];
    if (!cell) return;
    const origin = cell.mergedFrom ? grid[cell.mergedFrom.row]?.[cell.mergedFrom.col] : undefined;
    const text = origin ? origin.text : cell.text;
    out[role] = out[role] && text ? `${out[role]}\n${text}` : (out[role] ?? text);
  });
  return out;
}

/** Resolves merged cells of one segment; `rows` are its body rows, `grid` the whole table they index. */
export function resolveSegment(rows: { cells: TableCell[]; ref: SourceRef }[], roles: (ColumnRole | null)[], grid: TableCell[][]): SegmentRow[] {
  const hasMergeInfo = rows.some((r) => r.cells.some((c) => c.mergedFrom !== undefined));
  const out: SegmentRow[] = rows.map((r) => ({ cells: readRow(r.cells, roles, grid), uncertain: [], ref: r.ref }));
  for (const group of groupsOf(out)) {
    propagate(group, GROUP_ROLES);
    propagateSub(group);
    if (hasMergeInfo) continue;
    for (const role of ROW_ROLES) {
      const filled = group.map((r) => !blank(r.cells[role]));
      const mergedPattern = group.length > 1 && filled[0] === true && filled.slice(1).every((f) => !f);
      if (mergedPattern) propagate(group, [role]);
      else flagBlanks(group, role);
    }
    for (const role of FLAG_ONLY_ROLES) flagBlanks(group, role);
  }
  return out;
}

function groupsOf(rows: SegmentRow[]): SegmentRow[][] {
  const groups: SegmentRow[][] = [];
  let key: string | null = null;
  for (const row of rows) {
    const k = [row.cells.seq, row.cells.indicator].map((v) => (v ?? '').trim()).join('|');
    if (groups.length === 0 || (k !== '|' && k !== key)) {
      groups.push([row]);
      key = k;
    } else groups.at(-1)?.push(row);
  }
  return groups;
}

function propagate(group: SegmentRow[], roles: ColumnRole[]): void {
  for (const role of roles) {
    let last: string | undefined;
    for (const row of group) {
      if (blank(row.cells[role])) {
        if (last !== undefined && role in row.cells) row.cells[role] = last;
      } else last = row.cells[role];
    }
  }
}

// A 二级指标 label holds until the next label, but not across indicators.
function propagateSub(group: SegmentRow[]): void {
  propagate(group, ['sub_indicator']);
}

function flagBlanks(group: SegmentRow[], role: ColumnRole): void {
  let seenFilled = false;
  for (const row of group) {
    if (!(role in row.cells)) continue;
    if (!blank(row.cells[role])) seenFilled = true;
    else if (seenFilled) row.uncertain.push(FIELD_OF_ROLE[role] ?? role);
  }
}
