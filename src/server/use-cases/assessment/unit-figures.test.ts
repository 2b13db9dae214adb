import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../domain/supervision/periods.ts';
import { unitFigures, type FigureInputs } from './unit-figures.ts';

const june = parsePeriod('2023-06');
if (!june) throw new Error('bad period');

const base = (over: Partial<FigureInputs> = {}): FigureInputs => ({
  period: june, today: '2023-07-10', asOf: '2023-06-30',
  reportingPeriods: [{ key: '2023-06', start: '2023-06-01', dueOn: '2023-07-05' }],
  tasks: [
    { id: 1, dueOn: '2023-05-31', completedOn: null }, // overdue
    { id: 2, dueOn: '2023-06-30', completedOn: '2023-06-20' }, // done in time
    { id: 3, dueOn: '2023-12-31', completedOn: '2023-05-10' }, // done before June: owes no June report
  ],
  links: [
    { taskId: 1, unitId: 10, unitName: '市税务局' }, { taskId: 2, unitId: 10, unitName: '市税务局' },
    { taskId: 2, unitId: 10, unitName: '市税务局' }, { taskId: 3, unitId: 10, unitName: '市税务局' },
  ],
  reports: [
    { taskId: 1, unitId: 10, period: '2023-06', state: 'returned', submittedOn: '2023-07-03' },
    { taskId: 1, unitId: 10, period: '2023-06', state: 'submitted', submittedOn: '2023-07-08' },
  ],
  extensions: [{ unitId: 10, createdOn: '2023-06-15', state: 'approved' }, { unitId: 10, createdOn: '2023-06-16', state: 'withdrawn' }, { unitId: 10, createdOn: '2023-07-01', state: 'pending_head' }],
  ...over,
});

describe('unit figures (标准量化 counting rules)', () => {
  it('counts owed and on-time reports by first submission, completion, overdue, returns and extensions', () => {
    expect(unitFigures(base())).toEqual([{
      unitId: 10, unit: '市税务局', period: '2023-06', tasks: 3,
      // owed: tasks 1 and 2 (3 was done before June); task 1's first submission (3 July) was on time.
      onTimeReportRate: 0.5,
      // due by 30 June: tasks 1 and 2; task 2 done.
      completionRate: 0.5, overdueTasks: 1, returnedReports: 1, extensions: 1,
    }]);
  });

  it('gives a unit with nothing owed and nothing due no tasks to assess (no score, no 骏马 by default)', () => {
    const [f] = unitFigures(base({ reportingPeriods: [], tasks: [{ id: 1, dueOn: '2023-12-31', completedOn: null }], links: [{ taskId: 1, unitId: 10, unitName: '市税务局' }], reports: [] }));
    expect(f).toMatchObject({ tasks: 0, onTimeReportRate: 1, completionRate: 1 });
  });

  it('does not count a report that is not due yet and not filed', () => {
    const [f] = unitFigures(base({ today: '2023-07-04', reports: [] }));
    expect(f?.onTimeReportRate).toBe(1);
  });
});
