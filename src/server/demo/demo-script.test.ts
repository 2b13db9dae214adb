import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { demoClock, demoNotice, demoOpening } from './demo-clock.ts';
import { planScript, type ScriptPlan } from './demo-script.ts';

const calendar = new WorkCalendar();
const periods = ['2023-03', '2023-04', '2023-05', '2023-06'].map((key) => {
  const [y, m] = key.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { key, start: `${key}-01`, end, dueOn: calendar.addWorkdays(end, 3) };
});
const tasks = Array.from({ length: 120 }, (_, i) => ({
  id: i + 1, text: `第${i + 1}项任务，压缩办理时间`, dueOn: i % 10 === 0 ? null : ['2023-04-30', '2023-06-30', '2023-09-30', '2023-12-31'][i % 4] ?? null,
  lead: 1000 + (i % 7), responsible: i % 3 === 0 ? [2000 + i, 3000 + i] : [],
}));
const plan: ScriptPlan = { planId: 1, tasks, periods, start: '2023-03-15', until: '2023-07-06', seed: 2023 };

describe('the demo year script', () => {
  it('is the same for the same seed and different for another', () => {
    expect(planScript(plan, calendar)).toEqual(planScript(plan, calendar));
    expect(planScript({ ...plan, seed: 7 }, calendar)).not.toEqual(planScript(plan, calendar));
  });

  it('keeps every event inside the played window, in date order', () => {
    const events = planScript(plan, calendar);
    expect(events.length).toBeGreaterThan(500);
    for (const [i, e] of events.entries()) {
      expect(e.day >= plan.start && e.day <= plan.until).toBe(true);
      const prev = events[i - 1];
      if (prev) expect(prev.day < e.day || (prev.day === e.day && prev.minute <= e.minute)).toBe(true);
    }
  });

  it('reviews only reports already filed, and completes a task only after its done report is accepted', () => {
    const events = planScript(plan, calendar);
    const filed = new Set<string>();
    const acceptedDone = new Set<number>();
    const doneReported = new Set<string>();
    for (const { action: a } of events) {
      if (a.kind === 'report') {
        filed.add(`${a.taskId}:${a.unitId}:${a.period}`);
        if (a.status === 'done') doneReported.add(`${a.taskId}:${a.period}`);
      }
      if (a.kind === 'review') {
        expect(filed.has(`${a.taskId}:${a.unitId}:${a.period}`)).toBe(true);
        if (a.accept && doneReported.has(`${a.taskId}:${a.period}`)) acceptedDone.add(a.taskId);
      }
      if (a.kind === 'complete') expect(acceptedDone.has(a.taskId)).toBe(true);
    }
    expect(acceptedDone.size).toBeGreaterThan(10);
  });

  it('draws every kind of activity: returns, consolidations, urges, orders with replies, extensions', () => {
    const kinds = new Set(planScript(plan, calendar).map(({ action: a }) => (a.kind === 'review' ? `review:${a.accept}` : a.kind === 'urge' ? `urge:${a.urge}` : a.kind === 'report' && a.consolidate ? 'consolidate' : a.kind)));
    for (const k of ['report', 'consolidate', 'review:true', 'review:false', 'complete', 'urge:reminder', 'urge:order', 'urge-reply', 'extension', 'extension-confirm', 'extension-decide']) {
      expect(kinds, k).toContain(k);
    }
  });
});

describe('the demo clock', () => {
  it('opens at 09:00 China time on the demo day and runs with real time', () => {
    let real = 1_000_000;
    const clock = demoClock(demoOpening('2023-07-06'), () => real);
    expect(clock().toISOString()).toBe('2023-07-06T01:00:00.000Z');
    real += 90_000;
    expect(clock().toISOString()).toBe('2023-07-06T01:01:30.000Z');
    expect(demoNotice('2023-07-06')).toBe('演示数据：当前日期设定为2023年7月6日');
  });
});
