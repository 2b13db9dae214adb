/**
 * Leaks inside a scope: the counties of 各县市区政府 (永州市) each report, ask for extensions and get
 * urged on the tasks of their collective. Each must see only its own records, and an urge
 * addressed to the collective must reach — and be answerable by — every member.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { plans, regions, taskUnits, tasks, unitMemberships, units, users } from '../../db/schema.ts';
import { notifications, unitHeads } from '../../db/supervision-schema.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

interface Item { id: number; unitId: number }

describe.each(databaseKinds())('records of fellow members of a collective on %s', (kind) => {
  let t: TestApp;
  const cookie: Record<string, string> = {};
  let taskId: number;
  let ledTaskId: number;
  let collectiveId: number;
  const unitOf: Record<string, number> = {};
  const send = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie: cookie[who]! } });

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    t.clock.now = new Date('2022-03-10T09:00:00+08:00');
    const db = t.database.db;
    const [plan] = await db.select().from(plans).where(eq(plans.year, 2022));
    const [collective] = await db.select().from(units).where(eq(units.name, '各县市区政府'));
    collectiveId = collective!.id;
    // A task the collective shares, due after the clock (an extension may still be asked for).
    const led = await db.select({ id: tasks.id, dueOn: tasks.dueOn }).from(tasks).innerJoin(taskUnits, eq(taskUnits.taskId, tasks.id))
      .where(and(eq(tasks.planId, plan!.id), eq(taskUnits.unitId, collectiveId)));
    const open = led.filter((x) => x.dueOn && x.dueOn > '2022-04-01').sort((a, b) => a.id - b.id);
    taskId = open[0]!.id;
    // And one the collective leads (each member then files its own lead report to the office).
    ledTaskId = open[1]!.id;
    await db.update(taskUnits).set({ role: 'lead' }).where(and(eq(taskUnits.taskId, ledTaskId), eq(taskUnits.unitId, collectiveId)));
    cookie.a = await signIn(t.app, 'county-lengshuitan');
    cookie.office = await signIn(t.app, 'office-yongzhou');
    const [a] = await db.select().from(users).where(eq(users.login, 'county-lengshuitan'));
    unitOf.a = a!.unitId!;
    // A second county gets an account: 零陵区人民政府, a fellow member.
    const members = await db.select({ id: unitMemberships.memberId }).from(unitMemberships).where(eq(unitMemberships.collectiveId, collectiveId));
    const [lingling] = await db.select().from(units).where(and(inArray(units.id, members.map((m) => m.id)), eq(units.name, '零陵区人民政府')));
    const [region] = await db.select().from(regions).where(eq(regions.name, '零陵区'));
    unitOf.b = lingling!.id;
    const created = await send('office', 'POST', '/api/users', { login: 'county-lingling', password: 'Lingling@2026x', displayName: '零陵区人民政府', role: 'unit', regionId: region!.id, unitId: lingling!.id });
    expect(created.statusCode).toBe(201);
    cookie.b = await signIn(t.app, 'county-lingling', 'Lingling@2026x');
  });
  afterAll(async () => { await t.close(); });
  const taskId0 = () => taskId;

  it.each(['shares', 'leads'])('each county sees only its own progress reports and evidence on a task the collective %s', async (how) => {
    const taskId = how === 'leads' ? ledTaskId : taskId0();
    const reportIds: Record<string, number> = {};
    for (const who of ['a', 'b']) {
      const res = await send(who, 'POST', `/api/tasks/${taskId}/reports`, { period: '2022-02', status: 'in_progress', percent: 30, workDone: `${who} 的进展`, submit: who === 'a' });
      expect(res.statusCode, res.body).toBe(201);
      reportIds[who] = res.json<{ id: number }>().id;
    }
    const file = await t.app.inject({ method: 'POST', url: `/api/reports/${reportIds.b}/attachments?fileName=b.txt`, payload: Buffer.from('零陵区佐证'), headers: { cookie: cookie.b!, 'content-type': 'application/octet-stream' } });
    expect(file.statusCode, file.body).toBe(201);
    const fileId = file.json<{ id: number }>().id;
    expect((await send('b', 'POST', `/api/reports/${reportIds.b}/submit`)).statusCode).toBe(200);
    const seenByA = (await send('a', 'GET', `/api/tasks/${taskId}/reports`)).json<{ items: { unit: { id: number } }[] }>().items;
    expect(seenByA.map((r) => r.unit.id)).toEqual([unitOf.a]);
    expect((await send('a', 'GET', `/api/attachments/${fileId}`)).statusCode).toBe(404);
    expect((await send('b', 'GET', `/api/attachments/${fileId}`)).statusCode).toBe(200);
    expect((await send('a', 'POST', `/api/reports/${reportIds.b}/review`, { decision: 'return', comment: '退回' })).statusCode).toBe(404);
    const office = (await send('office', 'GET', `/api/tasks/${taskId}/reports`)).json<{ items: { unit: { id: number } }[] }>().items;
    expect(new Set(office.map((r) => r.unit.id))).toEqual(new Set([unitOf.a, unitOf.b]));
  });

  it('each county sees only its own extension requests', async () => {
    for (const who of ['a', 'b']) {
      const res = await send(who, 'POST', `/api/tasks/${taskId}/extension-requests`, { reason: `${who} 申请延期`, proposedDueOn: '2023-06-30', progress: '推进中' });
      expect(res.statusCode, res.body).toBe(201);
    }
    type Extension = Item & { state: string; permissions: { confirm: boolean; decide: boolean } };
    const heads = (await t.database.db.select({ userId: unitHeads.userId, unitId: unitHeads.unitId }).from(unitHeads)).map((h) => `${h.userId}:${h.unitId}`);
    for (const [who, login] of [['a', 'county-lengshuitan'], ['b', 'county-lingling']] as const) {
      const items = (await send(who, 'GET', `/api/tasks/${taskId}/extension-requests`)).json<{ items: Extension[] }>().items;
      expect(items.map((e) => e.unitId)).toEqual([unitOf[who]]);
      // Only the head of the asking unit may confirm; a unit never decides.
      const [user] = await t.database.db.select().from(users).where(eq(users.login, login));
      expect(items[0]!.permissions).toEqual({ confirm: items[0]!.state === 'pending_head' && heads.includes(`${user!.id}:${unitOf[who]}`), decide: false });
    }
    const all = (await send('office', 'GET', `/api/tasks/${taskId}/extension-requests`)).json<{ items: Extension[] }>().items;
    expect(all).toHaveLength(2);
    for (const e of all) expect(e.permissions).toEqual({ confirm: false, decide: e.state === 'pending_office' });
  });

  it('a 督办单 addressed to the collective goes to each member, seen and answered by each alone', async () => {
    const before = await t.database.db.select().from(notifications).where(eq(notifications.title, '催办提醒'));
    const issued = await send('office', 'POST', `/api/tasks/${taskId}/urges`, { kind: 'order', unitId: collectiveId, message: '请加快推进', replyBy: '2022-03-31' });
    expect(issued.statusCode, issued.body).toBe(201);
    const all = (await send('office', 'GET', `/api/tasks/${taskId}/urges`)).json<{ items: (Item & { number: string; unitName: string })[] }>().items;
    const members = await t.database.db.select().from(unitMemberships).where(eq(unitMemberships.collectiveId, collectiveId));
    expect(all).toHaveLength(members.length);
    expect(new Set(all.map((u) => u.number)).size).toBe(members.length);
    expect(all.map((u) => u.unitName)).toContain('零陵区人民政府');
    const mine: Record<string, number> = {};
    for (const who of ['a', 'b']) {
      const items = (await send(who, 'GET', `/api/tasks/${taskId}/urges`)).json<{ items: Item[] }>().items;
      expect(items.map((u) => u.unitId)).toEqual([unitOf[who]]);
      expect((items[0] as Item & { permissions: { reply: boolean } }).permissions.reply).toBe(true);
      mine[who] = items[0]!.id;
      const [user] = await t.database.db.select().from(users).where(eq(users.unitId, unitOf[who]!));
      const inbox = await t.database.db.select().from(notifications).where(eq(notifications.userId, user!.id));
      expect(inbox.some((n) => n.title.startsWith('督办单'))).toBe(true);
    }
    expect((await send('a', 'POST', `/api/urges/${mine.b}/reply`, { reply: '冒名回复' })).statusCode).toBe(404);
    for (const who of ['a', 'b']) expect((await send(who, 'POST', `/api/urges/${mine[who]}/reply`, { reply: `${who} 已落实` })).statusCode).toBe(200);
    const replied = (await send('office', 'GET', `/api/tasks/${taskId}/urges`)).json<{ items: (Item & { reply: string | null; permissions: { reply: boolean } })[] }>().items;
    expect(replied.some((u) => u.permissions.reply)).toBe(false);
    expect(replied.filter((u) => u.reply).map((u) => u.reply).sort()).toEqual(['a 已落实', 'b 已落实']);
    expect(before).toBeDefined();
  });
});
