import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { auditLog, sessions, taskUnits, tasks, units, users } from '../../db/schema.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { App } from '../context.ts';
import { initAdministrator } from '../use-cases/setup.ts';
import { databaseKinds, demoApp, freshDatabase, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface User { id: number; login: string; role: string; disabled: boolean; mustChangePassword: boolean; unitHead: boolean; lockedUntil: string | null; unit: { id: number; name: string } | null }
interface Me { role: string; mustChangePassword: boolean; permissions: { administer: boolean; manageUsers: boolean; managePlans: boolean } }

const send = (app: App, method: 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe.each(databaseKinds())('yingshang init on an empty %s database', (kind) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let app: App;
  beforeAll(async () => {
    fresh = await freshDatabase(kind);
    app = await buildApp({ db: fresh.database.db, config: loadConfig({ DATA_DIR: 'memory://' }), webRoot: '/nonexistent' });
    await app.ready();
  });
  afterAll(async () => { await app.close(); await fresh.dispose(); });

  it('creates the first administrator, whose generated password must be changed before anything else', async () => {
    const db = fresh.database.db;
    await expect(initAdministrator(db, { login: 'admin', displayName: '管理员' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const first = await initAdministrator(db, { login: 'admin', displayName: '系统管理员', regionName: '邵阳市', regionLevel: 'city' });
    expect(first).toMatchObject({ generated: true, regionCreated: true, regionName: '邵阳市' });
    expect(first.password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d).{16}$/);
    await expect(initAdministrator(db, { login: 'admin2', displayName: 'x', password: 'Another2026x' })).rejects.toMatchObject({ code: 'SETUP_ALREADY_DONE' });
    expect((await db.select().from(users)).map((u) => [u.login, u.role, u.mustChangePassword])).toEqual([['admin', 'admin', true]]);
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'setup.init')))).toHaveLength(1);

    const cookie = await signIn(app, 'admin', first.password);
    const me = (await getJson<Me>(app, '/api/me', cookie)).body;
    expect(me).toMatchObject({ role: 'admin', mustChangePassword: true, permissions: { administer: true, manageUsers: true, managePlans: false } });
    const blocked = await getJson<{ code: string; message: string }>(app, '/api/users', cookie);
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码后再继续使用' });
    expect((await getJson<{ code: string }>(app, '/api/plans', cookie)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = await send(app, 'PUT', '/api/me/password', cookie, { currentPassword: first.password, newPassword: first.password });
    expect(same.statusCode).toBe(400);
    expect((await send(app, 'PUT', '/api/me/password', cookie, { currentPassword: first.password, newPassword: 'Guanli2026yuan' })).statusCode).toBe(204);
    expect((await getJson<Me>(app, '/api/me', cookie)).body.mustChangePassword).toBe(false);
    const list = await getJson<{ items: User[] }>(app, '/api/users', cookie);
    expect(list.status).toBe(200);
    expect(list.body.items.map((u) => u.login)).toEqual(['admin']);
  });
});

describe.each(databaseKinds())('user administration on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let shaoyangId: number;
  const userId = async (login: string) => (await t.database.db.select().from(users).where(eq(users.login, login)))[0]!.id;
  const liveSessions = async (login: string) => (await t.database.db.select().from(sessions)
    .where(and(eq(sessions.userId, await userId(login)), gt(sessions.expiresAt, t.clock.now)))).length;

  beforeAll(async () => {
    t = await demoApp(kind);
    const regions = await t.database.db.query.regions.findMany();
    shaoyangId = regions.find((r) => r.name === '邵阳市')!.id;
    const hunan = regions.find((r) => r.name === '湖南省')!;
    const { createUser } = await import('../use-cases/users.ts');
    await createUser(t.database.db, null, { login: 'platform-admin', password: 'Guanli2026yuan', displayName: '平台管理员', role: 'admin', regionId: hunan.id });
    admin = await signIn(t.app, 'platform-admin', 'Guanli2026yuan');
  });
  afterAll(async () => { await t.close(); });

  it('disables an account (its sessions end, it cannot sign in) and enables it again', async () => {
    const before = await signIn(t.app, 'unit-scjg');
    const res = await send(t.app, 'POST', `/api/users/${await userId('unit-scjg')}/disable`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json<User>().disabled).toBe(true);
    expect(await liveSessions('unit-scjg')).toBe(0);
    expect((await getJson(t.app, '/api/me', before)).status).toBe(401);
    const refused = await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'unit-scjg', password: 'Yingshang@2026' } });
    expect(refused.json<{ code: string }>().code).toBe('AUTH_DISABLED');
    // A wrong password on a disabled account says nothing about the account.
    const wrong = await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'unit-scjg', password: 'Wrong2026xx' } });
    expect(wrong.json<{ code: string }>().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await send(t.app, 'POST', `/api/users/${await userId('unit-scjg')}/enable`, admin)).json<User>().disabled).toBe(false);
    await signIn(t.app, 'unit-scjg');
    expect((await send(t.app, 'POST', `/api/users/${await userId('platform-admin')}/disable`, admin)).json<{ code: string }>().code).toBe('USER_SELF_CHANGE');
  });

  it('resets a password: sessions end, the temporary password works once and must be changed', async () => {
    const old = await signIn(t.app, 'unit-sy-tax');
    const res = await send(t.app, 'POST', `/api/users/${await userId('unit-sy-tax')}/reset-password`, admin, {});
    const { temporaryPassword, user } = res.json<{ temporaryPassword: string; user: User }>();
    expect(user.mustChangePassword).toBe(true);
    expect((await getJson(t.app, '/api/me', old)).status).toBe(401);
    await expect(signIn(t.app, 'unit-sy-tax')).rejects.toThrow(/401/);
    const c = await signIn(t.app, 'unit-sy-tax', temporaryPassword);
    expect((await getJson<{ code: string }>(t.app, '/api/tasks', c)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await send(t.app, 'PUT', '/api/me/password', c, { currentPassword: temporaryPassword, newPassword: 'Shuiwu2026new' })).statusCode).toBe(204);
    expect((await getJson(t.app, '/api/tasks', c)).status).toBe(200);
    const audits = await t.database.db.select().from(auditLog).where(inArray(auditLog.action, ['user.password_reset', 'user.disable', 'user.enable']));
    expect(audits.map((a) => a.action).sort()).toEqual(['user.disable', 'user.enable', 'user.password_reset']);
    expect(JSON.stringify(audits)).not.toContain(temporaryPassword);
  });

  it('lifts the sign-in delay of an account after failed sign-ins', async () => {
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'leader-shaoyang', password: 'Wrong2026xx' } });
    const locked = await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'leader-shaoyang', password: 'Yingshang@2026' } });
    // Past its free failures the account must wait (progressive delay, never a hard lock) …
    expect(locked.statusCode).toBe(429);
    const office = await signIn(t.app, 'office-shaoyang');
    const res = await send(t.app, 'POST', `/api/users/${await userId('leader-shaoyang')}/unlock`, office);
    expect(res.json<User>().lockedUntil).toBeNull();
    // … and unlocking forgets its failures: the right password is accepted at once.
    await signIn(t.app, 'leader-shaoyang');
  });

  it('edits role, scope and the unit-head flag; offices cannot touch administrators', async () => {
    const [tax] = await t.database.db.select().from(units).where(and(eq(units.name, '市税务局'), eq(units.regionId, shaoyangId)));
    const id = await userId('unit-sy-tax');
    const res = await send(t.app, 'PATCH', `/api/users/${id}`, admin, { displayName: '邵阳市税务局局长', unitHead: true });
    expect(res.json<User>()).toMatchObject({ unitHead: true, unit: { id: tax!.id } });
    expect((await send(t.app, 'PATCH', `/api/users/${await userId('leader-shaoyang')}`, admin, { unitHead: true })).json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    const office = await signIn(t.app, 'office-shaoyang');
    expect((await send(t.app, 'PATCH', `/api/users/${id}`, office, { role: 'admin' })).statusCode).toBe(403);
    expect((await send(t.app, 'POST', `/api/users/${await userId('platform-admin')}/reset-password`, office, {})).statusCode).toBe(404);
    expect((await send(t.app, 'POST', '/api/users', office, { login: 'x-admin', password: 'Guanli2026yuan', displayName: 'x', role: 'admin', regionId: shaoyangId })).statusCode).toBe(403);
    const yongzhou = await signIn(t.app, 'office-yongzhou');
    expect((await send(t.app, 'POST', `/api/users/${id}/disable`, yongzhou)).statusCode).toBe(404);
    const leader = await signIn(t.app, 'leader-shaoyang');
    expect((await send(t.app, 'POST', `/api/users/${id}/unlock`, leader)).statusCode).toBe(403);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.update'), eq(auditLog.entityId, String(id))));
    expect(audit!.details).toMatchObject({ before: { unitHead: false }, after: { unitHead: true, displayName: '邵阳市税务局局长' } });
    // Back to a plain unit user for the extension test below.
    expect((await send(t.app, 'PATCH', `/api/users/${id}`, admin, { unitHead: false })).json<User>().unitHead).toBe(false);
  });

  it('sends the extension request of a unit without a head straight to the office, which decides it', async () => {
    const [tax] = await t.database.db.select().from(units).where(and(eq(units.name, '市税务局'), eq(units.regionId, shaoyangId)));
    const linked = await t.database.db.select({ id: tasks.id, dueOn: tasks.dueOn }).from(tasks).innerJoin(taskUnits, eq(taskUnits.taskId, tasks.id))
      .where(and(eq(taskUnits.unitId, tax!.id), gt(tasks.dueOn, '2023-06-20')));
    const task = linked[0]!;
    const c = await signIn(t.app, 'unit-sy-tax', 'Shuiwu2026new');
    const req = await send(t.app, 'POST', `/api/tasks/${task.id}/extension-requests`, c, { reason: '需等待省级系统对接', proposedDueOn: '2024-03-31', progress: '已完成 60%' });
    expect(req.statusCode).toBe(201);
    const ext = req.json<{ id: number; state: string }>();
    expect(ext.state).toBe('pending_office');
    const office = await signIn(t.app, 'office-shaoyang');
    const decided = await send(t.app, 'POST', `/api/extension-requests/${ext.id}/decision`, office, { approve: true });
    expect(decided.json<{ state: string; newDueOn: string }>()).toMatchObject({ state: 'approved', newDueOn: '2024-03-31' });
  });
});
