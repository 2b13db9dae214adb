/** Signing in on a server whose clock is simulated (the demo on 2023-07-06) keeps the browser's cookie. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, demoApp, type TestApp } from '../testing/test-app.ts';

describe.each(databaseKinds())('the session cookie on a simulated date on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await demoApp(kind); });
  afterAll(async () => { await t.close(); });

  it('lasts SESSION_TTL_HOURS by Max-Age, not by an absolute date the browser would find past', async () => {
    t.clock.now = new Date('2023-07-06T09:00:00+08:00');
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'office-shaoyang', password: 'Yingshang@2026' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ys_session');
    expect(cookie?.maxAge).toBe(12 * 3600);
    // An Expires in 2023 would make any browser drop the cookie at once.
    expect(cookie?.expires === undefined || cookie.expires.getTime() > Date.now()).toBe(true);
  });
});
