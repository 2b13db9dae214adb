/**
 * Switching a plan from month to 旬 mid-period (the defect of issue 13): reports already filed stay
 * visible and counted, the change takes effect from the next period, and June's 旬s are never owed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { plans, tasks, units, users } from '../../db/schema.ts';
import { notifications } from '../../db/supervision-schema.ts';
import { createUser } from '../use-cases/users.ts';
import { runReminders } from '../use-cases/supervision/reminders.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Report { id: number; state: string; version: number; period: string; role: string }
interface MyTask { taskId: number; period: { key: string; label: string; dueOn: string; late: boolean }; report: { id: number; state: string } | null }
interface UnitRow { unitId: number; unit: string; onTimeReportRate: number; returnedReports: number; tasks: number }
const calendar = new WorkCalendar();

describe.each(databaseKinds())('a reporting-cycle change on %s', (kind) => {
  let t: TestApp;
  let planId: number;
  let taskId: number;
  const cookies: Record<string, string> = {};
  const post = (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: { cookie: cookies[who]! } });
  const at = (iso: string) => { t.clock.now = new Date(`${iso}T09:00:00+08:00`); };
  const assessment = async () => (await getJson<{ units: UnitRow[] }>(t.app, `/api/plans/${planId}/unit-assessment?period=2023-06`, cookies.office!)).body.units;
  let leadReport: Report;

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    planId = plan!.id;
    taskId = (await t.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.seq, 1))))[0]!.id;
    const [tax] = await t.database.db.select().from(units).where(and(eq(units.name, '市税务局'), eq(units.regionId, plan!.regionId)));
    await createUser(t.database.db, null, { login: 'sy-tax', password: 'Shuiwu2026x', displayName: '市税务局', role: 'unit', regionId: plan!.regionId, unitId: tax!.id });
    for (const [who, login, pw] of [['office', 'office-shaoyang'], ['lead', 'unit-scjg'], ['tax', 'sy-tax', 'Shuiwu2026x']] as const) cookies[who] = await signIn(t.app, login, pw);
  });
  afterAll(async () => { await t.close(); });

  it('keeps June month reports filed before a switch to 旬 visible, counted and owed on June only', async () => {
    at('2023-06-14');
    const june = { period: '2023-06', status: 'in_progress', percent: 50, workDone: '已完成系统对接' };
    const tax = await post('tax', `/api/tasks/${taskId}/reports`, { ...june, submit: true });
    expect(tax.statusCode).toBe(201);
    const lead = await post('lead', `/api/tasks/${taskId}/reports`, { ...june, consolidates: [tax.json<Report>().id], submit: true });
    expect(lead.statusCode).toBe(201);
    leadReport = lead.json<Report>();
    at('2023-07-10');
    const before = await assessment();

    at('2023-06-15');
    const put = await t.app.inject({ method: 'PUT', url: `/api/plans/${planId}/supervision`, headers: { cookie: cookies.office! },
      payload: { cycle: 'xun', dueWorkdays: 3, yellowWithinDays: 15, redAfterReturns: 2, escalateAfterWorkdays: 3, orderPrefix: '邵优化督' } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ cycle: 'xun', previousCycle: 'month', cycleFrom: '2023-07-01' });
    expect((await getJson(t.app, `/api/plans/${planId}/supervision`, cookies.office!)).body).toMatchObject({ cycle: 'xun', previousCycle: 'month', cycleFrom: '2023-07-01' });

    // June's figures are what they were under the monthly cycle: the June report is owed once and counted.
    at('2023-07-10');
    const after = await assessment();
    expect(after).toEqual(before);
    expect(after.find((u) => u.unit === '市税务局')!.onTimeReportRate).toBeGreaterThan(0);
    // No late report for June's 旬s: on 10 July the light looks at June, which was filed.
    const lights = (await getJson<{ period: string; tasks: { taskId: number; reasons: string[] }[] }>(t.app, `/api/plans/${planId}/lights`, cookies.office!)).body;
    expect(lights.period).toBe('2023-07-1');
    expect(lights.tasks.find((l) => l.taskId === taskId)!.reasons).not.toContain('进展报告逾期未报');
  });

  it('shows the June report on the task, in the review queue and in my-tasks, and takes corrections under its key', async () => {
    at('2023-07-03');
    const onTask = (await getJson<{ items: Report[] }>(t.app, `/api/tasks/${taskId}/reports`, cookies.lead!)).body.items;
    expect(onTask.filter((r) => r.period === '2023-06').map((r) => r.role).sort()).toEqual(['lead', 'responsible']);
    const queue = (await getJson<{ items: Report[] }>(t.app, '/api/review-queue', cookies.office!)).body.items;
    expect(queue.map((r) => r.id)).toContain(leadReport.id);
    const mine = (await getJson<{ items: MyTask[] }>(t.app, '/api/my-tasks', cookies.lead!)).body.items.find((m) => m.taskId === taskId)!;
    expect(mine.period).toMatchObject({ key: '2023-06', dueOn: '2023-07-05', late: false });
    expect(mine.report).toMatchObject({ id: leadReport.id, state: 'submitted' });

    expect((await post('tax', `/api/tasks/${taskId}/reports`, { period: '2023-06-3', status: 'in_progress', percent: 60, workDone: 'x' })).json<{ code: string }>().code).toBe('PERIOD_INVALID');
    expect((await post('office', `/api/reports/${leadReport.id}/review`, { decision: 'return', comment: '请补充佐证' })).statusCode).toBe(200);
    const v2 = await post('lead', `/api/tasks/${taskId}/reports`, { period: '2023-06', status: 'in_progress', percent: 60, workDone: '补充佐证后重报', submit: true });
    expect(v2.statusCode).toBe(201);
    expect(v2.json<Report>()).toMatchObject({ period: '2023-06', version: 2, state: 'submitted' });
  });

  it('owes the first 旬 report for 2023年7月上旬 and reminds of June, never of June\'s 旬s', async () => {
    at('2023-07-12');
    const mine = (await getJson<{ items: MyTask[] }>(t.app, '/api/my-tasks', cookies.lead!)).body.items.find((m) => m.taskId === taskId)!;
    expect(mine.period).toMatchObject({ key: '2023-07-1', label: '2023年7月上旬', dueOn: '2023-07-13' });
    await runReminders(t.database.db, '2023-07-03', calendar);
    await runReminders(t.database.db, '2023-07-12', calendar);
    const [lead] = await t.database.db.select().from(users).where(eq(users.login, 'unit-scjg'));
    const titles = (await t.database.db.select().from(notifications).where(eq(notifications.userId, lead!.id))).map((n) => n.title);
    expect(titles).toContain('进展报告即将截止：2023年6月');
    expect(titles).toContain('进展报告即将截止：2023年7月上旬');
    expect(titles.filter((x) => /6月[上中下]旬/.test(x))).toEqual([]);
  });
});
