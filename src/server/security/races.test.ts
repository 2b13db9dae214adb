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

  it('document drafts: of parallel saves of one version exactly one wins; the stale writer gets a Chinese 409', async () => {
    const office = cookies['office-shaoyang']!;
    const created = await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/documents`, headers: { cookie: office }, payload: { kind: 'monthly-notice', period: '2023-06' } });
    const doc = created.json<{ id: number; version: string; model: { blocks: { kind: string }[] } }>();
    expect(doc.version).toMatch(/^[0-9a-f]{20}$/);
    // A paragraph added to the body, before the signature (the 版记 must stay last).
    const at = doc.model.blocks.findIndex((b) => b.kind === 'signature');
    const edit = (text: string) => ({ ...doc.model, blocks: [...doc.model.blocks.slice(0, at), { kind: 'paragraph', indent: true, runs: [{ text }] }, ...doc.model.blocks.slice(at)] });
    const saves = await Promise.all(Array.from({ length: 10 }, (_, i) => t.app.inject({ method: 'PUT', url: `/api/documents/${doc.id}`, headers: { cookie: office }, payload: { model: edit(`编辑者${i}`), version: doc.version } })));
    const won = saves.filter((r) => r.statusCode === 200);
    expect(won).toHaveLength(1);
    for (const r of saves.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode).toBe(409);
      expect(r.json<{ code: string; message: string }>()).toMatchObject({ code: 'EDIT_CONFLICT', message: expect.stringMatching(/已被他人修改/) as string });
    }
    const after = await t.app.inject({ method: 'GET', url: `/api/documents/${doc.id}`, headers: { cookie: office } });
    const stored = after.json<{ version: string; model: unknown }>();
    expect(stored.version).toBe(won[0]!.json<{ version: string }>().version);
    expect(JSON.stringify(stored.model)).toContain(JSON.stringify(won[0]!.json<{ model: unknown }>().model).slice(-60, -10));
    // The up-to-date version saves.
    expect((await t.app.inject({ method: 'PUT', url: `/api/documents/${doc.id}`, headers: { cookie: office }, payload: { model: edit('最后'), version: stored.version } })).statusCode).toBe(200);
  });

  it('import drafts: a save with a stale If-Match is refused, the current one accepted', async () => {
    const office = cookies['office-shaoyang']!;
    const plan = '# 邵阳市2023年补充任务\n\n## 一、政务环境\n\n（1）推进不动产登记“一窗办理”。（责任单位：市税务局。时间节点：2023年9月）\n\n（2）推行惠企政策“免申即享”。（责任单位：市税务局。时间节点：2023年9月）\n';
    const up = await t.app.inject({ method: 'POST', url: '/api/imports?fileName=plan.md', headers: { cookie: office, 'content-type': 'application/octet-stream' }, payload: Buffer.from(plan) });
    expect(up.statusCode).toBe(201);
    const view = up.json<{ id: number; version: string; draft: { plan: { title: string } } }>();
    const retitled = (title: string) => ({ ...view.draft, plan: { ...view.draft.plan, title } });
    const first = await t.app.inject({ method: 'PUT', url: `/api/imports/${view.id}/draft`, headers: { cookie: office, 'if-match': `"${view.version}"` }, payload: retitled('甲的标题2023年') });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({ method: 'PUT', url: `/api/imports/${view.id}/draft`, headers: { cookie: office, 'if-match': `"${view.version}"` }, payload: retitled('乙的标题2023年') });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string }>().code).toBe('EDIT_CONFLICT');
    const current = first.json<{ version: string; draft: { plan: { title: string } } }>();
    expect(current.draft.plan.title).toBe('甲的标题2023年');
    expect((await t.app.inject({ method: 'PUT', url: `/api/imports/${view.id}/draft`, headers: { cookie: office, 'if-match': `"${current.version}"` }, payload: retitled('乙的标题2023年') })).statusCode).toBe(200);
  });
});
