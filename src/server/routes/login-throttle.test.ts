/**
 * Lockout abuse (issue 21): progressive delays instead of a lock a stranger can trigger, attempts
 * counted atomically under parallel guessing, and X-Forwarded-For believed only from proxies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { loginAttempts } from '../../db/schema.ts';
import { requiredDelayMs } from '../auth/throttle.ts';
import { databaseKinds, demoApp, type TestApp } from '../testing/test-app.ts';

const PASSWORD = 'Yingshang@2026';

describe('requiredDelayMs', () => {
  it('is free within the budget, then doubles from one second up to the cap', () => {
    expect([4, 5, 6, 7, 8].map((n) => requiredDelayMs(n, 5, 60_000))).toEqual([0, 1_000, 2_000, 4_000, 8_000]);
    expect(requiredDelayMs(500, 5, 900_000)).toBe(900_000);
  });
});

describe.each(databaseKinds())('login throttling on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await demoApp(kind); });
  afterAll(async () => { await t.close(); });

  const login = (name: string, password: string, ip: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/session', payload: { login: name, password }, remoteAddress: ip, headers });
  const advance = (ms: number) => { t.clock.now = new Date(t.clock.now.getTime() + ms); };

  it('slows a guesser with doubling delays (Retry-After) instead of locking the account', async () => {
    for (let i = 0; i < 5; i++) expect((await login('leader-shaoyang', 'bad', '10.20.0.1')).statusCode).toBe(401);
    for (const wait of [1, 2, 4]) {
      const early = await login('leader-shaoyang', 'bad', '10.20.0.1');
      expect(early.statusCode).toBe(429);
      expect(early.headers['retry-after']).toBe(String(wait));
      expect(early.json<{ code: string; message: string }>()).toMatchObject({ code: 'AUTH_RATE_LIMITED', message: `该账号登录失败次数过多，请在 ${wait} 秒后再试` });
      advance(wait * 1000);
      expect((await login('leader-shaoyang', 'bad', '10.20.0.1')).statusCode).toBe(401);
    }
    // Early attempts were not checked: 5 free failures + 3 after waiting.
    const rows = await t.database.db.select().from(loginAttempts).where(eq(loginAttempts.login, 'leader-shaoyang'));
    expect(rows.length).toBe(8);
    // Meanwhile another address signs in at once: nothing is locked.
    expect((await login('leader-shaoyang', PASSWORD, '10.20.0.2')).statusCode).toBe(200);
  });

  it('checks at most the allowed number of passwords when 40 wrong guesses arrive in parallel', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, () => login('office-yongzhou', 'guess', '10.30.0.1')));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(35);
    const checked = await t.database.db.select().from(loginAttempts).where(eq(loginAttempts.login, 'office-yongzhou'));
    expect(checked.length).toBe(5);
  });

  it('lets the owner sign in from their own address while an attacker hammers the account from others', async () => {
    expect((await login('office-hunan', PASSWORD, '10.40.0.7')).statusCode).toBe(200);
    // One attacker address (5 checked guesses), then a spread over 15 more: the account-wide budget
    // of 20 for unknown addresses is spent, so new addresses must wait …
    for (let i = 0; i < 30; i++) await login('office-hunan', 'guess', '10.66.6.6');
    for (let i = 0; i < 15; i++) expect((await login('office-hunan', 'guess', `10.67.0.${i}`)).statusCode).toBe(401);
    expect((await login('office-hunan', 'guess', '10.67.1.1')).statusCode).toBe(429);
    // … but the owner's known address is not.
    expect((await login('office-hunan', PASSWORD, '10.40.0.7')).statusCode).toBe(200);
  });

  it('prunes failures older than a day and successes older than 30 days when someone signs in', async () => {
    const day = 86_400_000;
    const at = (ms: number) => new Date(t.clock.now.getTime() - ms);
    await t.database.db.insert(loginAttempts).values([
      { login: 'old-fail', ip: '10.90.0.1', succeeded: false, at: at(day + 60_000) },
      { login: 'old-win', ip: '10.90.0.1', succeeded: true, at: at(31 * day) },
      { login: 'kept-fail', ip: '10.90.0.1', succeeded: false, at: at(day - 60_000) },
      { login: 'kept-win', ip: '10.90.0.1', succeeded: true, at: at(29 * day) },
    ]);
    expect((await login('unit-scjg', PASSWORD, '10.90.0.2')).statusCode).toBe(200);
    const left = (await t.database.db.select({ login: loginAttempts.login }).from(loginAttempts).where(eq(loginAttempts.ip, '10.90.0.1'))).map((r) => r.login).sort();
    expect(left).toEqual(['kept-fail', 'kept-win']);
  });

  it('ignores a forged X-Forwarded-For by default: the per-address limit is neither bypassed nor redirected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await login(`ghost-${i}`, 'x', '10.50.0.1', { 'x-forwarded-for': `172.16.${i}.1` })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    // The forged addresses were not charged: a user really at one of them signs in.
    const forged = await t.database.db.select().from(loginAttempts).where(eq(loginAttempts.ip, '172.16.3.1'));
    expect(forged).toEqual([]);
    expect((await login('unit-sy-tax', PASSWORD, '172.16.3.1')).statusCode).toBe(200);
  });
});

describe.each(databaseKinds())('TRUST_PROXY on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await demoApp(kind, { TRUST_PROXY: '127.0.0.1, 10.99.0.0/16' }); });
  afterAll(async () => { await t.close(); });

  it('believes X-Forwarded-For only from the configured proxies', async () => {
    const viaProxy = await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'nobody-a', password: 'x' }, remoteAddress: '10.99.1.2', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(viaProxy.statusCode).toBe(401);
    const direct = await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'nobody-b', password: 'x' }, remoteAddress: '10.5.5.5', headers: { 'x-forwarded-for': '203.0.113.10' } });
    expect(direct.statusCode).toBe(401);
    const rows = await t.database.db.select({ login: loginAttempts.login, ip: loginAttempts.ip }).from(loginAttempts);
    expect(rows).toEqual(expect.arrayContaining([{ login: 'nobody-a', ip: '203.0.113.9' }, { login: 'nobody-b', ip: '10.5.5.5' }]));
  });
});
