/**
 * Layout (a): responsibility tables (责任分工表) given as Table blocks — Markdown/TSV, DOCX, XLSX
 * or PDF tables. Columns are found by header words in any order or subset. A table split over
 * pages repeats its header and often the first row's group values; merged cells arrive either as
 * `mergedFrom` (DOCX/XLSX) or as blanks under a filled cell (text tables).
 */
import type { SourceDocument, Table, TableCell } from '../document-model.ts';
import { normSpaces } from '../../domain/text-normalise.ts';
import { parseUnitList } from '../../domain/unit-list.ts';
import type { DraftIndicator, DraftWarning, LayoutResult, TableTask } from '../plan-draft.ts';
import { headerRoles, type ColumnRole } from './table-columns.ts';
import { buildTableTask, leadingTaskNumber, parseIndicatorLabel, parseSubIndicatorLabel, type RowCells } from './table-task.ts';
import { FIELD_LABEL, resolveSegment, type SegmentRow } from './table-merge.ts';
import { sectionRowHeading } from './table-sections.ts';

interface Segment {
  roles: (ColumnRole | null)[];
  rows: { cells: TableCell[]; ref: SegmentRow['ref'] }[];
  /** The whole table, because `mergedFrom` indexes its rows (header included). */
  grid: TableCell[][];
}

/** Finds responsibility-table segments (one per Table block with a recognised header). */
function findSegments(doc: SourceDocument): Segment[] {
  const segments: Segment[] = [];
  let lastRoles: (ColumnRole | null)[] | null = null;
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    const { roles, bodyStart } = headerOf(block, lastRoles);
    if (!roles) continue;
    lastRoles = roles;
    const rows = block.rows.slice(bodyStart).filter((r) => !isHeaderRow(r)).map((cells) => ({ cells, ref: cells[0]?.ref ?? block.ref }));
    if (rows.length > 0) segments.push({ roles, rows, grid: block.rows });
  }
  return segments;
}

function headerOf(table: Table, previous: (ColumnRole | null)[] | null): { roles: (ColumnRole | null)[] | null; bodyStart: number } {
  for (let i = 0; i < Math.min(3, table.rows.length); i++) {
    const roles = headerRoles((table.rows[i] ?? []).map((c) => c.text));
    if (roles) return { roles, bodyStart: i + 1 };
  }
  // A page continuation without its own header keeps the previous columns when the width matches.
  if (previous && table.rows[0]?.length === previous.length) return { roles: previous, bodyStart: 0 };
  return { roles: null, bodyStart: 0 };
}

function isHeaderRow(cells: TableCell[]): boolean {
  return headerRoles(cells.map((c) => c.text)) !== null;
}

/** True when the document holds at least one responsibility table. */
export function detectResponsibilityTable(doc: SourceDocument): boolean {
  return findSegments(doc).length > 0;
}

interface IndicatorState {
  seq: number;
  name: string;
  entry: DraftIndicator;
}

/** Reads all responsibility-table segments into indicators and tasks. */
export function parseResponsibilityTable(doc: SourceDocument): LayoutResult {
  const segments = findSegments(doc);
  const columns = new Set(segments.flatMap((s) => s.roles.filter((r): r is ColumnRole => r !== null)));
  const warnings: DraftWarning[] = [];
  const planNotes: string[] = [];
  const tasks: TableTask[] = [];
  const indicators = new Map<number, IndicatorState>();
  let current: IndicatorState | null = null;
  let sub: { code: string | null; name: string } | null = null;
  // A 序号 column that restarts per section gives repeated numbers: tasks are then numbered in order.
  let lastSeq = 0;
  let restarted = false;
  for (const segment of segments) {
    const resolved = resolveSegment(segment.rows, segment.roles, segment.grid);
    for (const row of resolved) {
      const heading = columns.has('indicator') ? null : sectionRowHeading(row.cells);
      if (heading) {
        const seq = heading.seq ?? indicators.size + 1;
        current = indicators.get(seq) ?? { seq, name: heading.name, entry: { seq, name: heading.name, aliases: [], lead_units: [] } };
        indicators.set(seq, current);
        sub = null;
        continue;
      }
      const text = row.cells.text ?? '';
      if (normSpaces(text) === '') {
        if (Object.values(row.cells).some((v) => normSpaces(v ?? '') !== '')) {
          warnings.push({ message: '表格行没有任务内容，已跳过', ref: row.ref });
        }
        continue;
      }
      current = indicatorFor(row.cells, indicators, current, columns);
      if (row.cells.sub_indicator !== undefined) sub = normSpaces(row.cells.sub_indicator) ? parseSubIndicatorLabel(row.cells.sub_indicator) : sub;
      const printed = leadingTaskNumber(text);
      const seq = printed ?? (columns.has('indicator') ? tasks.length + 1 : seqFromColumn(row.cells) ?? tasks.length + 1);
      restarted ||= seq <= lastSeq;
      lastSeq = seq;
      const { task, planNotes: notes } = buildTableTask(row.cells, {
        seq,
        indicatorSeq: current?.seq ?? null,
        indicator: current?.name ?? null,
        subCode: sub?.code ?? null,
        subName: sub?.name ?? null,
        columns,
        uncertain: [...row.uncertain],
      });
      planNotes.push(...notes);
      for (const field of row.uncertain) {
        warnings.push({ message: `第${seq}项任务的“${FIELD_LABEL[field] ?? field}”为空，上方同组行有值，可能是合并单元格`, ref: row.ref });
      }
      tasks.push(task);
    }
  }
  if (restarted) tasks.forEach((t, i) => { t.seq = i + 1; });
  return { indicators: [...indicators.values()].map((s) => s.entry), tasks, warnings, planNotes };
}

function seqFromColumn(cells: RowCells): number | null {
  const n = Number(normSpaces(cells.seq ?? ''));
  return Number.isInteger(n) && n > 0 ? n : null;
}

function indicatorFor(
  cells: RowCells,
  indicators: Map<number, IndicatorState>,
  current: IndicatorState | null,
  columns: ReadonlySet<ColumnRole>,
): IndicatorState | null {
  const label = normSpaces(cells.indicator ?? '');
  if (label === '' && !columns.has('indicator')) return current;
  const parsed = parseIndicatorLabel(label);
  const seq = seqFromColumn(cells) ?? parsed.seq ?? (label === current?.name || label === '' ? current?.seq : undefined) ?? indicators.size + 1;
  const known = indicators.get(seq);
  if (known) {
    if (parsed.name !== '' && parsed.name !== known.name && !known.entry.aliases?.includes(parsed.name)) known.entry.aliases?.push(parsed.name);
    return known;
  }
  const lead = parseUnitList(cells.lead);
  const responsible = parseUnitList(cells.responsible);
  // Shape follows the table: a leader/target table summarises those, a plain one its unit lists.
  const entry: DraftIndicator = {
    seq,
    name: parsed.name,
    aliases: [],
    ...(parsed.scope !== null ? { scope: parsed.scope } : {}),
    ...(columns.has('leader') ? { leader: normSpaces(cells.leader ?? '') || null } : {}),
    lead_units: lead.units,
    ...(!columns.has('leader') && columns.has('responsible') ? { responsible_units: responsible.units, responsible_units_open: responsible.open } : {}),
    ...(columns.has('annual_target') ? { annual_target: normSpaces(cells.annual_target ?? '') || null } : {}),
  };
  const state = { seq, name: parsed.name, entry };
  indicators.set(seq, state);
  return state;
}
