import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_WEIGHTS, assessUnits, unitScore } from './unit-assessment.ts';
import type { UnitPeriodInput } from './unit-assessment.ts';

const row = (unit: string, over: Partial<UnitPeriodInput> = {}): UnitPeriodInput => ({
  unit, period: '2023-Q1', tasks: 10, onTimeReportRate: 1, completionRate: 1, overdueTasks: 0, returnedReports: 0, extensions: 0, ...over,
});

describe('unit assessment (标准量化)', () => {
  it('hand-worked score with the default weights 25/35/20/10/10', () => {
    // parts: 90, 60, 1 − 2/10 = 80, 1 − 1/10 = 90, 1 − 3/10 = 70
    const s = unitScore(row('市税务局', { onTimeReportRate: 0.9, completionRate: 0.6, overdueTasks: 2, returnedReports: 1, extensions: 3 }));
    expect(s).toBeCloseTo((25 * 90 + 35 * 60 + 20 * 80 + 10 * 90 + 10 * 70) / 100, 10);
  });

  it('weights are editable and normalised', () => {
    const u = row('a', { completionRate: 0.5 });
    expect(unitScore(u, { onTimeReport: 0, completion: 2, overdue: 0, returned: 0, extensions: 0 })).toBeCloseTo(50, 10);
  });

  it('a unit with no tasks has no score and no rank', () => {
    const [p] = assessUnits([row('a'), row('b', { tasks: 0 })]);
    expect(p?.units.map((u) => [u.unit, u.rank])).toEqual([['a', 1], ['b', null]]);
    // Its parts are numbers, not 0/0 (a NaN broke the unit-assessment response for a period with nothing to assess).
    expect(Object.values(p?.units[1]?.parts ?? {}).every((x) => Number.isFinite(x))).toBe(true);
  });

  it('ranks per period and names the best (骏马) and worst (蜗牛), ties included', () => {
    const periods = assessUnits([
      row('市商务局', { completionRate: 0.5 }),
      row('市财政局'),
      row('市人社局'),
      row('市住建局', { completionRate: 0.5 }),
      row('市住建局', { period: '2023-Q2' }),
      row('市财政局', { period: '2023-Q2', overdueTasks: 5 }),
    ]);
    expect(periods.map((p) => p.period)).toEqual(['2023-Q1', '2023-Q2']);
    const [q1, q2] = periods;
    expect(q1?.units.map((u) => [u.unit, u.rank])).toEqual([['市人社局', 1], ['市财政局', 1], ['市住建局', 3], ['市商务局', 3]]);
    expect(q1?.best).toEqual(['市人社局', '市财政局']);
    expect(q1?.worst).toEqual(['市住建局', '市商务局']);
    expect(q2).toMatchObject({ best: ['市住建局'], worst: ['市财政局'] });
  });

  it('all tied → nobody is named 骏马 or 蜗牛 (issue 13: 13 units tied at rank 1 were all 骏马)', () => {
    const [p] = assessUnits([row('a'), row('b')]);
    expect(p).toMatchObject({ best: [], worst: [] });
    expect(p?.units.map((u) => u.rank)).toEqual([1, 1]);
  });

  it('rejects bad rows with the row path, and duplicates', () => {
    expect(() => assessUnits([row('a', { onTimeReportRate: 1.5 })])).toThrow(/units\[0\]\.onTimeReportRate/);
    expect(() => assessUnits([row('a'), row('a')])).toThrow(/重复/);
    expect(() => assessUnits([row('a')], { ...DEFAULT_ASSESSMENT_WEIGHTS, completion: -1 })).toThrow(/weights/);
  });

  it('scores are in [0, 100] and never rise with more overdue tasks (property)', () => {
    const arb = fc.record({
      tasks: fc.integer({ min: 1, max: 50 }), onTimeReportRate: fc.double({ min: 0, max: 1, noNaN: true }), completionRate: fc.double({ min: 0, max: 1, noNaN: true }),
      overdueTasks: fc.integer({ min: 0, max: 60 }), returnedReports: fc.integer({ min: 0, max: 60 }), extensions: fc.integer({ min: 0, max: 60 }),
    });
    fc.assert(fc.property(arb, fc.integer({ min: 0, max: 10 }), (r, more) => {
      const u = row('u', r);
      const s = unitScore(u) ?? -1;
      const worse = unitScore({ ...u, overdueTasks: u.overdueTasks + more }) ?? -1;
      return s >= 0 && s <= 100 && worse <= s;
    }));
  });
});
