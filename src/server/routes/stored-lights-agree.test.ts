/**
 * One set of lights: after the daily job and each event that changes a light (an extension decided,
 * a report filed, accepted, a completion accepted), the 预警 board, the cockpit, the dashboard and
 * the documents' figures for the running period show the same light and 逾期 per task, and those
 * equal the supervision model computed afresh from the raw rows (planStatus): what was stored and
 * marked stale by the events is what a full recomputation gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { addDays, WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { plans, tasks, units } from '../../db/schema.ts';
import { unitHeads } from '../../db/supervision-schema.ts';
import { createUser } from '../use-cases/users.ts';
import { planProgress } from '../use-cases/documents/task-progress.ts';
import { recordPlanLights } from '../use-cases/supervision/lights.ts';
import { planStatus } from '../use-cases/supervision/plan-status.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

type Light = 'green' | 'yellow' | 'red' | 'done';
interface Board { tasks: { taskId: number; light: Light }[] }
interface Drill { items: { taskId: number; light: Light; overdue: boolean; lateReport: boolean }[] }
interface Fig { total: number; green: number; yellow: number; red: number; done: number; overdue: number; lateReport: number }
interface Stats { overdue: number; nearDue: number; lights: Record<Light, number> | null }
const calendar = new WorkCalendar();
const LIGHTS: Light[] = ['green', 'yellow', 'red', 'done'];

describe.each(databaseKinds())('board, cockpit, dashboard and documents agree on %s', (kind) => {
  let t: TestApp;
  let planId = 0;
  const task: Record<number, number> = {};
  const cookies: Record<string, string> = {};
  const post = (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: { cookie: cookies[who]! } });
  const get = async <T>(who: string, url: string) => {
    const res = await getJson<T>(t.app, url, cookies[who]!);
    expect(res.status, url).toBe(200);
    return res.body;
  };
  const at = (iso: string) => { t.clock.now = new Date(`${iso}T09:00:00+08:00`); };
  const today = () => t.clock.now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

  /** Every reader's light per task and 逾期, checked against each other and a fresh computation. */
  async function expectAgreement(step: string): Promise<Map<number, Light>> {
    const day = today();
    const board = new Map((await get<Board>('office', `/api/plans/${planId}/lights`)).tasks.map((x) => [x.taskId, x.light]));
    const drill = (await get<Drill>('leader', `/api/plans/${planId}/cockpit/tasks?dim=all`)).items;
    const totals = (await get<{ totals: Fig }>('leader', `/api/plans/${planId}/cockpit`)).totals;
    const stats = await get<Stats>('office', `/api/stats?plan=${planId}`);
    const doc = await planProgress(t.database.db, planId, addDays(day, -1), calendar, day);
    const fresh = await planStatus(t.database.db, planId, day, calendar);

    const expected = new Map(fresh.tasks.map((s) => [s.taskId, s.light]));
    expect(board, `${step}: board vs recomputed`).toEqual(expected);
    expect(new Map(drill.map((x) => [x.taskId, x.light])), `${step}: cockpit`).toEqual(expected);
    expect(new Map(doc.tasks.map((x) => [doc.taskIds.get(x.seq)!, x.light])), `${step}: documents`).toEqual(expected);
    const overdueIds = fresh.tasks.filter((s) => s.overdue).map((s) => s.taskId).sort((a, b) => a - b);
    expect(drill.filter((x) => x.overdue).map((x) => x.taskId).sort((a, b) => a - b), `${step}: cockpit 逾期`).toEqual(overdueIds);
    expect(doc.tasks.filter((x) => x.overdue).length, `${step}: documents 逾期`).toBe(overdueIds.length);
    expect(new Map(drill.map((x) => [x.taskId, x.lateReport])), `${step}: 迟报`).toEqual(new Map(fresh.tasks.map((s) => [s.taskId, s.lateReport])));
    // Counts: recounted here from the recomputed per-task lights.
    const count = (l: Light) => fresh.tasks.filter((s) => s.light === l).length;
    expect(stats.lights, `${step}: dashboard lights`).toEqual(Object.fromEntries(LIGHTS.map((l) => [l, count(l)])));
    expect([stats.overdue, stats.nearDue], `${step}: dashboard 逾期/临期`).toEqual([overdueIds.length, fresh.tasks.filter((s) => s.nearDue).length]);
    expect(LIGHTS.map((l) => totals[l]), `${step}: cockpit totals`).toEqual(LIGHTS.map(count));
    expect(totals.overdue).toBe(overdueIds.length);
    return expected;
  }

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    const db = t.database.db;
    const [plan] = await db.select().from(plans).where(eq(plans.year, 2023));
    planId = plan!.id;
    for (const seq of [1, 2]) task[seq] = (await db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.seq, seq))))[0]!.id;
    const [scjg] = await db.select().from(units).where(and(eq(units.name, '市市场监管局'), eq(units.regionId, plan!.regionId)));
    const headId = await createUser(db, null, { login: 'agree-head', password: 'Fuzeren2026x', displayName: '市市场监管局局长', role: 'unit', regionId: plan!.regionId, unitId: scjg!.id });
    await db.insert(unitHeads).values({ userId: headId, unitId: scjg!.id });
    for (const [who, login, pw] of [['office', 'office-shaoyang'], ['leader', 'leader-shaoyang'], ['lead', 'unit-scjg'], ['head', 'agree-head', 'Fuzeren2026x']] as const) cookies[who] = await signIn(t.app, login, pw);
  });
  afterAll(async () => { await t.close(); });

  it('after the daily job and each event that changes a light', async () => {
    at('2023-06-15');
    await recordPlanLights(t.database.db, planId, today(), calendar, t.clock.now);
    const first = await expectAgreement('daily job');
    expect(new Set(first.values()).size, 'the demo plan has more than one light').toBeGreaterThan(1);

    // 延期: the lead unit asks, its head confirms, the office approves a later date.
    const ext = await post('lead', `/api/tasks/${task[2]}/extension-requests`, { reason: '系统升级需延后', proposedDueOn: '2023-08-31', progress: '已完成 70%' });
    expect(ext.statusCode).toBe(201);
    const extId = ext.json<{ id: number }>().id;
    expect((await post('head', `/api/extension-requests/${extId}/confirm`, {})).statusCode).toBe(200);
    expect((await post('office', `/api/extension-requests/${extId}/decision`, { approve: true, newDueOn: '2023-08-15' })).statusCode).toBe(200);
    await expectAgreement('extension approved');

    // Days later: a report saying done, its acceptance, then the office accepts the completion.
    at('2023-06-20');
    const filed = await post('lead', `/api/tasks/${task[1]}/reports`, { period: '2023-06', status: 'done', percent: 100, workDone: '已全面完成', submit: true });
    expect(filed.statusCode).toBe(201);
    await expectAgreement('report filed');
    expect((await post('office', `/api/reports/${filed.json<{ id: number }>().id}/review`, { decision: 'accept' })).statusCode).toBe(200);
    await expectAgreement('report accepted');
    expect((await post('office', `/api/tasks/${task[1]}/completion`, { accept: true })).statusCode).toBe(204);
    const last = await expectAgreement('completion accepted');
    expect(last.get(task[1]!)).toBe('done');
  }, 120_000);
});
