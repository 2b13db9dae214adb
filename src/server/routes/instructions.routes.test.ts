/**
 * 领导批示 on both databases: a leader writes on a task, the lead unit is notified and answers, the
 * instruction shows on the task's timeline and in the period's list for the documents; other units
 * neither see nor answer it; bad input names what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { plans, tasks, units } from '../../db/schema.ts';
import { periodInstructions } from '../use-cases/instructions/instructions.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface View { id: number; text: string; units: { id: number; name: string }[]; answers: { unitId: number; text: string }[]; mayAnswer: boolean }

describe.each(databaseKinds())('领导批示 on %s', (kind) => {
  let t: TestApp;
  let planId = 0;
  let taskId = 0;
  let otherTaskId = 0;
  const c: Record<string, string> = {};
  const post = (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: { cookie: c[who] ?? '' } });
  const get = <T>(who: string, url: string) => getJson<T>(t.app, url, c[who] ?? '');

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    t.clock.now = new Date('2023-07-06T09:00:00+08:00');
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    planId = plan?.id ?? 0;
    for (const [who, login] of [['office', 'office-shaoyang'], ['leader', 'leader-shaoyang'], ['scjg', 'unit-scjg'], ['tax', 'unit-sy-tax']] as const) c[who] = await signIn(t.app, login);
    const mine = (await get<{ items: { id: number; leadUnits: { name: string }[] }[] }>('scjg', `/api/tasks?plan=${planId}&pageSize=200`)).body.items;
    taskId = mine.find((x) => x.leadUnits.some((u) => u.name === '市市场监管局'))?.id ?? 0;
    const [scjg] = await t.database.db.select().from(units).where(eq(units.name, '市市场监管局'));
    const all = await t.database.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.planId, planId)));
    otherTaskId = all.find((x) => !mine.some((m) => m.id === x.id))?.id ?? 0;
    expect(scjg && taskId && otherTaskId).toBeTruthy();
  });
  afterAll(async () => { await t.close(); });

  it('a leader instructs, the lead unit is notified and answers; it shows on the timeline and for the documents', async () => {
    const res = await post('leader', '/api/instructions', { targetKind: 'task', targetId: taskId, text: '请市场监管局本月底前拿出具体措施' });
    expect(res.statusCode).toBe(201);
    const created = res.json<View>();
    expect(created.units.map((u) => u.name)).toEqual(['市市场监管局']);
    const inbox = (await get<{ items: { title: string; body: string }[] }>('scjg', '/api/notifications')).body.items;
    expect(inbox.some((n) => n.title.startsWith('领导批示') && n.body.includes('请市场监管局本月底前拿出具体措施'))).toBe(true);
    const seen = (await get<{ items: View[] }>('scjg', `/api/tasks/${taskId}/instructions`)).body.items;
    expect(seen[0]).toMatchObject({ id: created.id, mayAnswer: true });
    expect((await post('scjg', `/api/instructions/${created.id}/answer`, { text: '已制定方案，7月25日前完成' })).statusCode).toBe(204);
    const after = (await get<{ items: View[] }>('leader', `/api/tasks/${taskId}/instructions`)).body.items;
    expect(after[0]?.answers).toMatchObject([{ text: '已制定方案，7月25日前完成' }]);
    const leaderInbox = (await get<{ items: { title: string }[] }>('leader', '/api/notifications')).body.items;
    expect(leaderInbox.some((n) => n.title === '批示已回复')).toBe(true);
    const timeline = (await get<{ items: { action: string }[] }>('office', `/api/tasks/${taskId}/timeline`)).body.items.map((x) => x.action);
    expect(timeline).toEqual(expect.arrayContaining(['instruction.write', 'instruction.answer']));
    const forDocs = await periodInstructions(t.database.db, planId, '2023-07-01', '2023-07-31');
    expect(forDocs).toMatchObject([{ id: created.id, answers: [{ unit: '市市场监管局', text: '已制定方案，7月25日前完成' }] }]);
    expect(await periodInstructions(t.database.db, planId, '2023-06-01', '2023-06-30')).toEqual([]);
  });

  it('other units neither see nor answer it; units cannot instruct; bad units are named', async () => {
    const [first] = (await get<{ items: View[] }>('leader', `/api/instructions?plan=${planId}`)).body.items;
    expect((await get<{ items: View[] }>('tax', `/api/instructions?plan=${planId}`)).body.items.some((i) => i.id === first?.id)).toBe(false);
    expect((await post('tax', `/api/instructions/${first?.id}/answer`, { text: 'x' })).statusCode).toBe(404);
    expect((await post('scjg', '/api/instructions', { targetKind: 'task', targetId: taskId, text: '自己批示' })).statusCode).toBe(403);
    const [tax] = await t.database.db.select().from(units).where(eq(units.name, '市税务局'));
    const stray = await post('leader', '/api/instructions', { targetKind: 'task', targetId: otherTaskId, text: '请落实', unitIds: [tax?.id ?? 0, 999999] });
    expect(stray.statusCode).toBe(400);
    expect(stray.json<{ message: string }>().message).toMatch(/不是任务\d+涉及的单位/);
    expect((await post('leader', '/api/instructions', { targetKind: 'document', targetId: 999999, text: '请落实' })).statusCode).toBe(404);
  });
});
