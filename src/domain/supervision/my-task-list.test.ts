import { describe, expect, it } from 'vitest';
import { compareUrgency, filterMyTasks, isOverdue, myTaskPage, sortMyTasks, type MyTaskItem } from './my-task-list.ts';

const today = '2023-07-06';
let next = 0;
function item(patch: Partial<MyTaskItem> & { state?: string | null }): MyTaskItem {
  next += 1;
  const { state = null, ...rest } = patch;
  return {
    taskId: next, planId: 1, planTitle: '邵阳市方案', seq: next, text: `任务${next}`, role: 'lead', dueOn: '2023-12-31',
    period: { key: '2023-06', label: '2023年6月', dueOn: '2023-07-10', late: false }, report: state ? { state } : null, light: 'green', ...rest,
  };
}

describe('我的任务 order and filters', () => {
  const late = item({ dueOn: '2023-06-30', light: 'red', text: '逾期的企业开办任务' });
  const lateReport = item({ period: { key: '2023-06', label: '2023年6月', dueOn: '2023-07-05', late: true } });
  const owedSoon = item({ dueOn: '2023-07-20' });
  const owedLater = item({ dueOn: '2024-03-31', role: 'responsible', planId: 2, planTitle: '永州市方案' });
  const filed = item({ state: 'submitted', dueOn: '2023-07-08', light: 'yellow' });
  const done = item({ state: 'accepted', dueOn: '2023-05-31', light: 'done' });
  const all = [done, filed, owedLater, owedSoon, lateReport, late];

  it('puts overdue first, then reports owed by the nearest date, then filed, then done', () => {
    expect(isOverdue(done, today)).toBe(false);
    expect(isOverdue(late, today) && isOverdue(lateReport, today)).toBe(true);
    const order = sortMyTasks(all, 'none', today).map((i) => i.taskId);
    expect(order).toEqual([late.taskId, lateReport.taskId, owedSoon.taskId, owedLater.taskId, filed.taskId, done.taskId]);
    expect(compareUrgency(late, done, today)).toBeLessThan(0);
  });

  it('groups by state or plan, urgency inside each group', () => {
    expect(sortMyTasks(all, 'state', today).map((i) => i.taskId).slice(-2)).toEqual([filed.taskId, done.taskId]);
    expect(sortMyTasks(all, 'plan', today).at(-1)?.taskId).toBe(owedLater.taskId);
  });

  it('filters by words, role, plan, light and due window', () => {
    expect(filterMyTasks(all, { q: '企业 逾期' }, today)).toEqual([late]);
    expect(filterMyTasks(all, { role: 'responsible' }, today)).toEqual([owedLater]);
    expect(filterMyTasks(all, { plan: 2 }, today)).toEqual([owedLater]);
    expect(filterMyTasks(all, { light: 'yellow' }, today)).toEqual([filed]);
    expect(new Set(filterMyTasks(all, { due: 'overdue' }, today))).toEqual(new Set([late, lateReport]));
    // Within 7 days: the reports owed on 2023-07-10 and the filed task due 2023-07-08; not done ones.
    expect(new Set(filterMyTasks(all, { due: 'week' }, today))).toEqual(new Set([lateReport, owedSoon, owedLater, late, filed]));
  });

  it('pages with the true total and counts states over the other filters', () => {
    const page = myTaskPage(all, { state: 'todo' }, 'none', 2, 2, today);
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.taskId)).toEqual([owedSoon.taskId, owedLater.taskId]);
    expect(page.counts).toEqual({ todo: 4, draft: 0, returned: 0, submitted: 1, accepted: 1 });
    expect(page.plans).toEqual([{ id: 1, title: '邵阳市方案', count: 3 }, { id: 2, title: '永州市方案', count: 1 }]);
    expect(page.overdue).toBe(2);
  });
});
