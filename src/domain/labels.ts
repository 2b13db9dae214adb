/**
 * Chinese words for values the platform stores as codes: comparators of quantitative targets and
 * report periods. Browser-safe (no server or database imports): the web app imports it too.
 */

export type Comparator = 'le' | 'ge' | 'eq' | 'range';

const COMPARATOR_SYMBOLS: Record<Comparator, string> = { le: '≤', ge: '≥', eq: '=', range: '' };
const COMPARATOR_WORDS: Record<Comparator, string> = { le: '不超过', ge: '不低于', eq: '等于', range: '介于' };

function isComparator(value: string): value is Comparator {
  return value in COMPARATOR_SYMBOLS;
}

/** ≤ ≥ = for le ge eq; '' for a range (its values carry it) and for anything unknown. */
export function comparatorSymbol(comparator: string): string {
  return isComparator(comparator) ? COMPARATOR_SYMBOLS[comparator] : '';
}

/** 不超过 / 不低于 / 等于 / 介于 (for screen readers, tooltips and option lists). */
export function comparatorWords(comparator: string): string {
  return isComparator(comparator) ? COMPARATOR_WORDS[comparator] : '';
}

/** The comparator choices of an edit form: 「≤ 不超过」…. */
export const COMPARATOR_OPTIONS: { value: Comparator; label: string }[] = (Object.keys(COMPARATOR_SYMBOLS) as Comparator[])
  .map((value) => ({ value, label: value === 'range' ? '介于（区间）' : `${COMPARATOR_SYMBOLS[value]} ${COMPARATOR_WORDS[value]}` }));

export interface TargetLike {
  comparator: string;
  value: number;
  valueMax?: number | null;
  unit?: string | null;
}

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** The bound of a target: ≥ 200项, ≤ 3个工作日, = 100%, 10–20天 (a range without a symbol). */
export function targetBound(t: TargetLike): string {
  const unit = t.unit ?? '';
  if (t.comparator === 'range' && t.valueMax !== null && t.valueMax !== undefined) return `${numberText(t.value)}–${numberText(t.valueMax)}${unit}`;
  const symbol = comparatorSymbol(t.comparator);
  return `${symbol ? `${symbol} ` : ''}${numberText(t.value)}${unit}`;
}

/** 目标 ≥ 200项 — how a target reads next to a metric. */
export function targetGoal(t: TargetLike): string {
  return `目标 ${targetBound(t)}`;
}

/** 2026-11 → 2026年11月, 2026-11-2 → 2026年11月中旬, 2026-Q4 → 2026年第四季度, 2026-H1 → 2026年上半年. */
export function periodWords(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `${quarter[1]}年第${'一二三四'[Number(quarter[2]) - 1]}季度`;
  const half = /^(\d{4})-H([12])$/.exec(key);
  if (half) return `${half[1]}年${half[2] === '1' ? '上' : '下'}半年`;
  const xun = /^(\d{4})-(\d{2})-([1-3])$/.exec(key);
  if (xun) return `${xun[1]}年${Number(xun[2])}月${['上', '中', '下'][Number(xun[3]) - 1]}旬`;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (day) return `${day[1]}年${Number(day[2])}月${Number(day[3])}日`;
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  if (/^\d{4}$/.test(key)) return `${key}年`;
  return key;
}
