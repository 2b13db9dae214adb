import type { PeriodKind as PeriodType } from '../../../../src/domain/supervision/periods.ts';
import type { DocumentKind, NoteGroup } from '../../api/documents.ts';

/** The kinds an office can draft, in the order of the 生成公文 form. */
export const DOCUMENT_KINDS: { value: DocumentKind; label: string }[] = [
  { value: 'dekad-brief', label: '旬简报' },
  { value: 'monthly-notice', label: '月通报' },
  { value: 'quarterly-summary', label: '季度小结' },
  { value: 'half-year-review', label: '半年讲评' },
  { value: 'annual-summary', label: '年终总结' },
  { value: 'work-bulletin', label: '工作专报' },
  { value: 'commendation', label: '表彰通报' },
  { value: 'supervision-order', label: '督办单' },
  { value: 'inspection-notice', label: '督查情况通报' },
];

export type { PeriodKind as PeriodType } from '../../../../src/domain/supervision/periods.ts';

export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  xun: '旬',
  month: '月',
  quarter: '季度',
  half: '半年',
  year: '年度',
};

/** The period a kind covers; undefined for kinds that take any period (the user picks the type). */
export const KIND_PERIOD: Partial<Record<DocumentKind, PeriodType>> = {
  'dekad-brief': 'xun',
  'monthly-notice': 'month',
  'quarterly-summary': 'quarter',
  'half-year-review': 'half',
  'annual-summary': 'year',
};

/** The first period type offered for kinds that take any period. */
export const KIND_DEFAULT_PERIOD: Record<DocumentKind, PeriodType> = {
  'dekad-brief': 'xun',
  'monthly-notice': 'month',
  'quarterly-summary': 'quarter',
  'half-year-review': 'half',
  'annual-summary': 'year',
  'work-bulletin': 'month',
  commendation: 'year',
  'supervision-order': 'month',
  'inspection-notice': 'month',
};

export const NOTE_GROUPS: { value: NoteGroup; label: string }[] = [
  { value: 'county', label: '县市区' },
  { value: 'department', label: '市直部门' },
  { value: 'tactic', label: '战术借鉴' },
];

/** 2023-06-2 → 2023年6月中旬, 2023-Q2 → 2023年第二季度, 2023-H1 → 2023年上半年, 2023 → 2023年 (the domain's labels). */
export { periodLabel as periodText } from '../../../../src/domain/supervision/periods.ts';
