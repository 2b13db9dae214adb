import { describe, expect, it } from 'vitest';
import { completionFigures } from './completion-rates.ts';
import { deadlinePassed, effectiveDueOn, isNearDue, isOverdue } from './due-dates.ts';
import { isReportLate, owesReport } from './late-report.ts';
import { lastOwedPeriod, periodsDueBy, planStart } from './plan-periods.ts';
import { WorkCalendar } from './work-calendar.ts';

const cal = new WorkCalendar();

describe('due-date rules', () => {
  it('is overdue from the day after the deadline, never on it', () => {
    expect(isOverdue('2023-06-30', false, '2023-06-30')).toBe(false);
    expect(isOverdue('2023-06-30', false, '2023-07-01')).toBe(true);
    expect(isOverdue('2023-06-30', true, '2023-07-01')).toBe(false);
    expect(deadlinePassed('2023-06-30', '2023-06-30')).toBe(false);
  });
  it('临期 excludes overdue tasks', () => {
    expect(isNearDue('2023-06-30', false, '2023-06-15', 15)).toBe(true);
    expect(isNearDue('2023-06-30', false, '2023-06-14', 15)).toBe(false);
    expect(isNearDue('2023-06-30', false, '2023-07-05', 15)).toBe(false);
  });
  it('uses the extended deadline, and none for ongoing work', () => {
    expect(effectiveDueOn({ plannedDueOn: '2027-03-31', extendedDueOn: '2027-06-30', ongoing: false })).toBe('2027-06-30');
    expect(effectiveDueOn({ plannedDueOn: null, extendedDueOn: null, ongoing: true })).toBeNull();
  });
});

describe('completion figures', () => {
  it('due minus done-and-due is overdue, always', () => {
    const tasks = [
      { dueOn: '2023-06-30', completedOn: '2023-06-28' },
      { dueOn: '2023-06-30', completedOn: '2023-07-03' },
      { dueOn: '2023-06-30', completedOn: null },
      { dueOn: '2023-07-10', completedOn: null },
      { dueOn: null, completedOn: null },
    ];
    const f = completionFigures(tasks, '2023-07-05', 15);
    expect(f).toMatchObject({ total: 5, due: 3, doneDue: 2, onTime: 1, overdue: 1, nearDue: 1 });
    expect(f.due - f.doneDue).toBe(f.overdue);
  });
});

describe('plan periods', () => {
  const schedule = { year: 2026, createdOn: '2026-12-06', cycle: 'month' as const, dueWorkdays: 3 };
  it('starts on the day the plan came in, never before', () => {
    expect(planStart(schedule)).toBe('2026-12-06');
    expect(planStart({ year: 2027, createdOn: '2026-12-06' })).toBe('2027-01-01');
  });
  it('owes no report for a period that began before the plan existed', () => {
    expect(lastOwedPeriod(schedule, '2026-12-20', cal)).toBeNull();
    expect(periodsDueBy(schedule, '2026-12-31', cal)).toEqual([]);
    const y = { year: 2023, createdOn: '2023-01-01', cycle: 'month' as const, dueWorkdays: 3 };
    expect(periodsDueBy(y, '2023-03-10', cal).map((p) => p.period.key)).toEqual(['2023-01', '2023-02']);
    expect(lastOwedPeriod(y, '2023-03-10', cal)?.period.key).toBe('2023-02');
  });
  it('a report is late after its due date when no lead unit filed', () => {
    const base = { period: { start: '2023-05-01' }, reportDueOn: '2023-06-05', dueOn: '2023-12-31', completedOn: null, leadUnitIds: [1], filedUnitIds: new Set<number>() };
    expect(isReportLate(base, '2023-06-05')).toBe(false);
    expect(isReportLate(base, '2023-06-06')).toBe(true);
    expect(isReportLate({ ...base, filedUnitIds: new Set([1]) }, '2023-06-06')).toBe(false);
    expect(owesReport({ ...base, completedOn: '2023-04-30' })).toBe(false);
    // An overdue task keeps reporting until it is done.
    expect(isReportLate({ ...base, dueOn: '2023-04-30' }, '2023-06-06')).toBe(true);
    expect(isReportLate({ ...base, dueOn: null }, '2023-06-06')).toBe(true);
  });
});
