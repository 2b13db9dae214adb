import { describe, expect, it } from 'vitest';
import { parsePeriod } from './periods.ts';
import {
  changeCycle, cycleOn, isSchedulePeriod, lastOwedPeriod, periodsDueBy, scheduleNextPeriod, schedulePeriodContaining, schedulePreviousPeriod,
  type PlanSchedule,
} from './plan-periods.ts';
import { WorkCalendar } from './work-calendar.ts';

const cal = new WorkCalendar();
const base: PlanSchedule = { year: 2023, createdOn: '2023-03-01', cycle: 'month', dueWorkdays: 3 };

describe('a reporting-cycle change', () => {
  it('takes effect from the period after the one under way', () => {
    expect(changeCycle(base, 'xun', '2023-06-15')).toEqual({ cycle: 'xun', previousCycle: 'month', cycleFrom: '2023-07-01' });
    // 旬 to month on 5 June: the 旬s of June run out, months start in July (no month overlaps a 旬 filed).
    expect(changeCycle({ ...base, cycle: 'xun' }, 'month', '2023-06-05')).toEqual({ cycle: 'month', previousCycle: 'xun', cycleFrom: '2023-07-01' });
    expect(changeCycle(base, 'quarter', '2023-05-20')).toEqual({ cycle: 'quarter', previousCycle: 'month', cycleFrom: '2023-07-01' });
    expect(changeCycle({ ...base, cycle: 'quarter' }, 'xun', '2023-05-20')).toEqual({ cycle: 'xun', previousCycle: 'quarter', cycleFrom: '2023-07-01' });
  });

  it('applies at once before the plan is supervised, and a change back before it takes effect cancels it', () => {
    expect(changeCycle(base, 'xun', '2023-02-10')).toEqual({ cycle: 'xun', previousCycle: null, cycleFrom: null });
    const pending = { ...base, ...changeCycle(base, 'xun', '2023-06-15') };
    expect(changeCycle(pending, 'month', '2023-06-20')).toEqual({ cycle: 'month', previousCycle: null, cycleFrom: null });
    // A second change while one is pending still starts after the period of the cycle in force.
    expect(changeCycle(pending, 'quarter', '2023-06-20')).toEqual({ cycle: 'quarter', previousCycle: 'month', cycleFrom: '2023-07-01' });
  });

  it('gives a sequence of periods: the old cycle up to the change, the new one after, without gaps', () => {
    const s: PlanSchedule = { ...base, ...changeCycle(base, 'xun', '2023-06-15') };
    expect(cycleOn(s, '2023-06-30')).toBe('month');
    expect(cycleOn(s, '2023-07-01')).toBe('xun');
    expect(schedulePeriodContaining(s, '2023-06-15').key).toBe('2023-06');
    const june = schedulePeriodContaining(s, '2023-06-30');
    expect(scheduleNextPeriod(s, june).key).toBe('2023-07-1');
    expect(schedulePreviousPeriod(s, scheduleNextPeriod(s, june)).key).toBe('2023-06');
    const keys = periodsDueBy(s, '2023-07-31', cal).map((p) => p.period.key);
    expect(keys).toEqual(['2023-03', '2023-04', '2023-05', '2023-06', '2023-07-1', '2023-07-2']);
    expect(periodsDueBy(s, '2023-07-31', cal).find((p) => p.period.key === '2023-07-1')!.dueOn).toBe('2023-07-13');
  });

  it('looks at June (not June\'s 旬s) for a late report in early July', () => {
    const s: PlanSchedule = { ...base, ...changeCycle(base, 'xun', '2023-06-15') };
    expect(lastOwedPeriod(s, '2023-07-10', cal)!.period.key).toBe('2023-06');
    expect(lastOwedPeriod(s, '2023-07-11', cal)!.period.key).toBe('2023-07-1');
  });

  it('accepts report keys of the cycle in force in their period only', () => {
    const s: PlanSchedule = { ...base, ...changeCycle(base, 'xun', '2023-06-15') };
    const ok = (k: string) => isSchedulePeriod(s, parsePeriod(k)!);
    expect(ok('2023-06')).toBe(true);
    expect(ok('2023-07-1')).toBe(true);
    expect(ok('2023-06-3')).toBe(false);
    expect(ok('2023-07')).toBe(false);
    expect(ok('2023-Q3')).toBe(false);
  });
});
