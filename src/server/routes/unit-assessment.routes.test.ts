import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { plans, taskUnits, tasks, units } from '../../db/schema.ts';
import { createUser } from '../use-cases/users.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Weights { onTimeReport: number; completion: number; overdue: number; returned: number; extensions: number }
interface UnitRow { unitId: number; unit: string; tasks: number; onTimeReportRate: number; completionRate: number; overdueTasks: number; returnedReports: number; extensions: number; score: number | null; rank: number | null; parts: Weights }
interface View { period: { key: string; label: string }; weights: Weights; units: UnitRow[]; best: { unit: string }[]; worst: { unit: string }[] }

describe.each(databaseKinds())('unit assessment (标准量化) from supervision data on %s', (kind) => {
  let t: TestApp;
  let planId = 0;
  const task: Record<number, number> = {};
  const c: Record<string, string> = {};
  const post = (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: { cookie: c[who] ?? '' } });
  const at = (iso: string) => { t.clock.now = new Date(`${iso}T09:00:00+08:00`); };
  const view = async (who = 'office', period = '2023-06'): Promise<View> => (await getJson<View>(t.app, `/api/plans/${planId}/unit-assessment?period=${period}`, c[who] ?? '')).body;
  const row = (v: View, unit: string): UnitRow | undefined => v.units.find((u) => u.unit === unit);
  async function taskCount(unit: string): Promise<number> {
    const rows = await t.database.db.selectDistinct({ id: tasks.id }).from(tasks).innerJoin(taskUnits, eq(taskUnits.taskId, tasks.id)).innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(and(eq(tasks.planId, planId), eq(units.name, unit)));
    return rows.length;
  }

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    planId = plan?.id ?? 0;
    const regionId = plan?.regionId ?? 0;
    for (const seq of [1, 2]) task[seq] = (await t.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.seq, seq))))[0]?.id ?? 0;
    const unitId = async (name: string): Promise<number> => (await t.database.db.select().from(units).where(and(eq(units.name, name), eq(units.regionId, regionId))))[0]?.id ?? 0;
    await createUser(t.database.db, null, { login: 'sy-tax', password: 'Shuiwu2026x', displayName: '市税务局', role: 'unit', regionId, unitId: await unitId('市税务局') });
    await createUser(t.database.db, null, { login: 'sy-police', password: 'Gongan2026x', displayName: '市公安局', role: 'unit', regionId, unitId: await unitId('市公安局') });
    for (const [who, login, pw] of [['office', 'office-shaoyang'], ['leader', 'leader-shaoyang'], ['lead', 'unit-scjg'], ['tax', 'sy-tax', 'Shuiwu2026x'], ['police', 'sy-police', 'Gongan2026x']] as const) {
      c[who] = await signIn(t.app, login, pw);
    }
  });
  afterAll(async () => { await t.close(); });

  it('counts reports filed through the API: on time, late, returned; and extension requests', async () => {
    at('2023-06-15');
    expect((await post('lead', `/api/tasks/${task[2]}/extension-requests`, { reason: '系统升级需延后', proposedDueOn: '2023-08-31', progress: '已完成 70%' })).statusCode).toBe(201);
    at('2023-07-03');
    const base = { period: '2023-06', status: 'in_progress', percent: 60, workDone: '已完成系统对接测试', submit: true };
    const tax = await post('tax', `/api/tasks/${task[1]}/reports`, base);
    expect(tax.statusCode).toBe(201);
    const lead = await post('lead', `/api/tasks/${task[1]}/reports`, { ...base, consolidates: [tax.json<{ id: number }>().id] });
    expect(lead.statusCode).toBe(201);
    expect((await post('office', `/api/reports/${lead.json<{ id: number }>().id}/review`, { decision: 'return', comment: '请补充佐证' })).statusCode).toBe(200);
    // June's report was due on 5 July 2023 (3rd working day): the police report on the 10th is late.
    at('2023-07-10');
    expect((await post('police', `/api/tasks/${task[1]}/reports`, base)).statusCode).toBe(201);

    const v = await view();
    expect(v.period).toMatchObject({ key: '2023-06', label: '2023年6月' });
    const taxRow = row(v, '市税务局');
    expect(taxRow?.tasks).toBe(await taskCount('市税务局'));
    expect(taxRow?.onTimeReportRate).toBeCloseTo(1 / (taxRow?.tasks ?? 1), 10);
    expect(row(v, '市公安局')?.onTimeReportRate).toBe(0);
    expect(row(v, '市市场监管局')).toMatchObject({ returnedReports: 1, extensions: 1, tasks: await taskCount('市市场监管局') });
    expect(row(v, '市税务局')).toMatchObject({ returnedReports: 0, extensions: 0 });
    // Nothing is completed yet: every unit with tasks due by 30 June has completion 0 and those tasks overdue (May and earlier).
    for (const u of v.units) {
      expect(u.completionRate === 1 || u.completionRate === 0).toBe(true);
      expect(u.parts.completion).toBeCloseTo(100 * u.completionRate, 10);
    }
    // Ranked by score, best (骏马) first, worst (蜗牛) last.
    const scores = v.units.map((u) => u.score ?? -1);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(v.best.map((b) => b.unit)).toContain(v.units[0]?.unit);
    expect(v.worst.map((w) => w.unit)).toContain(v.units.at(-1)?.unit);
  });

  it('uses the weights set per plan; only the office may set them', async () => {
    const w = { onTimeReport: 1, completion: 0, overdue: 0, returned: 0, extensions: 0 };
    expect((await t.app.inject({ method: 'PUT', url: `/api/plans/${planId}/unit-assessment-weights`, payload: { weights: w }, headers: { cookie: c.leader ?? '' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: `/api/plans/${planId}/unit-assessment-weights`, payload: { weights: w }, headers: { cookie: c.lead ?? '' } })).statusCode).toBe(404);
    const zero = { ...w, onTimeReport: 0 };
    expect((await t.app.inject({ method: 'PUT', url: `/api/plans/${planId}/unit-assessment-weights`, payload: { weights: zero }, headers: { cookie: c.office ?? '' } })).statusCode).toBe(400);
    const res = await t.app.inject({ method: 'PUT', url: `/api/plans/${planId}/unit-assessment-weights`, payload: { weights: w }, headers: { cookie: c.office ?? '' } });
    expect(res.json<{ weights: Weights }>().weights).toEqual(w);
    const v = await view('leader');
    expect(v.weights).toEqual(w);
    for (const u of v.units) expect(u.score).toBeCloseTo(100 * u.onTimeReportRate, 10);
    // Only 市税务局 filed on time: it alone is the 骏马单位 of June under these weights.
    expect(v.best.map((b) => b.unit)).toEqual(['市税务局']);
    const reset = await t.app.inject({ method: 'PUT', url: `/api/plans/${planId}/unit-assessment-weights`, payload: { weights: null }, headers: { cookie: c.office ?? '' } });
    expect(reset.json<{ weights: Weights }>().weights).toEqual({ onTimeReport: 25, completion: 35, overdue: 20, returned: 10, extensions: 10 });
  });

  it('accepts months, quarters, halves and years; refuses bad periods; units get 404', async () => {
    expect((await view('office', '2023-Q2')).period.label).toBe('2023年第二季度');
    expect((await getJson<{ code: string }>(t.app, `/api/plans/${planId}/unit-assessment?period=2023-13`, c.office ?? '')).body.code).toBe('PERIOD_INVALID');
    expect((await getJson(t.app, `/api/plans/${planId}/unit-assessment?period=2023-06`, c.lead ?? '')).status).toBe(404);
  });
});
