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
];

export type PeriodType = 'xun' | 'month' | 'quarter' | 'half' | 'year';

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
};

export const NOTE_GROUPS: { value: NoteGroup; label: string }[] = [
  { value: 'county', label: '县市区' },
  { value: 'department', label: '市直部门' },
  { value: 'tactic', label: '战术借鉴' },
];

/** 2023-06-2 → 2023年6月中旬, 2023-Q2 → 2023年第二季度, 2023-H1 → 2023年上半年, 2023 → 2023年. */
export function periodText(key: string): string {
  const xun = /^(\d{4})-(\d{2})-([1-3])$/.exec(key);
  if (xun) return `${xun[1]}年${Number(xun[2])}月${['上', '中', '下'][Number(xun[3]) - 1]}旬`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `${quarter[1]}年第${'一二三四'[Number(quarter[2]) - 1]}季度`;
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (half) return `${half[1]}年${half[2] === '1' ? '上' : '下'}半年`;
  return /^\d{4}$/.test(key) ? `${key}年` : key;
}
