import { Select, Space } from 'antd';
import { parsePeriod, periodOf, periodParts } from '../../../../src/domain/supervision/periods.ts';
import type { PeriodType } from './labels.ts';
import { PERIOD_TYPE_LABELS } from './labels.ts';
import { beijingToday, beijingYear } from '../../lib/format.ts';

interface Parts {
  type: PeriodType;
  year: number;
  /** month 1–12 (旬 and 月), quarter 1–4, half 1–2; unused for a year. */
  sub: number;
  /** 旬 1–3 (上/中/下). */
  xun: number;
}

export function periodKey({ type, year, sub, xun }: Parts): string {
  return periodOf(type, year, sub, xun).key;
}

export function parsePeriodKey(key: string): Parts | undefined {
  const p = parsePeriod(key);
  if (!p) return undefined;
  const { kind, year, part, xun } = periodParts(p);
  return { type: kind, year, sub: part, xun };
}

/**
 * The default period of a type: the one containing today, or the last of the plan's year when the
 * plan is of an earlier year (the demo plans are).
 */
export function defaultPeriod(type: PeriodType, planYear: number | null | undefined): string {
  // Beijing's calendar date, read through a local Date's getters.
  const now = new Date(`${beijingToday()}T00:00:00`);
  const base = planYear && planYear < now.getFullYear() ? new Date(planYear, 11, 31) : now;
  const month = base.getMonth() + 1;
  const day = base.getDate();
  return periodKey({
    type,
    year: base.getFullYear(),
    sub: type === 'quarter' ? Math.ceil(month / 3) : type === 'half' ? (month <= 6 ? 1 : 2) : month,
    xun: day <= 10 ? 1 : day <= 20 ? 2 : 3,
  });
}

/** Re-expresses a period in another type, keeping the year and roughly the time of year. */
export function convertPeriod(key: string, type: PeriodType): string {
  const p = parsePeriodKey(key);
  if (!p) return defaultPeriod(type, undefined);
  const month = p.type === 'quarter' ? p.sub * 3 : p.type === 'half' ? p.sub * 6 : p.type === 'year' ? 12 : p.sub;
  return periodKey({
    type,
    year: p.year,
    sub: type === 'quarter' ? Math.ceil(month / 3) : type === 'half' ? (month <= 6 ? 1 : 2) : month,
    xun: p.type === 'xun' ? p.xun : 1,
  });
}

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));
const QUARTERS = [1, 2, 3, 4].map((q) => ({ value: q, label: `第${'一二三四'[q - 1]}季度` }));
const HALVES = [
  { value: 1, label: '上半年' },
  { value: 2, label: '下半年' },
];
const XUNS = [
  { value: 1, label: '上旬' },
  { value: 2, label: '中旬' },
  { value: 3, label: '下旬' },
];

function yearOptions(selected: number) {
  const current = beijingYear();
  const first = Math.min(selected, current - 5);
  const last = Math.max(selected, current + 1);
  return Array.from({ length: last - first + 1 }, (_, i) => last - i).map((y) => ({ value: y, label: `${y}年` }));
}

/**
 * A period picker that fits the kind: 旬 as month + 上/中/下旬, month, quarter, half-year, year.
 * With `typeChoices` the user first picks the type (工作专报, 表彰通报 and 督办单 take any period).
 */
export function PeriodPicker({
  value,
  onChange,
  typeChoices,
  testId = 'period',
}: {
  value: string;
  onChange: (key: string) => void;
  typeChoices?: PeriodType[];
  testId?: string;
}) {
  const parts = parsePeriodKey(value) ?? parsePeriodKey(defaultPeriod('month', undefined));
  if (!parts) return null;
  const set = (patch: Partial<Parts>) => onChange(periodKey({ ...parts, ...patch }));
  const subOptions = parts.type === 'quarter' ? QUARTERS : parts.type === 'half' ? HALVES : MONTHS;
  return (
    <Space.Compact className="doc-period" data-testid={testId}>
      {typeChoices && typeChoices.length > 1 && (
        <Select
          className="doc-period-type"
          aria-label="期间类型"
          data-testid={`${testId}-type`}
          value={parts.type}
          options={typeChoices.map((t) => ({ value: t, label: PERIOD_TYPE_LABELS[t] }))}
          onChange={(t: PeriodType) => onChange(convertPeriod(value, t))}
        />
      )}
      <Select
        className="doc-period-year"
        aria-label="年份"
        data-testid={`${testId}-year`}
        value={parts.year}
        options={yearOptions(parts.year)}
        onChange={(year: number) => set({ year })}
      />
      {parts.type !== 'year' && (
        <Select
          className="doc-period-sub"
          aria-label={parts.type === 'quarter' ? '季度' : parts.type === 'half' ? '半年' : '月份'}
          data-testid={`${testId}-sub`}
          value={parts.sub}
          options={subOptions}
          onChange={(sub: number) => set({ sub })}
        />
      )}
      {parts.type === 'xun' && (
        <Select
          className="doc-period-xun"
          aria-label="旬"
          data-testid={`${testId}-xun`}
          value={parts.xun}
          options={XUNS}
          onChange={(xun: number) => set({ xun })}
        />
      )}
    </Space.Compact>
  );
}
