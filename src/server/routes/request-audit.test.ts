/** Refused requests and file downloads leave audit rows (issue 21). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, plans, tasks, users } from '../../db/schema.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

describe.each(databaseKinds())('request audit on %s', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let planId: number;
  beforeAll(async () => {
    process.env.SOFFICE_PATH = 'off';
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    for (const login of ['office-shaoyang', 'unit-scjg']) cookies[login] = await signIn(t.app, login);
    planId = (await t.database.db.select().from(plans).where(eq(plans.year, 2023)))[0]!.id;
  });
  afterAll(async () => { delete process.env.SOFFICE_PATH; await t.close(); });

  const rows = (action: string) => t.database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id));
  const userId = async (login: string) => (await t.database.db.select().from(users).where(eq(users.login, login)))[0]!.id;
  const get = (url: string, who?: string, ip = '10.8.0.1') => t.app.inject({ method: 'GET', url, headers: who ? { cookie: cookies[who]! } : {}, remoteAddress: ip });

  it('records a 403 with the actor, the route and the error code', async () => {
    expect((await get('/api/audit', 'unit-scjg')).statusCode).toBe(403);
    const [row] = await rows('request.denied');
    expect(row).toMatchObject({ actorUserId: await userId('unit-scjg'), entity: 'request' });
    expect(row?.details).toMatchObject({ method: 'GET', route: '/api/audit', status: 403, code: 'FORBIDDEN', ip: '10.8.0.1' });
  });

  it('records an anonymous 401 with its address, but not the sign-in probe of /api/me', async () => {
    const before = (await rows('request.denied')).length;
    expect((await get(`/api/plans/${planId}`, undefined, '10.8.0.2')).statusCode).toBe(401);
    expect((await get('/api/me', undefined, '10.8.0.2')).statusCode).toBe(401);
    const after = await rows('request.denied');
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ actorUserId: null, entityId: String(planId) });
    expect(after[0]?.details).toMatchObject({ route: '/api/plans/:id', status: 401, code: 'AUTH_REQUIRED', ip: '10.8.0.2' });
  });

  it('records downloads of evidence, documents and exports with who, what and the file name', async () => {
    t.clock.now = new Date('2023-07-03T09:00:00+08:00');
    const task = (await t.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.seq, 1))))[0]!;
    const draft = await t.app.inject({ method: 'POST', url: `/api/tasks/${task.id}/reports`, headers: { cookie: cookies['unit-scjg']! }, payload: { period: '2023-06', status: 'in_progress', percent: 50, workDone: '推进中' } });
    expect(draft.statusCode).toBe(201);
    const upload = await t.app.inject({ method: 'POST', url: `/api/reports/${draft.json<{ id: number }>().id}/attachments?fileName=${encodeURIComponent('验收报告.pdf')}`, payload: Buffer.from('%PDF-1.4 evidence'), headers: { cookie: cookies['unit-scjg']!, 'content-type': 'application/octet-stream' } });
    expect(upload.statusCode).toBe(201);
    const attachmentId = upload.json<{ id: number }>().id;
    expect((await get(`/api/attachments/${attachmentId}`, 'office-shaoyang')).statusCode).toBe(200);
    const [evidence] = await rows('attachment.download');
    expect(evidence).toMatchObject({ actorUserId: await userId('office-shaoyang'), entity: 'attachment', entityId: String(attachmentId) });
    expect(evidence?.details).toMatchObject({ fileName: '验收报告.pdf', ip: '10.8.0.1' });

    const doc = await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/documents`, headers: { cookie: cookies['office-shaoyang']! }, payload: { kind: 'monthly-notice', period: '2023-06' } });
    expect(doc.statusCode).toBe(201);
    const docId = doc.json<{ id: number }>().id;
    expect((await get(`/api/documents/${docId}/docx`, 'office-shaoyang')).statusCode).toBe(200);
    expect((await rows('document.download'))[0]).toMatchObject({ entity: 'document', entityId: String(docId) });

    expect((await get(`/api/plans/${planId}/responsibility-table.xlsx`, 'office-shaoyang')).statusCode).toBe(200);
    const [exported] = await rows('plan.export');
    expect(exported).toMatchObject({ entity: 'plan', entityId: String(planId) });
    expect(String((exported?.details as { fileName?: string }).fileName)).toMatch(/责任分工表\.xlsx$/);
  });
});
