import { Select } from 'antd';

type Kind = 'month' | 'quarter' | 'half' | 'year';

/** 2023-06 / 2023-Q2 / 2023-H1 / 2023 → its parts. */
function parse(period: string): { kind: Kind; year: number; part: number } {
  const m = /^(\d{4})(?:-(Q|H)?(\d{1,2}))?$/.exec(period);
  const year = m ? Number(m[1]) : new Date().getFullYear();
  if (!m?.[3]) return { kind: 'year', year, part: 1 };
  const part = Number(m[3]);
  return { kind: m[2] === 'Q' ? 'quarter' : m[2] === 'H' ? 'half' : 'month', year, part };
}

function format(kind: Kind, year: number, part: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}-Q${Math.min(part, 4)}`;
  if (kind === 'half') return `${year}-H${Math.min(part, 2)}`;
  return `${year}-${String(part).padStart(2, '0')}`;
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
  const thisYear = new Date().getFullYear();
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
