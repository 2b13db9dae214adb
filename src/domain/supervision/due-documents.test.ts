import { describe, expect, it } from 'vitest';
import { dueDocuments } from './due-documents.ts';
import type { PlanSchedule } from './plan-periods.ts';

const base: PlanSchedule = { year: 2023, createdOn: '2023-01-01', cycle: 'month', previousCycle: null, cycleFrom: null, dueWorkdays: 3 };
const keys = (s: PlanSchedule, day: string) => dueDocuments(s, day).map((d) => `${d.kind}:${d.period.key}`);

describe('documents due from the plan cycle', () => {
  it('owes the last month\'s notice on a monthly plan', () => {
    expect(keys(base, '2023-07-06')).toEqual(['monthly-notice:2023-06']);
  });

  it('adds the last 旬\'s brief on a 旬 plan and the last quarter\'s summary on a quarterly one', () => {
    expect(keys({ ...base, cycle: 'xun' }, '2023-07-06')).toEqual(['dekad-brief:2023-06-3', 'monthly-notice:2023-06']);
    expect(keys({ ...base, cycle: 'quarter' }, '2023-07-06')).toEqual(['monthly-notice:2023-06', 'quarterly-summary:2023-Q2']);
  });

  it('owes nothing for periods before the plan began or after its year', () => {
    expect(keys({ ...base, createdOn: '2023-03-10' }, '2023-03-15')).toEqual([]);
    expect(keys(base, '2024-03-15')).toEqual([]);
    expect(keys(base, '2024-01-05')).toEqual(['monthly-notice:2023-12']);
  });
});
