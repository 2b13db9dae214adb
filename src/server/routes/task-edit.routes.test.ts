import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { auditLog, indicators, plans, regions, tasks, units } from '../../db/schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Detail { text: string; deadline: string | null; deadlineRaw: string | null; indicator: { id: number } | null; leadUnits: { id: number; name: string }[]; responsibleUnits: { id: number; name: string }[] }
interface Timeline { items: { action: string; details: { before: Record<string, unknown>; after: Record<string, unknown> } | null }[] }

describe.each(databaseKinds())('editing a task without re-import on %s', (kind) => {
  let t: TestApp;
  let office: string;
  let taskId: number;
  let planId: number;
  const patch = (payload: object, cookie = office) => t.app.inject({ method: 'PATCH', url: `/api/tasks/${taskId}`, headers: { cookie }, payload });

  beforeAll(async () => {
    t = await demoApp(kind);
    office = await signIn(t.app, 'office-shaoyang');
    const [shaoyang] = await t.database.db.select().from(regions).where(eq(regions.name, '邵阳市'));
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.regionId, shaoyang!.id));
    planId = plan!.id;
    taskId = (await t.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.seq, 5))))[0]!.id;
  });
  afterAll(async () => { await t.close(); });

  it('changes text, deadline, indicator and units in one step, recorded in the timeline', async () => {
    const before = (await getJson<Detail>(t.app, `/api/tasks/${taskId}`, office)).body;
    const [other] = await t.database.db.select().from(indicators).where(and(eq(indicators.planId, planId), ne(indicators.id, before.indicator?.id ?? -1)));
    const [tax] = await t.database.db.select().from(units).where(and(eq(units.name, '市税务局'), eq(units.regionId, (await t.database.db.select().from(plans).where(eq(plans.id, planId)))[0]!.regionId)));
    const res = await patch({ text: '压缩企业开办时间至0.5个工作日以内', deadlineRaw: '2023年9月', indicatorId: other!.id, responsibleUnitIds: [tax!.id] });
    expect(res.statusCode).toBe(200);
    const after = res.json<Detail>();
    expect(after).toMatchObject({ text: '压缩企业开办时间至0.5个工作日以内', deadline: '2023-09', deadlineRaw: '2023年9月', indicator: { id: other!.id } });
    expect(after.responsibleUnits.map((u) => u.name)).toEqual(['市税务局']);
    // Lights and reminders use the derived last day of the month.
    expect((await t.database.db.select().from(tasks).where(eq(tasks.id, taskId)))[0]!.dueOn).toBe('2023-09-30');
    expect(after.leadUnits).toEqual(before.leadUnits);
    const timeline = (await getJson<Timeline>(t.app, `/api/tasks/${taskId}/timeline`, office)).body.items;
    const change = timeline.find((e) => e.action === 'task.update');
    expect(change?.details?.before).toMatchObject({ text: before.text, deadline: before.deadlineRaw, indicatorId: before.indicator?.id ?? null });
    expect(change?.details?.after).toMatchObject({ deadline: '2023年9月', indicatorId: other!.id, responsibleUnits: ['市税务局'] });
    // Saving the same values again changes nothing and logs nothing.
    await patch({ text: '压缩企业开办时间至0.5个工作日以内', deadlineRaw: '2023年9月' });
    const again = (await getJson<Timeline>(t.app, `/api/tasks/${taskId}/timeline`, office)).body.items.filter((e) => e.action === 'task.update');
    expect(again).toHaveLength(1);
  });

  it('refuses indicators of another plan, units out of scope, and anyone but the plan office', async () => {
    const [foreign] = await t.database.db.select().from(indicators).where(ne(indicators.planId, planId));
    expect((await patch({ indicatorId: foreign!.id })).json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    const [yongzhou] = await t.database.db.select().from(regions).where(eq(regions.name, '永州市'));
    const [far] = await t.database.db.select().from(units).where(eq(units.regionId, yongzhou!.id));
    expect((await patch({ leadUnitIds: [far!.id] })).json<{ code: string }>().code).toBe('UNIT_NOT_FOUND');
    expect((await patch({ text: 'x' }, await signIn(t.app, 'unit-scjg'))).statusCode).toBe(403);
    expect((await patch({ text: 'x' }, await signIn(t.app, 'office-yongzhou'))).statusCode).toBe(404);
    expect((await patch({ text: 'x' }, await signIn(t.app, 'leader-shaoyang'))).statusCode).toBe(403);
  });
});

describe.each(databaseKinds())('年度目标 per indicator on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await demoApp(kind); });
  afterAll(async () => { await t.close(); });

  it('lets the plan office set and clear an indicator annual target, audited', async () => {
    const office = await signIn(t.app, 'office-shaoyang');
    const [shaoyang] = await t.database.db.select().from(regions).where(eq(regions.name, '邵阳市'));
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.regionId, shaoyang!.id));
    const [indicator] = await t.database.db.select().from(indicators).where(eq(indicators.planId, plan!.id));
    const patch = (payload: object, cookie = office) => t.app.inject({ method: 'PATCH', url: `/api/indicators/${indicator!.id}`, headers: { cookie }, payload });
    expect((await patch({ annualTarget: '全省前3名' })).json<{ annualTarget: string }>().annualTarget).toBe('全省前3名');
    const detail = (await getJson<{ indicators: { id: number; annualTarget: string | null }[] }>(t.app, `/api/plans/${plan!.id}`, office)).body;
    expect(detail.indicators.find((i) => i.id === indicator!.id)?.annualTarget).toBe('全省前3名');
    expect((await patch({ annualTarget: '' })).json<{ annualTarget: string | null }>().annualTarget).toBeNull();
    expect((await patch({ annualTarget: 'x' }, await signIn(t.app, 'leader-shaoyang'))).statusCode).toBe(403);
    expect((await patch({ annualTarget: 'x' }, await signIn(t.app, 'office-yongzhou'))).statusCode).toBe(404);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'indicator.annual_target')).orderBy(auditLog.id);
    expect(audits.map((a) => (a.details as { after: string | null }).after)).toEqual(['全省前3名', null]);
  });
});
