import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countInDatabase, databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

describe.each(databaseKinds())('bad input gets a 4xx with a code on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await demoApp(kind);
    cookie = await signIn(t.app, 'office-hunan');
  });
  afterAll(async () => { await t.close(); });

  const cases: { name: string; method: 'GET' | 'POST' | 'PUT'; url: string; body?: string; type?: string; status: number; code: string }[] = [
    { name: 'unknown route', method: 'GET', url: '/api/nothing-here', status: 404, code: 'NOT_FOUND' },
    { name: 'malformed JSON', method: 'POST', url: '/api/session', body: '{"login": ', status: 400, code: 'BAD_JSON' },
    { name: 'wrong content type', method: 'POST', url: '/api/session', body: 'login=a', type: 'application/x-www-form-urlencoded', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    { name: 'wrong field type', method: 'POST', url: '/api/session', body: '{"login": 5, "password": []}', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'missing fields', method: 'POST', url: '/api/session', body: '{}', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'over-long login', method: 'POST', url: '/api/session', body: JSON.stringify({ login: 'x'.repeat(5000), password: 'y' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'non-numeric id', method: 'GET', url: '/api/plans/abc', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'id out of range', method: 'GET', url: '/api/tasks/99999999999999', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'absent task', method: 'GET', url: '/api/tasks/999999', status: 404, code: 'TASK_NOT_FOUND' },
    { name: 'page size too large', method: 'GET', url: '/api/tasks?pageSize=5000', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'bad month', method: 'GET', url: '/api/tasks?deadlineFrom=2023-13', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'bad role', method: 'GET', url: '/api/tasks?role=boss', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'over-long search', method: 'GET', url: `/api/tasks?q=${'查'.repeat(500)}`, status: 400, code: 'VALIDATION_FAILED' },
    { name: 'huge body', method: 'PUT', url: '/api/me/password', body: JSON.stringify({ currentPassword: 'a'.repeat(2_000_000), newPassword: 'b' }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'user with bad login', method: 'POST', url: '/api/users', body: JSON.stringify({ login: '含 空格', password: 'Abcdefgh12', displayName: 'x', role: 'office', regionId: 1 }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'user with unknown role', method: 'POST', url: '/api/users', body: JSON.stringify({ login: 'abc', password: 'Abcdefgh12', displayName: 'x', role: 'king', regionId: 1 }), status: 400, code: 'VALIDATION_FAILED' },
  ];

  it.each(cases)('$name → $status $code', async (c) => {
    const res = await t.app.inject({ method: c.method, url: c.url, payload: c.body, headers: { cookie, 'content-type': c.type ?? 'application/json' } });
    expect(res.statusCode).toBe(c.status);
    const body = res.json<{ code: string; message: string }>();
    expect(body.code).toBe(c.code);
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body).not.toMatch(/at .*\.ts:\d+|stack/i);
  });

  it('treats SQL-looking search text as text', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/tasks?q=${encodeURIComponent("'; drop table tasks; --")}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ total: number }>().total).toBe(0);
    const again = await t.app.inject({ method: 'GET', url: '/api/tasks?pageSize=1', headers: { cookie } });
    expect(again.json<{ total: number }>().total).toBe(await countInDatabase(t.database, { allTasks: true }));
  });
});
