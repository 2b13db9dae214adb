/** A NUL character anywhere in a request is a clear 400, never a 500 from the database (issue 21). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNul } from '../nul-guard.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

describe('findNul', () => {
  it('names the first string or key holding a NUL, and ignores raw bytes', () => {
    expect(findNul({ a: ['ok', { b: 'x\u0000' }] }, 'body')).toBe('body.a[1].b');
    expect(findNul({ ['k\u0000']: 1 }, 'body')).toBe('body.k\\u0000');
    expect(findNul({ a: 'fine', n: 3, z: null }, 'body')).toBeNull();
    expect(findNul(Buffer.from([0, 1, 0]), 'body')).toBeNull();
  });
});

describe.each(databaseKinds())('NUL characters on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => { t = await demoApp(kind); cookie = await signIn(t.app, 'office-shaoyang'); });
  afterAll(async () => { await t.close(); });

  const expectNul = (res: { statusCode: number; json: <T>() => T }, where: string) => {
    expect(res.statusCode).toBe(400);
    expect(res.json<unknown>()).toEqual({ code: 'NUL_CHARACTER', message: `请求中 ${where} 含有不允许的空字符（U+0000），请删除后重试`, details: { where } });
  };

  it('answers 400 for a NUL in the unauthenticated login name and password', async () => {
    expectNul(await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'office\u0000-shaoyang', password: 'x' } }), 'body.login');
    expectNul(await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'office-shaoyang', password: 'Ying\u0000' } }), 'body.password');
  });

  it('answers 400 for a NUL in a query string, a path parameter and a nested body field', async () => {
    expectNul(await t.app.inject({ method: 'GET', url: '/api/units?q=%00abc', headers: { cookie } }), 'query.q');
    expectNul(await t.app.inject({ method: 'POST', url: '/api/units/1%00/aliases', headers: { cookie }, payload: { alias: 'x' } }), 'params.id');
    expectNul(await t.app.inject({ method: 'POST', url: '/api/units/1/aliases', headers: { cookie }, payload: { alias: 'a\u0000b' } }), 'body.alias');
  });
});
