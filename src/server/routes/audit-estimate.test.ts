import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface AuditPage { items: { id: number }[]; total: number; totalExact: boolean }

describe.each(databaseKinds())('the audit log’s page count on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  const exactCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

  beforeAll(async () => {
    t = await demoApp(kind);
    cookie = await signIn(t.app, 'office-hunan');
  });
  afterAll(async () => { await t.close(); });

  it('is exact while the log is short', async () => {
    const page = await getJson<AuditPage>(t.app, '/api/audit?pageSize=10', cookie);
    expect(page.body.totalExact).toBe(true);
    expect(page.body.total).toBe(await exactCount());
  });

  it('is the planner’s estimate, said so, once the log is long — and the pages still hold every row', async () => {
    await t.database.db.execute(sql`insert into audit_log (action, entity, entity_id, at) select 'session.create', 'plan', '1', now() from generate_series(1, 30000)`);
    await t.database.db.execute(sql`analyze audit_log`);
    const exact = await exactCount();
    const page = await getJson<AuditPage>(t.app, '/api/audit?pageSize=200', cookie);
    expect(page.body.totalExact).toBe(false);
    expect(page.body.total).toBeGreaterThan(exact * 0.5);
    expect(page.body.total).toBeLessThan(exact * 1.5);
    expect(page.body.items).toHaveLength(200);
    const ids = page.body.items.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});
