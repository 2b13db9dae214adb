/**
 * Concurrency races: requests that arrive together must not all win. On PostgreSQL the requests
 * really run in parallel (a pool of connections); on PGlite they queue, and must give the same result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { auditLog, plans, regions, tasks, users } from '../../db/schema.ts';
import { notifications } from '../../db/supervision-schema.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

describe.each(databaseKinds())('concurrency races on %s', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let planId: number;
  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    t.clock.now = new Date('2023-06-20T09:00:00+08:00');
    for (const login of ['unit-scjg', 'office-shaoyang']) cookies[login] = await signIn(t.app, login);
    planId = (await t.database.db.select().from(plans).where(eq(plans.year, 2023)))[0]!.id;
  });
  afterAll(async () => { await t.close(); });

  it('50 parallel submits of one draft: exactly one succeeds, one audit row, one notification each', async () => {
    const taskId = (await t.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.seq, 1))))[0]!.id;
    const saved = await t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/reports`, headers: { cookie: cookies['unit-scjg']! }, payload: { period: '2023-06', status: 'in_progress', percent: 40, workDone: '正在推进' } });
    expect(saved.statusCode).toBe(201);
    const reportId = saved.json<{ id: number; state: string }>().id;
    const submittedNotes = async () => (await t.database.db.select({ n: count() }).from(notifications).where(eq(notifications.title, '牵头单位已提交进展报告')))[0]!.n;
    const notesBefore = await submittedNotes();
    const results = await Promise.all(Array.from({ length: 50 }, () => t.app.inject({ method: 'POST', url: `/api/reports/${reportId}/submit`, headers: { cookie: cookies['unit-scjg']! } })));
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode).toBe(409);
      expect(r.json<{ message: string }>().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'report.submit'), sql`(${auditLog.details}->>'reportId')::int = ${reportId}`));
    expect(audits).toHaveLength(1);
    const [office] = await t.database.db.select({ n: count() }).from(users).innerJoin(regions, eq(regions.id, users.regionId)).where(and(eq(users.role, 'office'), eq(regions.name, '邵阳市')));
    expect(office!.n).toBeGreaterThan(0);
    expect(await submittedNotes() - notesBefore).toBe(office!.n);
    console.log(`[races] ${kind}: 50 parallel submits → ${ok.length} succeeded, ${results.length - ok.length} refused with 409`);
  });
});
