/**
 * Layout (b): a responsibility table that reached us as PDF text, its cells broken into short
 * lines and interleaved (one row's cells follow each other, column by column). Recognised by a
 * repeated header of table words; rows are rebuilt by a state machine (line-stream-machine.ts).
 * Group cells (指标, 责任领导, 牵头单位, 年度目标, 二级指标) are printed once and copied to the
 * rows they span; row cells (责任单位, 完成时限, 文件依据) are not, because such tables print
 * identical values on each row — a blank there is flagged as uncertain instead.
 */
import type { SourceDocument } from '../document-model.ts';
import { parseUnitList } from '../../domain/unit-list.ts';
import { normSpaces } from '../../domain/text-normalise.ts';
import { documentLines } from '../plan-metadata.ts';
import type { DraftIndicator, DraftWarning, LayoutResult, TableTask } from '../plan-draft.ts';
import type { ColumnRole } from './table-columns.ts';
import { basisAndLabels, buildTableTask, parseIndicatorLabel, parseSubIndicatorLabel, type RowCells } from './table-task.ts';
import { stripFurniture, type StreamLine } from './line-stream-furniture.ts';
import { runLineStreamMachine, type StreamRow } from './line-stream-machine.ts';
import { FIELD_LABEL } from './table-merge.ts';

// Detection and parsing both need the furniture-free body; compute it once per document.
const STRIPPED = new WeakMap<SourceDocument, ReturnType<typeof stripFurniture>>();

function strippedBody(doc: SourceDocument): ReturnType<typeof stripFurniture> {
  if (!STRIPPED.has(doc)) STRIPPED.set(doc, stripFurniture(documentLines(doc).filter((l) => l.text.trim() !== '')));
  return STRIPPED.get(doc) ?? null;
}

/** True when the document's lines hold a repeated responsibility-table header and numbered tasks. */
export function detectLineStreamTable(doc: SourceDocument): boolean {
  const stripped = strippedBody(doc);
  return stripped !== null && stripped.body.some((l) => /^\s*1\s*[.．]\S/.test(l.text));
}

const join = (lines: StreamLine[] | undefined): string => (lines ?? []).map((l) => l.text).join('\n');

interface SubState {
  responsible: boolean;
  deadline: boolean;
  /** What the nearest 文件依据 above held: documents, only a label, or nothing yet. */
  basis: 'basis' | 'remarks' | null;
}

/** Reads a line-stream table into indicators and tasks. */
export function parseLineStreamTable(doc: SourceDocument): LayoutResult {
  const stripped = strippedBody(doc);
  if (!stripped) return { tasks: [], warnings: [], planNotes: [] };
  const columns = new Set<ColumnRole>(stripped.order);
  const { rows, dropped } = runLineStreamMachine(stripped.order, stripped.body);
  const warnings: DraftWarning[] = dropped.map((l) => ({ message: `无法归入任何表格列的文字“${l.text.trim()}”，已忽略`, ref: { line: l.line } }));
  const indicators: DraftIndicator[] = [];
  const tasks: TableTask[] = [];
  const planNotes: string[] = [];
  let indicator: DraftIndicator | null = null;
  let group: RowCells = {};
  let sub = { code: null as string | null, name: null as string | null };
  let subState: SubState = { responsible: false, deadline: false, basis: null };
  for (const row of rows) {
    if (row.opensIndicator !== null) {
      const label = parseIndicatorLabel(join(row.cells.indicator));
      group = { leader: join(row.cells.leader), lead: join(row.cells.lead), annual_target: join(row.cells.annual_target) };
      indicator = {
        seq: label.seq ?? row.opensIndicator,
        name: label.name,
        scope: label.scope,
        leader: normSpaces(group.leader ?? '') || null,
        lead_units: parseUnitList(group.lead).units,
        annual_target: normSpaces(group.annual_target ?? '') || null,
      };
      indicators.push(indicator);
    }
    if (row.cells.sub_indicator) {
      const parsed = parseSubIndicatorLabel(join(row.cells.sub_indicator));
      sub = { code: parsed.code, name: parsed.name };
      subState = { responsible: false, deadline: false, basis: null };
    }
    if (!row.cells.text) {
      if (row.cells.responsible || row.cells.basis) warnings.push({ message: '表格行没有具体举措，已跳过', ref: { line: row.firstLine } });
      continue;
    }
    const cells: RowCells = { ...group, text: join(row.cells.text), responsible: join(row.cells.responsible), deadline: join(row.cells.deadline), basis: join(row.cells.basis), remarks: join(row.cells.remarks) };
    const uncertain = uncertainFields(row, cells, subState);
    const text = cells.text ?? '';
    const seq = Number(/^\s*(\d+)/.exec(text)?.[1] ?? tasks.length + 1);
    const built = buildTableTask(cells, { seq, indicatorSeq: indicator?.seq ?? null, indicator: indicator?.name ?? null, subCode: sub.code, subName: sub.name, columns, uncertain });
    planNotes.push(...built.planNotes);
    for (const field of uncertain) warnings.push({ message: `第${seq}项任务的“${FIELD_LABEL[field] ?? field}”无法确定（可能是合并单元格或错位）`, ref: { line: row.firstLine } });
    tasks.push(built.task);
  }
  return { indicators, tasks, warnings, planNotes, bodyStartLine: stripped.start };
}

// A blank row cell is doubtful when an earlier row of the same 二级指标 had that cell filled.
function uncertainFields(row: StreamRow, cells: RowCells, state: SubState): string[] {
  const out: string[] = [];
  if (row.textTooWide) out.push('text');
  const has = (v: string | undefined): boolean => normSpaces(v ?? '') !== '';
  if (has(cells.responsible)) state.responsible = true;
  else if (state.responsible) out.push('responsible_units');
  if (has(cells.deadline)) state.deadline = true;
  else if (state.deadline) out.push('deadline');
  if (has(cells.basis)) {
    state.basis = basisAndLabels(cells.basis).basis.length > 0 ? 'basis' : 'remarks';
  } else if (state.basis) out.push(state.basis);
  return out;
}
