/**
 * Turns the resolved cells of one responsibility-table row into a task with the field rules of
 * the gold conventions. Used by both table layouts so a DOCX table and the PDF line stream of the
 * same table give the same fields.
 */
import { basisFromCitation, splitCitations } from '../../domain/doc-number.ts';
import { parseDeadline } from '../../domain/deadline.ts';
import { normSpaces } from '../../domain/text-normalise.ts';
import { parseUnitList } from '../../domain/unit-list.ts';
import type { TableTask } from '../plan-draft.ts';
import type { ColumnRole } from './table-columns.ts';

/** Cell texts of one row by role (multi-line cells keep their `\n`), after merged cells are resolved. */
export type RowCells = Partial<Record<ColumnRole, string>>;

export interface TaskContext {
  seq: number;
  indicatorSeq: number | null;
  indicator: string | null;
  subCode: string | null;
  subName: string | null;
  /** Which roles the table has: decides the task's shape (rich fields with leader/basis/二级指标, or the plain ones). */
  columns: ReadonlySet<ColumnRole>;
  uncertain: string[];
}

const TASK_NUMBER = /^\s*(\d+)\s*[.．、](?!\d)\s*/;
// 创新任务 / 重点任务 are labels printed in the 文件依据 column of some tables; they are remarks.
const LABEL = /^(创新任务|重点任务|试点任务|新增任务)$/;

/** The number printed at the start of a task cell (`12.推进…` → 12), or null. */
export function leadingTaskNumber(text: string): number | null {
  const m = TASK_NUMBER.exec(text);
  return m ? Number(m[1]) : null;
}

/** Task text without its leading number, whitespace-normalised. */
export function taskText(raw: string): string {
  return normSpaces(raw).replace(TASK_NUMBER, '');
}

/** Splits a 文件依据 cell into basis entries and remark labels. */
export function basisAndLabels(raw: string | undefined): { basis: string[]; labels: string[] } {
  const lines = (raw ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const labels = lines.map((l) => normSpaces(l)).filter((l) => LABEL.test(l));
  const citationLines = lines.filter((l) => !LABEL.test(normSpaces(l)));
  const benchmark = citationLines.length > 0 && /^对标/.test(normSpaces(citationLines[0] ?? ''));
  const basis = splitCitations(citationLines).flatMap((c) => basisFromCitation(c, benchmark));
  return { basis, labels };
}

function nullable(raw: string | undefined): string | null {
  const t = normSpaces(raw ?? '');
  return t === '' ? null : t;
}

/** Builds one task; fields follow the table's columns (a leader/basis/二级指标 table gives the rich shape). */
export function buildTableTask(cells: RowCells, ctx: TaskContext): { task: TableTask; planNotes: string[] } {
  const responsible = parseUnitList(cells.responsible);
  const lead = parseUnitList(cells.lead);
  const deadline = parseDeadline(cells.deadline);
  const rich = ctx.columns.has('leader') || ctx.columns.has('basis') || ctx.columns.has('sub_indicator');
  const base = { seq: ctx.seq, indicator_seq: ctx.indicatorSeq, indicator: ctx.indicator };
  if (!rich) {
    const task: TableTask = {
      ...base,
      text: taskText(cells.text ?? ''),
      ...deadline,
      lead_units: lead.units,
      responsible_units: responsible.units,
      responsible_units_open: responsible.open,
      targets: [],
      uncertain: ctx.uncertain,
    };
    return { task, planNotes: responsible.planNotes };
  }
  const { basis, labels } = basisAndLabels(cells.basis);
  const remarks = [...labels, ...(nullable(cells.remarks) ? [nullable(cells.remarks) ?? ''] : [])];
  const task: TableTask = {
    ...base,
    sub_indicator_code: ctx.subCode,
    sub_indicator: ctx.subName,
    text: taskText(cells.text ?? ''),
    leader: nullable(cells.leader),
    lead_units: lead.units,
    responsible_units: responsible.units,
    responsible_units_open: responsible.open,
    ...deadline,
    annual_target: nullable(cells.annual_target),
    basis,
    remarks: remarks.length > 0 ? remarks.join('；') : null,
    targets: [],
    uncertain: ctx.uncertain,
  };
  return { task, planNotes: responsible.planNotes };
}

const INDICATOR_LABEL = /^\s*(\d+)\s*[.．、]\s*(.*?)\s*(?:[（(]([^（）()]*)[)）])?\s*$/s;

/** Splits an indicator label `1.开办企业（市本级、县市区评价指标）` into seq, name and scope. */
export function parseIndicatorLabel(raw: string): { seq: number | null; name: string; scope: string | null } {
  const text = normSpaces(raw);
  const m = INDICATOR_LABEL.exec(text);
  if (m) return { seq: Number(m[1]), name: m[2] ?? '', scope: m[3] ?? null };
  const scoped = /^(.*?)[（(]([^（）()]*)[)）]$/.exec(text);
  if (scoped) return { seq: null, name: scoped[1] ?? '', scope: scoped[2] ?? null };
  return { seq: null, name: text, scope: null };
}

/** Splits a 二级指标 label `1.1 提升开办企业便利度` into code and name (the name keeps a final `。`). */
export function parseSubIndicatorLabel(raw: string): { code: string | null; name: string } {
  const text = normSpaces(raw);
  const m = /^(\d+\.\d+)\s*(.*)$/s.exec(text);
  return m ? { code: m[1] ?? null, name: m[2] ?? '' } : { code: null, name: text };
}
