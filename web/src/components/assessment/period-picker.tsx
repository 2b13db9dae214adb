import { Select } from 'antd';
import { parsePeriod, periodOf, periodParts } from '../../../../src/domain/supervision/periods.ts';
import { beijingYear } from '../../lib/format.ts';

type Kind = 'month' | 'quarter' | 'half' | 'year';

/** 2023-06 / 2023-Q2 / 2023-H1 / 2023 → its parts (the domain's period keys). */
function parse(period: string): { kind: Kind; year: number; part: number } {
  const p = parsePeriod(period);
  if (!p || p.kind === 'xun') return { kind: 'year', year: p ? periodParts(p).year : Number(period.slice(0, 4)) || beijingYear(), part: 1 };
  const { kind, year, part } = periodParts(p);
  return { kind: kind as Kind, year, part };
}

function format(kind: Kind, year: number, part: number): string {
  return periodOf(kind, year, Math.min(part, kind === 'quarter' ? 4 : kind === 'half' ? 2 : 12)).key;
}

const PARTS: Record<Kind, { value: number; label: string }[]> = {
  month: Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` })),
  quarter: [1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` })),
  half: [
    { value: 1, label: '上半年' },
    { value: 2, label: '下半年' },
  ],
  year: [],
};

/** Picks a 考核期: month, quarter, half-year or year (as the server's period keys). */
export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { kind, year, part } = parse(value);
  const thisYear = beijingYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);
  return (
    <span className="assess-period" data-testid="unit-period">
      <Select<Kind>
        value={kind}
        style={{ width: 88 }}
        options={[
          { value: 'month', label: '月度' },
          { value: 'quarter', label: '季度' },
          { value: 'half', label: '半年' },
          { value: 'year', label: '年度' },
        ]}
        onChange={(k) => onChange(format(k, year, 1))}
      />
      <Select<number> value={year} style={{ width: 96 }} options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }))} onChange={(y) => onChange(format(kind, y, part))} />
      {kind !== 'year' && <Select<number> value={part} style={{ width: 104 }} options={PARTS[kind]} onChange={(p) => onChange(format(kind, year, p))} />}
    </span>
  );
}
