import { describe, expect, it } from 'vitest';
import { parsePeriod, periodLabel, periodOf, periodParts, type PeriodKind } from './periods.ts';

describe('period parts and labels (shared by server and web)', () => {
  const keys: [string, PeriodKind, string][] = [
    ['2023-06-2', 'xun', '2023年6月中旬'], ['2023-12-3', 'xun', '2023年12月下旬'], ['2023-06', 'month', '2023年6月'],
    ['2023-Q2', 'quarter', '2023年第二季度'], ['2023-H2', 'half', '2023年下半年'], ['2023', 'year', '2023年'],
  ];
  it.each(keys)('%s is a %s labelled %s, and its parts build it again', (key, kind, label) => {
    const p = parsePeriod(key);
    expect(p?.kind).toBe(kind);
    expect(periodLabel(key)).toBe(label);
    const parts = periodParts(p!);
    expect(periodOf(parts.kind, parts.year, parts.part, parts.xun).key).toBe(key);
  });
  it('reads the parts off the dates', () => {
    expect(periodParts(parsePeriod('2024-11-3')!)).toEqual({ kind: 'xun', year: 2024, part: 11, xun: 3 });
    expect(periodParts(parsePeriod('2024-Q4')!)).toEqual({ kind: 'quarter', year: 2024, part: 4, xun: 1 });
  });
  it('leaves what is not a period key as it is', () => {
    expect(periodLabel('2023-13')).toBe('2023-13');
    expect(periodLabel('本期')).toBe('本期');
  });
});
