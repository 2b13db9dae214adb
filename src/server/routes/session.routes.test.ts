import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

describe.each(databaseKinds())('sessions and accounts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await demoApp(kind, { LOGIN_RATE_PER_IP: '12' }); });
  afterAll(async () => { await t.close(); });

  const login = (body: unknown, ip = '10.0.0.1') => t.app.inject({ method: 'POST', url: '/api/session', payload: body as object, remoteAddress: ip });

  it('signs in with an httpOnly SameSite cookie and never returns the password', async () => {
    const res = await login({ login: 'office-shaoyang', password: 'Yingshang@2026' });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ys_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.body).not.toMatch(/Yingshang@2026|argon2|passwordHash/);
    const me = await getJson<{ login: string; role: string; region: { name: string }; permissions: { manageUsers: boolean } }>(t.app, '/api/me', `ys_session=${cookie?.value}`);
    expect(me.body).toMatchObject({ login: 'office-shaoyang', role: 'office', region: { name: '邵阳市' }, permissions: { manageUsers: true } });
  });

  it('rejects wrong credentials with a stable code and Chinese message', async () => {
    const res = await login({ login: 'office-shaoyang', password: 'wrong' }, '10.0.0.2');
    expect(res.statusCode).toBe(401);
    expect(res.json<unknown>()).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const unknown = await login({ login: 'nobody', password: 'x' }, '10.0.0.2');
    expect(unknown.json<{ code: string }>().code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('requires a session for /api/me and ends it on logout', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).json<{ code: string }>().code).toBe('AUTH_REQUIRED');
    const cookie = await signIn(t.app, 'leader-shaoyang');
    expect((await getJson(t.app, '/api/me', cookie)).status).toBe(200);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await getJson(t.app, '/api/me', cookie)).status).toBe(401);
  });

  it('never locks an account for its owner: failures from strangers only slow the strangers down', async () => {
    for (let i = 0; i < 5; i++) expect((await login({ login: 'office-hunan', password: 'bad' }, `10.1.0.${i}`)).statusCode).toBe(401);
    expect((await login({ login: 'office-hunan', password: 'Yingshang@2026' }, '10.1.0.9')).statusCode).toBe(200);
    const [user] = await t.database.db.select().from(users).where(eq(users.login, 'office-hunan'));
    expect(user?.lockedUntil).toBeNull();
  });

  it('rate-limits one address whatever the account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 13; i++) statuses.push((await login({ login: `ghost${i}`, password: 'x' }, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 12).every((s) => s === 401)).toBe(true);
    expect(statuses[12]).toBe(429);
    expect((await login({ login: 'office-shaoyang', password: 'Yingshang@2026' }, '10.9.9.9')).json<{ code: string }>().code).toBe('AUTH_RATE_LIMITED');
  });

  it('changes a password: checks the current one and strength, ends other sessions', async () => {
    const a = await signIn(t.app, 'office-yongzhou');
    const b = await signIn(t.app, 'office-yongzhou');
    const put = (cookie: string, body: object) => t.app.inject({ method: 'PUT', url: '/api/me/password', headers: { cookie }, payload: body });
    expect((await put(a, { currentPassword: 'nope', newPassword: 'NewPassw0rd!' })).json<{ code: string }>().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await put(a, { currentPassword: 'Yingshang@2026', newPassword: 'short' })).json<{ code: string }>().code).toBe('PASSWORD_TOO_WEAK');
    expect((await put(a, { currentPassword: 'Yingshang@2026', newPassword: 'NewPassw0rd!' })).statusCode).toBe(204);
    expect((await getJson(t.app, '/api/me', a)).status).toBe(200);
    expect((await getJson(t.app, '/api/me', b)).status).toBe(401);
    expect((await login({ login: 'office-yongzhou', password: 'NewPassw0rd!' }, '10.3.0.1')).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.login, 'office-yongzhou'));
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true);
  });

  it('refuses weak new passwords with the rule broken, in Chinese, and keeps the old one', async () => {
    const cookie = await signIn(t.app, 'leader-shaoyang');
    const put = (newPassword: string) => t.app.inject({ method: 'PUT', url: '/api/me/password', headers: { cookie }, payload: { currentPassword: 'Yingshang@2026', newPassword } });
    const cases: Array<[string, string]> = [
      ['Password123', '密码过于常见或简单（如 Password123、aaaaaaaaa1、Qwerty@123），容易被猜中。'],
      ['aaaaaaaaa1', '密码须包含大写字母、小写字母、数字、符号中的至少 3 类；密码过于常见或简单（如 Password123、aaaaaaaaa1、Qwerty@123），容易被猜中。'],
      ['Leader-Shaoyang-2026', '密码不能包含登录名。'],
      ['Yingshang@2026', '新密码不能与当前密码相同'],
    ];
    for (const [weak, message] of cases) {
      const res = await put(weak);
      expect(res.statusCode, weak).toBe(400);
      expect(res.json<{ code: string; message: string }>(), weak).toMatchObject({ code: 'PASSWORD_TOO_WEAK', message });
    }
    expect((await login({ login: 'leader-shaoyang', password: 'Yingshang@2026' }, '10.4.0.1')).statusCode).toBe(200);
  });
});
