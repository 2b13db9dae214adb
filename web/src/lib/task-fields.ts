import type { Task, UnitRef } from '../api/models.ts';

/** Optional columns of the responsibility table (seed 000's ten columns after 序号). */
export type TaskColumnKey =
  | 'indicator'
  | 'subIndicator'
  | 'text'
  | 'leader'
  | 'leadUnits'
  | 'responsibleUnits'
  | 'deadline'
  | 'annualTarget'
  | 'basis'
  | 'remarks';

/** Which task fields a column shows, so an uncertain field marks the right cell. */
export const COLUMN_FIELDS: Record<TaskColumnKey, string[]> = {
  indicator: ['indicator'],
  subIndicator: ['subIndicator', 'subIndicatorCode'],
  text: ['text'],
  leader: ['leader'],
  leadUnits: ['leadUnits'],
  responsibleUnits: ['responsibleUnits', 'responsibleUnitsOpen'],
  deadline: ['deadline', 'deadlineRaw'],
  annualTarget: ['annualTarget'],
  basis: ['basis'],
  remarks: ['remarks'],
};

// The import pipeline may report snake_case names (the gold files use them); compare in camelCase.
function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** True when the import was unsure about any of `fields` of this task. */
export function isUncertain(task: Task, fields: string[]): boolean {
  return task.uncertain.some((name) => fields.includes(camel(name)));
}

/** True when the column has something to show for this task. */
export function hasValue(task: Task, key: TaskColumnKey): boolean {
  switch (key) {
    case 'indicator':
      return task.indicator !== null;
    case 'subIndicator':
      return Boolean(task.subIndicator || task.subIndicatorCode);
    case 'text':
      return true;
    case 'leader':
      return Boolean(task.leader);
    case 'leadUnits':
      return task.leadUnits.length > 0;
    case 'responsibleUnits':
      return task.responsibleUnits.length > 0 || task.responsibleUnitsOpen;
    case 'deadline':
      return Boolean(task.deadline || task.deadlineRaw);
    case 'annualTarget':
      return Boolean(task.annualTarget);
    case 'basis':
      return task.basis.length > 0;
    case 'remarks':
      return Boolean(task.remarks);
  }
}

const ALL_COLUMNS = Object.keys(COLUMN_FIELDS) as TaskColumnKey[];

/** The columns that hold a value in at least one task (a prose plan has no 责任领导, for example). */
export function presentColumns(tasks: Task[]): Set<TaskColumnKey> {
  return new Set(ALL_COLUMNS.filter((key) => tasks.some((task) => hasValue(task, key))));
}

/** 序号 as written in the plan: （一） for prose plans, the number otherwise. */
export function seqLabel(task: Task): string {
  return task.seqCn ?? String(task.seq);
}

/** The deadline as people read it: the plan's own words when kept, else 2023年6月 from 2023-06. */
export function deadlineLabel(task: Pick<Task, 'deadline' | 'deadlineRaw'>): string {
  if (task.deadlineRaw) return task.deadlineRaw;
  if (!task.deadline) return '';
  if (task.deadline === 'ongoing') return '持续推进';
  return chineseDate(task.deadline);
}

/** 2027-06-30 → 2027年6月30日, 2027-06 → 2027年6月, 2027 → 2027年. */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  if (day) return `${year}年${Number(month)}月${Number(day)}日`;
  return month ? `${year}年${Number(month)}月` : `${year}年`;
}

export function subIndicatorLabel(task: Pick<Task, 'subIndicator' | 'subIndicatorCode'>): string {
  return [task.subIndicatorCode, task.subIndicator].filter(Boolean).join(' ');
}

export function unitNames(units: UnitRef[]): string {
  return units.map((u) => u.name).join('、');
}

/** Shown after the unit list when the plan ended it with 等相关单位 (the list is not exhaustive). */
export const OPEN_TAIL = '等相关单位';
