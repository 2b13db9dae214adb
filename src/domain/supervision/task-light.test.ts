import { describe, expect, it } from 'vitest';
import { taskLight, type TaskLightInput } from './task-light.ts';

const base: TaskLightInput = { dueOn: '2023-06-30', completed: false, reportedDone: false, lateReport: false, consecutiveReturns: 0 };

describe('taskLight', () => {
  it('is green far from the deadline', () => expect(taskLight(base, '2023-06-01').light).toBe('green'));
  it('turns yellow 15 days before the deadline unless reported done', () => {
    expect(taskLight(base, '2023-06-14').light).toBe('green');
    expect(taskLight(base, '2023-06-15')).toEqual({ light: 'yellow', reasons: ['距完成时限仅剩 15 天，尚未报告完成'] });
    expect(taskLight({ ...base, reportedDone: true }, '2023-06-20').light).toBe('green');
  });
  it('turns yellow when a report is late', () => expect(taskLight({ ...base, lateReport: true }, '2023-05-01').reasons).toEqual(['进展报告逾期未报']));
  it('turns red when overdue or returned twice in a row', () => {
    expect(taskLight(base, '2023-07-01')).toEqual({ light: 'red', reasons: ['已超过完成时限 1 天'] });
    expect(taskLight({ ...base, consecutiveReturns: 2 }, '2023-05-01').light).toBe('red');
    expect(taskLight({ ...base, consecutiveReturns: 1 }, '2023-05-01').light).toBe('green');
  });
  it('is done only after the completion review, whatever else', () => {
    expect(taskLight({ ...base, completed: true }, '2023-08-01').light).toBe('done');
    expect(taskLight({ ...base, reportedDone: true }, '2023-08-01').light).toBe('red');
  });
  it('follows the plan rules', () => {
    expect(taskLight(base, '2023-06-10', { yellowWithinDays: 30, redAfterReturns: 3 }).light).toBe('yellow');
    expect(taskLight({ ...base, consecutiveReturns: 2 }, '2023-05-01', { yellowWithinDays: 15, redAfterReturns: 3 }).light).toBe('green');
  });
  it('has no deadline-based light without a deadline', () => expect(taskLight({ ...base, dueOn: null }, '2030-01-01').light).toBe('green'));
});
