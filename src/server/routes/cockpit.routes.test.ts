/**
 * 领导驾驶舱 on both databases: every figure equals the length of the list it drills into, and both
 * are recomputed here from raw rows (tasks, task_units, units, regions, unit_memberships) and the
 * per-task lights of the task view; at-risk indicators follow the latest round's ranks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { indicators, plans, regions, taskUnits, tasks, unitMemberships, units } from '../../db/schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Fig { total: number; done: number; open: number; green: number; yellow: number; red: number; overdue: number; lateReport: number; completionRate: number }
interface Cockpit {
  period: string; totals: Fig;
  byIndicator: (Fig & { indicatorId: number; name: string; atRisk: boolean; latestRank: number | null; targetRank: number | null })[];
  byLeadUnit: (Fig & { unitId: number })[]; byPlace: (Fig & { regionId: number; name: string })[]; trend: (Fig & { period: string })[];
  atRisk: { indicatorId: number }[]; lagging: (Fig & { unitId: number })[];
}
interface Drill { items: { taskId: number; light: string; overdue: boolean; lateReport: boolean }[] }
const MEASURES = ['total', 'done', 'open', 'green', 'yellow', 'red', 'overdue', 'lateReport'] as const;

describe.each(databaseKinds())('leader cockpit on %s', (kind) => {
  let t: TestApp;
  let planId = 0;
  const c: Record<string, string> = {};
  const get = <T>(who: string, url: string) => getJson<T>(t.app, url, c[who] ?? '');

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    t.clock.now = new Date('2023-07-06T09:00:00+08:00');
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    planId = plan?.id ?? 0;
    for (const [who, login] of [['office', 'office-shaoyang'], ['leader', 'leader-shaoyang'], ['unit', 'unit-scjg'], ['yz', 'office-yongzhou']] as const) c[who] = await signIn(t.app, login);
  });
  afterAll(async () => { await t.close(); });

  it('is for leaders and offices of the plan only', async () => {
    expect((await get('leader', `/api/plans/${planId}/cockpit`)).status).toBe(200);
    expect((await get('office', `/api/plans/${planId}/cockpit`)).status).toBe(200);
    expect((await get('unit', `/api/plans/${planId}/cockpit`)).status).toBe(404);
    expect((await get('yz', `/api/plans/${planId}/cockpit`)).status).toBe(404);
  });

  it('counts equal the drilled lists, recomputed from raw rows', async () => {
    const { body } = await get<Cockpit>('leader', `/api/plans/${planId}/cockpit`);
    const db = t.database.db;
    const taskRows = await db.select({ id: tasks.id, indicatorId: tasks.indicatorId }).from(tasks).where(eq(tasks.planId, planId));
    const links = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, role: taskUnits.role }).from(taskUnits).where(inArray(taskUnits.taskId, taskRows.map((r) => r.id)));
    // Lights and flags per task from the task view (the screen a drilled row opens).
    const all = (await get<Drill>('leader', `/api/plans/${planId}/cockpit/tasks?dim=all`)).body.items;
    expect(all.length).toBe(taskRows.length);
    const sample = all.slice(0, 5);
    for (const s of sample) {
      const detail = (await get<{ supervision: { light: string; overdue: boolean } }>('leader', `/api/tasks/${s.taskId}`)).body;
      expect([detail.supervision.light, detail.supervision.overdue]).toEqual([s.light, s.overdue]);
    }
    const flag = new Map(all.map((x) => [x.taskId, x]));
    const pick = (ids: number[], m: (typeof MEASURES)[number]) => ids.filter((id) => {
      const x = flag.get(id)!;
      return m === 'total' || (m === 'done' ? x.light === 'done' : m === 'open' ? x.light !== 'done' : m === 'overdue' ? x.overdue : m === 'lateReport' ? x.lateReport : x.light === m);
    }).sort((a, b) => a - b);
    const check = async (dim: string, key: number | string, ids: number[], fig: Fig) => {
      for (const m of MEASURES) {
        const drilled = (await get<Drill>('leader', `/api/plans/${planId}/cockpit/tasks?dim=${dim}&key=${key}&measure=${m}`)).body.items.map((x) => x.taskId).sort((a, b) => a - b);
        expect(drilled, `${dim} ${key} ${m}`).toEqual(pick(ids, m));
        expect(fig[m], `${dim} ${key} ${m}`).toBe(drilled.length);
      }
    };
    await check('all', '', taskRows.map((r) => r.id), body.totals);
    for (const i of body.byIndicator.slice(0, 6)) await check('indicator', i.indicatorId, taskRows.filter((r) => r.indicatorId === i.indicatorId).map((r) => r.id), i);
    for (const u of body.byLeadUnit.slice(0, 4)) await check('leadUnit', u.unitId, [...new Set(links.filter((l) => l.role === 'lead' && l.unitId === u.unitId).map((l) => l.taskId))], u);
    for (const u of body.lagging.slice(0, 3)) await check('unit', u.unitId, [...new Set(links.filter((l) => l.unitId === u.unitId).map((l) => l.taskId))], u);
    // Places: tasks of a unit in the place's region or of a collective one of its members is in.
    const members = await db.select().from(unitMemberships);
    const allRegions = await db.select().from(regions);
    for (const p of body.byPlace.slice(0, 3)) {
      expect(allRegions.find((r) => r.id === p.regionId)?.level).toMatch(/county|district|park/);
      const inPlace = new Set((await db.select({ id: units.id }).from(units).where(eq(units.regionId, p.regionId))).map((u) => u.id));
      for (const m of members) if (inPlace.has(m.memberId)) inPlace.add(m.collectiveId);
      await check('place', p.regionId, [...new Set(links.filter((l) => inPlace.has(l.unitId)).map((l) => l.taskId))], p);
    }
    // The trend's current period is today's board.
    const current = body.trend.find((x) => x.period === body.period);
    expect(current?.total).toBe(body.totals.total);
    expect(body.totals.completionRate).toBe(body.totals.total ? Math.round((body.totals.done / body.totals.total) * 1000) / 10 : 0);
    // Each drill recomputes the plan's state: a few hundred requests.
  }, 300_000);

  it('counts a county\'s tasks, its own and its collective\'s (永州: 冷水滩区 …)', async () => {
    const db = t.database.db;
    const [yz] = await db.select().from(plans).where(eq(plans.year, 2022));
    const { body } = await get<Cockpit>('yz', `/api/plans/${yz?.id}/cockpit`);
    expect(body.byPlace.length).toBeGreaterThan(0);
    const taskIds = (await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, yz!.id))).map((r) => r.id);
    const links = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId }).from(taskUnits).where(inArray(taskUnits.taskId, taskIds));
    const members = await db.select().from(unitMemberships);
    for (const p of body.byPlace) {
      const inPlace = new Set((await db.select({ id: units.id }).from(units).where(eq(units.regionId, p.regionId))).map((u) => u.id));
      for (const m of members) if (inPlace.has(m.memberId)) inPlace.add(m.collectiveId);
      const expected = [...new Set(links.filter((l) => inPlace.has(l.unitId)).map((l) => l.taskId))].sort((a, b) => a - b);
      const drilled = (await get<Drill>('yz', `/api/plans/${yz?.id}/cockpit/tasks?dim=place&key=${p.regionId}`)).body.items.map((x) => x.taskId).sort((a, b) => a - b);
      expect(drilled, p.name).toEqual(expected);
      expect(p.total, p.name).toBe(expected.length);
    }
  });

  it('names indicators whose latest rank is behind their annual target', async () => {
    const inds = await t.database.db.select().from(indicators).where(and(eq(indicators.planId, planId), eq(indicators.kind, 'indicator')));
    const withTarget = inds.filter((i) => /前\s*\d+|前[一二三四五六七八九十]/.test(i.annualTarget ?? ''));
    expect(withTarget.length).toBeGreaterThan(1);
    const round = await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/assessment-rounds`, headers: { cookie: c.office ?? '' }, payload: { title: '2023年上半年省营商环境评价', period: '2023-H1' } });
    expect(round.statusCode).toBe(201);
    const [behind, ahead] = withTarget;
    const items = [{ indicatorId: behind!.id, rank: 14 }, { indicatorId: ahead!.id, rank: 1 }];
    expect((await t.app.inject({ method: 'PUT', url: `/api/assessment-rounds/${round.json<{ id: number }>().id}/indicator-ranks`, headers: { cookie: c.office ?? '' }, payload: { items } })).statusCode).toBe(200);
    const { body } = await get<Cockpit>('leader', `/api/plans/${planId}/cockpit`);
    expect(body.atRisk.map((i) => i.indicatorId)).toEqual([behind!.id]);
    expect(body.byIndicator.find((i) => i.indicatorId === ahead!.id)).toMatchObject({ latestRank: 1, atRisk: false });
  });

  it('exports its tables, audited', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/plans/${planId}/exports/cockpit.xlsx`, headers: { cookie: c.leader ?? '' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
  });
});
