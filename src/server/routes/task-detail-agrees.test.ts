/**
 * The task page computes one task's light from what it read with the task (task-status.ts); the
 * board computes a plan's (planStatus). For every task of a plan, with lead reports filed,
 * returned and accepted, a task completed and overdue and 不满意 problems linked, on several days,
 * GET /api/tasks/:id says what planStatus says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { caseEvents, cases } from '../../db/case-schema.ts';
import { plans, taskUnits, tasks, users } from '../../db/schema.ts';
import { progressReports, taskSupervision } from '../../db/supervision-schema.ts';
import { planStatus } from '../use-cases/supervision/plan-status.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Detail { id: number; supervision: { plannedDueOn: string | null; dueOn: string | null; ongoing: boolean; completedOn: string | null; light: string; reasons: string[]; overdue: boolean; nearDue: boolean } }
const calendar = new WorkCalendar();

describe.each(databaseKinds())('the task page agrees with the plan’s status on %s', (kind) => {
  let t: TestApp;
  let planId = 0;
  let cookie = '';

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    const db = t.database.db;
    const [plan] = await db.select().from(plans).where(eq(plans.year, 2023));
    planId = plan!.id;
    cookie = await signIn(t.app, 'office-shaoyang');
    const [author] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'unit-scjg'));
    const leads = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .where(and(eq(tasks.planId, planId), eq(taskUnits.role, 'lead'), eq(taskUnits.position, 0))).orderBy(asc(tasks.seq));
    const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
    const report = (taskId: number, unitId: number, period: string, version: number, state: 'submitted' | 'accepted' | 'returned', status: 'in_progress' | 'done', day: string) => ({
      taskId, unitId, period, version, role: 'lead' as const, state, status, percent: status === 'done' ? 100 : 40, workDone: `推进${period}`, problems: version > 1 ? '资金未到位' : '',
      createdBy: author!.id, submittedBy: author!.id, submittedAt: at(day),
    });
    const [a, b, c, d, e] = leads;
    await db.insert(progressReports).values([
      // Returned twice in a row (red), then a later period accepted.
      report(a!.taskId, a!.unitId, '2023-04', 1, 'returned', 'in_progress', '2023-05-04'),
      report(a!.taskId, a!.unitId, '2023-04', 2, 'returned', 'in_progress', '2023-05-06'),
      report(b!.taskId, b!.unitId, '2023-04', 1, 'accepted', 'in_progress', '2023-05-04'),
      report(b!.taskId, b!.unitId, '2023-05', 1, 'submitted', 'done', '2023-06-02'),
      report(c!.taskId, c!.unitId, '2023-05', 1, 'accepted', 'done', '2023-06-01'),
      report(d!.taskId, d!.unitId, '2023-05', 1, 'submitted', 'in_progress', '2023-06-20'),
    ]);
    await db.insert(taskSupervision).values({ taskId: c!.taskId, completedAt: at('2023-06-05'), doneOn: '2023-06-01' });
    await db.insert(taskSupervision).values({ taskId: e!.taskId, extendedDueOn: '2023-12-31' });
    const found = { regionId: plan!.regionId, planId, kind: 'complaint' as const, finding: '企业反映', createdBy: author!.id };
    const [late, unhappy] = await db.insert(cases).values([
      { ...found, source: 'hotline', refNo: 'RX-1', title: '办照慢', foundOn: '2023-05-01', dueOn: '2023-05-20', taskIds: [a!.taskId, d!.taskId] },
      { ...found, source: 'forum', title: '审批材料多', foundOn: '2023-05-02', dueOn: '2023-09-30', taskIds: [d!.taskId, e!.taskId] },
    ]).returning({ id: cases.id });
    await db.insert(caseEvents).values([
      { caseId: unhappy!.id, step: 'visit', day: '2023-06-03', at: at('2023-06-03'), text: '回访', details: { satisfaction: 'dissatisfied' } },
      { caseId: late!.id, step: 'visit', day: '2023-06-03', at: at('2023-06-03'), text: '回访', details: { satisfaction: 'satisfied' } },
    ]);
  });
  afterAll(async () => { await t.close(); });

  it.each(['2023-05-05', '2023-06-15', '2023-06-25', '2023-12-30'])('on %s', async (day) => {
    t.clock.now = new Date(`${day}T09:00:00+08:00`);
    const fresh = await planStatus(t.database.db, planId, day, calendar);
    expect(fresh.tasks.length).toBeGreaterThan(5);
    for (const s of fresh.tasks) {
      const res = await getJson<Detail>(t.app, `/api/tasks/${s.taskId}`, cookie);
      expect(res.status).toBe(200);
      const { plannedDueOn, dueOn, ongoing, completedOn, light, reasons, overdue, nearDue } = s;
      expect(res.body.supervision, `task ${s.taskId}`).toEqual({ plannedDueOn, dueOn, extended: dueOn !== null && dueOn !== plannedDueOn, ongoing, completedOn, light, reasons, overdue, nearDue });
    }
    // The data set is not trivial: several lights, the problems' reasons and a completion show.
    const lights = new Set(fresh.tasks.map((s) => s.light));
    expect(lights.size).toBeGreaterThan(1);
    if (day > '2023-06-03') expect(fresh.tasks.some((s) => s.reasons.some((r) => r.includes('企业回访不满意')))).toBe(true);
    if (day > '2023-05-20') expect(fresh.tasks.some((s) => s.reasons.some((r) => r.includes('已超期未办结')))).toBe(true);
  });
});
