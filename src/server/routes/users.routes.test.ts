import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Users { items: { login: string; role: string; region: { name: string }; unit: { name: string } | null }[] }

describe.each(databaseKinds())('user management on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await demoApp(kind); });
  afterAll(async () => { await t.close(); });

  it('lists the users of the office region subtree only', async () => {
    const c = await signIn(t.app, 'office-yongzhou');
    const logins = (await getJson<Users>(t.app, '/api/users', c)).body.items.map((u) => u.login);
    expect(logins.sort()).toEqual(['county-lengshuitan', 'office-yongzhou']);
  });

  it('creates a unit user with an audit row, refuses a taken login and other regions', async () => {
    const c = await signIn(t.app, 'office-shaoyang');
    const regions = (await getJson<{ items: { id: number; name: string }[] }>(t.app, '/api/regions', c)).body.items;
    const shaoyang = regions.find((r) => r.name === '邵阳市');
    const units = (await getJson<{ items: { id: number; name: string }[] }>(t.app, `/api/units?q=${encodeURIComponent('市税务局')}`, c)).body.items;
    const post = (body: object) => t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: c }, payload: body });
    const res = await post({ login: 'unit-tax', password: 'Shuiwu2026x', displayName: '市税务局', role: 'unit', regionId: shaoyang?.id, unitId: units[0]?.id });
    expect(res.statusCode).toBe(201);
    expect(res.json<unknown>()).toMatchObject({ login: 'unit-tax', role: 'unit', unit: { name: '市税务局' } });
    expect(res.body).not.toMatch(/Shuiwu2026x|argon2/);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(audits).toHaveLength(1);
    expect((await post({ login: 'unit-tax', password: 'Shuiwu2026x', displayName: 'x', role: 'leader', regionId: shaoyang?.id })).json<{ code: string }>().code).toBe('USER_LOGIN_TAKEN');
    expect((await post({ login: 'x-weak', password: 'weak', displayName: 'x', role: 'leader', regionId: shaoyang?.id })).json<{ code: string }>().code).toBe('PASSWORD_TOO_WEAK');
    expect((await post({ login: 'x-unit', password: 'Shuiwu2026x', displayName: 'x', role: 'unit', regionId: shaoyang?.id })).json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    const hunan = await signIn(t.app, 'office-hunan');
    const all = (await getJson<{ items: { id: number; name: string }[] }>(t.app, '/api/regions', hunan)).body.items;
    const yongzhou = all.find((r) => r.name === '永州市');
    expect((await post({ login: 'x-far', password: 'Shuiwu2026x', displayName: 'x', role: 'leader', regionId: yongzhou?.id })).statusCode).toBe(404);
    // The new user can sign in and sees only its unit's tasks.
    const tax = await signIn(t.app, 'unit-tax', 'Shuiwu2026x');
    const tasks = (await getJson<{ total: number }>(t.app, '/api/tasks', tax)).body;
    expect(tasks.total).toBeGreaterThan(0);
  });

  it('forbids leaders to manage users', async () => {
    const l = await signIn(t.app, 'leader-shaoyang');
    expect((await getJson<{ code: string }>(t.app, '/api/users', l)).body.code).toBe('FORBIDDEN');
  });
});
