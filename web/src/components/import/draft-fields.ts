// Pure helpers over an import draft (snake_case, as the gold files): which cells are uncertain, how a
// warning points into the source and at a task, labels for targets and diff fields.
import type { Draft, DraftTarget, DraftTask, WarningRef } from '../../api/imports.ts';
import type { TaskColumnKey } from '../../lib/task-fields.ts';
import { targetBound } from '../../../../src/domain/labels.ts';

/** Editable / shown columns of the preview table: the plan page's columns plus the targets. */
export type DraftColumn = TaskColumnKey | 'targets';

/** The named fields of a type, without the index signature a loose (unknown keys kept) schema adds. */
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** The draft fields each column shows (the engine names uncertain fields in snake_case); each is a field of the one draft schema. */
export const DRAFT_COLUMN_FIELDS: Record<DraftColumn, string[]> = ({
  indicator: ['indicator', 'indicator_seq', 'section_seq'],
  subIndicator: ['sub_indicator', 'sub_indicator_code'],
  text: ['text'],
  leader: ['leader'],
  leadUnits: ['lead_units', 'units'],
  responsibleUnits: ['responsible_units', 'responsible_units_open', 'units'],
  deadline: ['deadline', 'deadline_raw'],
  annualTarget: ['annual_target'],
  basis: ['basis'],
  remarks: ['remarks'],
  targets: ['targets'],
} satisfies Record<DraftColumn, NamedKeys<DraftTask>[]>);

/** Chinese names of draft fields, for warnings, errors and the diff. */
export const FIELD_LABELS: Record<string, string> = {
  seq: '序号',
  indicatorSeq: '一级指标',
  indicator_seq: '一级指标',
  section_seq: '部分',
  subIndicatorCode: '二级指标编号',
  sub_indicator_code: '二级指标编号',
  subIndicator: '二级指标',
  sub_indicator: '二级指标',
  text: '具体举措',
  leader: '责任领导',
  leadUnits: '牵头单位',
  lead_units: '牵头单位',
  responsibleUnits: '责任单位',
  responsible_units: '责任单位',
  responsibleUnitsOpen: '责任单位（等相关单位）',
  responsible_units_open: '责任单位（等相关单位）',
  units: '责任单位',
  deadline: '完成时限',
  deadlineRaw: '完成时限（原文）',
  deadline_raw: '完成时限（原文）',
  annualTarget: '年度目标',
  annual_target: '年度目标',
  basis: '文件依据',
  remarks: '备注',
  notes: '说明',
  targets: '量化目标',
  title: '方案标题',
  issuer: '发文单位',
  doc_number: '文号',
  issued_on: '印发日期',
  region: '区域',
  year: '年度',
  responsible_units_note: '责任单位说明',
};

export function isFieldUncertain(task: DraftTask, column: DraftColumn): boolean {
  const fields = DRAFT_COLUMN_FIELDS[column];
  return (task.uncertain ?? []).some((f) => fields.includes(f));
}

/** After the reviewer edits a cell, its doubt is resolved: drop the column's fields from `uncertain`. */
export function clearUncertain(task: DraftTask, column: DraftColumn): string[] {
  const fields = DRAFT_COLUMN_FIELDS[column];
  // 'units' covers both unit columns; editing either one settles it.
  return (task.uncertain ?? []).filter((f) => !fields.includes(f));
}

/** 第 3 页 · 第 12 行 / 工作表 Sheet1 第 5 行 / 第 596 行. */
export function positionLabel(ref: WarningRef): string {
  const parts: string[] = [];
  if (typeof ref.sheet === 'string' && ref.sheet) parts.push(`工作表“${ref.sheet}”`);
  if (typeof ref.page === 'number') parts.push(`第 ${ref.page} 页`);
  if (typeof ref.row === 'number') parts.push(`第 ${ref.row} 行`);
  else if (typeof ref.line === 'number') parts.push(`第 ${ref.line} 行`);
  return parts.join(' · ');
}

/** The task a warning concerns: 第17项任务 … (table plans) or 任务（三）… (prose plans), or a ref.task / ref.seq. */
export function warningTaskSeq(message: string, ref: WarningRef, tasks: DraftTask[]): number | undefined {
  for (const key of ['task', 'seq', 'taskSeq']) {
    const value = ref[key];
    if (typeof value === 'number' && tasks.some((t) => t.seq === value)) return value;
  }
  const numbered = /第\s*(\d+)\s*项任务/.exec(message);
  if (numbered) {
    const seq = Number(numbered[1]);
    if (tasks.some((t) => t.seq === seq)) return seq;
  }
  const cn = /任务(（[一二三四五六七八九十百零〇]+）)/.exec(message);
  if (cn) return tasks.find((t) => t.seq_cn === cn[1])?.seq;
  return undefined;
}

/** 2022-07 from the plan's words 2022年7月 / 2022 年 7 月底前 / 2022年底; null if there is no date. */
export function deadlineFromRaw(raw: string): string | null {
  const text = raw.replace(/\s+/g, '');
  const iso = /^(\d{4})(?:-(\d{1,2}))?$/.exec(text);
  if (iso) return iso[2] ? `${iso[1]}-${iso[2].padStart(2, '0')}` : (iso[1] ?? null);
  const months = [...text.matchAll(/(\d{4})年(\d{1,2})月/g)];
  const last = months.at(-1);
  if (last?.[1] && last[2]) return `${last[1]}-${last[2].padStart(2, '0')}`;
  const yearEnd = /(\d{4})年(?:底|末|12月)/.exec(text);
  if (yearEnd?.[1]) return `${yearEnd[1]}-12`;
  const year = /(\d{4})年/.exec(text);
  return year?.[1] ?? null;
}

/** 网上办理占比 ≥ 80% ; a range as 10–20 天. */
export function targetLabel(t: DraftTarget): string {
  return `${t.metric} ${targetBound({ comparator: t.comparator, value: t.value, valueMax: t.value_max, unit: t.unit })}`.trim();
}

/** The 一级指标 (or 部分) name of a task. */
export function groupName(draft: Draft, task: DraftTask): string {
  if (task.indicator_seq != null) {
    const found = draft.indicators?.find((i) => i.seq === task.indicator_seq);
    return found?.name ?? task.indicator ?? '';
  }
  if (task.section_seq != null) return draft.sections?.find((s) => s.seq === task.section_seq)?.title ?? '';
  return task.indicator ?? '';
}

/** Every unit name the tasks write, in order of first appearance. */
export function writtenUnitNames(draft: Draft): string[] {
  return [...new Set(draft.tasks.flatMap((t) => [...(t.lead_units ?? []), ...(t.responsible_units ?? [])]))];
}

/** A diff value as text: lists joined with 、, booleans as 是/否, empty as —. */
export function diffValueLabel(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => String(v)).join('、') : '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** Parses a PLAN_DRAFT_INVALID path: tasks.3.text → {taskIndex: 3, field: 'text'}; plan.year → {planField: 'year'}. */
export function parseErrorPath(path: string): { taskIndex?: number; field?: string; planField?: string } {
  const parts = path.split('.');
  if (parts[0] === 'plan') return { planField: parts[1] };
  if (parts[0] === 'tasks' && parts[1] !== undefined && /^\d+$/.test(parts[1])) return { taskIndex: Number(parts[1]), field: parts[2] };
  return {};
}

/** Which preview column shows a draft field (for a field error on a cell). */
export function columnOfField(field: string | undefined): DraftColumn | undefined {
  if (!field) return undefined;
  return (Object.keys(DRAFT_COLUMN_FIELDS) as DraftColumn[]).find((c) => DRAFT_COLUMN_FIELDS[c].includes(field));
}
