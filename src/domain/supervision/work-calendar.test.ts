import { describe, expect, it } from 'vitest';
import { WorkCalendar, addDays, daysBetween } from './work-calendar.ts';
import { nextPeriod, parsePeriod, periodContaining, previousPeriod, reportDueDate } from './periods.ts';

const cal = new WorkCalendar();

describe('WorkCalendar', () => {
  it.each([
    ['2023-10-02', false, 'National Day holiday'],
    ['2023-10-07', true, 'Saturday make-up day (调休) after National Day 2023'],
    ['2024-02-04', true, 'Sunday make-up day before Spring Festival 2024'],
    ['2024-02-12', false, 'Spring Festival 2024'],
    ['2026-02-14', true, 'Saturday make-up day 2026'],
    ['2020-01-19', true, 'Sunday make-up day 2020'],
    ['2023-06-21', true, 'an ordinary Wednesday'],
    ['2023-06-24', false, 'a Saturday'],
    ['2023-06-22', false, 'Dragon Boat Festival 2023'],
    ['2023-06-25', true, 'Sunday make-up day for the Dragon Boat Festival 2023'],
  ])('%s is a workday: %s (%s)', (date, expected) => expect(cal.isWorkday(date)).toBe(expected));

  it('covers 2020–2026 officially and 2027 by the statutory holidays', () => {
    for (let y = 2020; y <= 2026; y++) expect(cal.coverage(y)).toBe('official');
    expect(cal.coverage(2027)).toBe('statutory');
    // 2027: 春节 on 6 Feb (除夕 5 Feb) to 8 Feb; 国庆 1–3 Oct; 端午 9 Jun; 中秋 15 Sep; 清明 5 Apr.
    for (const d of ['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-05', '2027-05-03', '2027-06-09', '2027-09-15', '2027-10-01'].filter((x) => x !== '2027-05-03')) {
      expect(cal.isWorkday(d), d).toBe(false);
    }
    expect(cal.isWorkday('2027-05-03')).toBe(true);
  });

  it('applies office overrides before the published calendar', () => {
    const c = new WorkCalendar({ holidays: ['2023-06-21'], workdays: ['2023-06-24'] });
    expect(c.isWorkday('2023-06-21')).toBe(false);
    expect(c.isWorkday('2023-06-24')).toBe(true);
  });

  it('counts and adds working days across holidays', () => {
    // 2023: 29 Sep – 6 Oct off, then Saturday 7 and Sunday 8 Oct are make-up working days.
    expect(cal.addWorkdays('2023-09-28', 1)).toBe('2023-10-07');
    expect(cal.addWorkdays('2023-10-07', -1)).toBe('2023-09-28');
    expect(cal.workdaysBetween('2023-09-28', '2023-10-09')).toBe(3);
    expect(cal.addWorkdays('2023-06-24', 0)).toBe('2023-06-25');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2023-06-15', '2023-06-30')).toBe(15);
  });
});

describe('periods', () => {
  it.each([
    ['2023-06-1', '2023-06-01', '2023-06-10', '2023年6月上旬'],
    ['2023-06-3', '2023-06-21', '2023-06-30', '2023年6月下旬'],
    ['2024-02-3', '2024-02-21', '2024-02-29', '2024年2月下旬'],
    ['2023-06', '2023-06-01', '2023-06-30', '2023年6月'],
    ['2023-Q2', '2023-04-01', '2023-06-30', '2023年第二季度'],
    ['2023-H2', '2023-07-01', '2023-12-31', '2023年下半年'],
    ['2023', '2023-01-01', '2023-12-31', '2023年'],
  ])('%s spans %s – %s (%s)', (key, start, end, label) => expect(parsePeriod(key)).toMatchObject({ key, start, end, label }));

  it('rejects malformed keys', () => {
    for (const k of ['2023-13', '2023-06-4', '2023-Q5', '23-06', '2023-H3', '']) expect(parsePeriod(k)).toBeNull();
  });

  it('finds, steps and dates periods', () => {
    expect(periodContaining('2023-06-11', 'xun').key).toBe('2023-06-2');
    expect(periodContaining('2023-06-30', 'xun').key).toBe('2023-06-3');
    expect(nextPeriod(parsePeriod('2023-12-3')!).key).toBe('2024-01-1');
    expect(previousPeriod(parsePeriod('2024-Q1')!).key).toBe('2023-Q4');
    // June 2023 ends on Friday 30 Jun; the 3rd working day after is Wednesday 5 Jul.
    expect(reportDueDate(parsePeriod('2023-06')!, cal)).toBe('2023-07-05');
    // Q3 2023 ends on 30 Sep, inside the holiday: the 3rd working day after is Monday 9 Oct
    // (7 and 8 Oct are make-up days).
    expect(reportDueDate(parsePeriod('2023-Q3')!, cal)).toBe('2023-10-09');
  });
});
