/**
 * Layout: a 任务分工表 whose cells were flattened into one paragraph per cell (text copied out of a
 * web page or a PDF without ruling): a run of header words (序号 / 重点任务 / 牵头单位 / …), then
 * the cells row by row. The table is rebuilt as a grid and read by the responsibility-table
 * layout, so the column rules live in one place. Rows are found by the 序号 column counting 1, 2,
 * 3 … when the table has one (a lost empty cell then only affects its own row), else by width.
 */
import type { SourceDocument, Table, TableCell } from '../document-model.ts';
import type { DraftWarning, LayoutResult } from '../plan-draft.ts';
import { documentLines } from '../plan-metadata.ts';
import { parseResponsibilityTable } from './responsibility-table.layout.ts';
import { headerRole, headerRoles } from './table-columns.ts';

interface Line { text: string; line: number }

interface FlatTable {
  headerLine: number;
  rows: Line[][];
  warnings: DraftWarning[];
}

/** The first run of ≥ 3 header-word lines that names a task column. */
function headerRun(lines: readonly Line[]): { start: number; width: number } | null {
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j < lines.length && headerRole(lines[j]?.text.trim() ?? '') !== null) j++;
    if (j - i >= 3 && headerRoles(lines.slice(i, j).map((l) => l.text.trim()))) return { start: i, width: j - i };
    i = Math.max(i, j - 1);
  }
  return null;
}

const isSeq = (text: string, n: number): boolean => text.trim() === String(n);

function rowsBySeq(cells: readonly Line[], width: number): { rows: Line[][]; short: number[] } {
  const rows: Line[][] = [];
  const short: number[] = [];
  let i = 0;
  for (let n = 1; i < cells.length && isSeq(cells[i]?.text ?? '', n); n++) {
    let end = i + 1;
    while (end < cells.length && end - i < width && !isSeq(cells[end]?.text ?? '', n + 1)) end++;
    const row = cells.slice(i, end);
    if (row.length < width) short.push(n);
    rows.push(row);
    i = end;
  }
  return { rows, short };
}

function findFlatTable(doc: SourceDocument): FlatTable | null {
  // Only documents whose text is a line stream qualify: a real table arrives as a Table block.
  if (doc.blocks.some((b) => b.kind === 'table')) return null;
  const lines = documentLines(doc).filter((l) => l.text.trim() !== '');
  const head = headerRun(lines);
  if (!head) return null;
  const header = lines.slice(head.start, head.start + head.width);
  const cells = lines.slice(head.start + head.width);
  const seqFirst = headerRole(header[0]?.text.trim() ?? '') === 'seq';
  const warnings: DraftWarning[] = [];
  let rows: Line[][];
  if (seqFirst) {
    const found = rowsBySeq(cells, head.width);
    rows = found.rows;
    for (const n of found.short) warnings.push({ message: `分工表第${n}行的单元格少于表头列数，空白单元格的位置无法确定，请核对`, ref: { line: rows[n - 1]?.[0]?.line } });
  } else {
    rows = [];
    for (let i = 0; i + head.width <= cells.length; i += head.width) rows.push(cells.slice(i, i + head.width));
  }
  if (rows.length < 2) return null;
  return { headerLine: header[0]?.line ?? 1, rows: [header, ...rows], warnings };
}

/** True when the document is a flattened responsibility table. */
export function detectFlatTable(doc: SourceDocument): boolean {
  return findFlatTable(doc) !== null;
}

/** Rebuilds the grid and reads it as a responsibility table. */
export function parseFlatTable(doc: SourceDocument): LayoutResult {
  const flat = findFlatTable(doc);
  if (!flat) return { tasks: [], warnings: [], planNotes: [] };
  const width = flat.rows[0]?.length ?? 0;
  const grid: TableCell[][] = flat.rows.map((row) => Array.from({ length: width }, (_, c) => ({ text: row[c]?.text.trim() ?? '', ref: { line: row[c]?.line ?? row[0]?.line } })));
  const table: Table = { kind: 'table', rows: grid, ref: { line: flat.headerLine } };
  const result = parseResponsibilityTable({ ...doc, blocks: [table], lines: undefined });
  return { ...result, warnings: [...flat.warnings, ...result.warnings], bodyStartLine: flat.headerLine };
}
