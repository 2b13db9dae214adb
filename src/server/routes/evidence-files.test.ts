/**
 * Evidence files (issue 21): with a files directory the bytes go to disk (atomically, by hash) and
 * the row holds only the path, so an upload does not hold PGlite's connection; per-unit quotas
 * refuse what would exceed them with the figures; downloads read the file back.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans, tasks } from '../../db/schema.ts';
import { reportAttachments } from '../../db/supervision-schema.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

describe.each(databaseKinds())('evidence files on disk with quotas on %s', (kind) => {
  let t: TestApp;
  let dir = '';
  let lead = '';
  let office = '';
  let reportId = 0;
  const upload = (name: string, body: Buffer) => t.app.inject({
    method: 'POST', url: `/api/reports/${reportId}/attachments?fileName=${encodeURIComponent(name)}`, payload: body, headers: { cookie: lead, 'content-type': 'application/octet-stream' },
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ys-files-'));
    t = await demoApp(kind, { FILES_DIR: dir, EVIDENCE_UNIT_QUOTA_MB: '1', SESSION_TTL_HOURS: '100000' });
    t.clock.now = new Date('2023-07-03T09:00:00+08:00');
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    const [task] = await t.database.db.select().from(tasks).where(and(eq(tasks.planId, plan!.id), eq(tasks.seq, 3)));
    [lead, office] = await Promise.all([signIn(t.app, 'unit-scjg'), signIn(t.app, 'office-shaoyang')]);
    const draft = await t.app.inject({ method: 'POST', url: `/api/tasks/${task!.id}/reports`, payload: { period: '2023-06', status: 'in_progress', percent: 50, workDone: '推进中' }, headers: { cookie: lead } });
    reportId = draft.json<{ id: number }>().id;
  });
  afterAll(async () => { await t.close(); rmSync(dir, { recursive: true, force: true }); });

  it('writes the file to disk, keeps only its path in the row, and serves it back', async () => {
    const bytes = randomBytes(600 * 1024);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const res = await upload('现场照片.jpg', bytes);
    expect(res.statusCode).toBe(201);
    const [row] = await t.database.db.select().from(reportAttachments).where(eq(reportAttachments.id, res.json<{ id: number }>().id));
    expect(row).toMatchObject({ data: null, storagePath: join(sha.slice(0, 2), sha), size: bytes.length, sha256: sha });
    expect(readFileSync(join(dir, sha.slice(0, 2), sha)).equals(bytes)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.upload-'))).toEqual([]); // no temporary file left
    const file = await t.app.inject({ method: 'GET', url: `/api/attachments/${row!.id}`, headers: { cookie: office } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
  });

  it('refuses a file beyond the unit quota with what is used and what is allowed, storing nothing', async () => {
    const before = readdirSync(dir).length;
    const res = await upload('第二张.jpg', randomBytes(600 * 1024));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'ATTACHMENT_QUOTA_EXCEEDED', details: { quota: 'unit', usedBytes: 600 * 1024, quotaBytes: 1024 * 1024 } });
    expect(res.json<{ message: string }>().message).toContain('本单位佐证材料已用 0.6 MB，上限 1 MB');
    expect(readdirSync(dir).length).toBe(before);
  });

  it('tells the uploader the limits: per file, the unit quota and what the unit has used', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/evidence-limits', headers: { cookie: lead } });
    expect(res.json()).toEqual({ maxFileBytes: 20 * 1024 * 1024, unitQuotaBytes: 1024 * 1024, unitUsedBytes: 600 * 1024 });
    const forOffice = await t.app.inject({ method: 'GET', url: '/api/evidence-limits', headers: { cookie: office } });
    expect(forOffice.json()).toMatchObject({ unitUsedBytes: null });
  });

  it('refuses a report of another unit before writing anything to disk', async () => {
    const police = await t.app.inject({ method: 'POST', url: `/api/reports/${reportId}/attachments?fileName=x.pdf`, payload: Buffer.from('%PDF x'), headers: { cookie: office, 'content-type': 'application/octet-stream' } });
    expect(police.statusCode).toBe(404);
    const sha = createHash('sha256').update('%PDF x').digest('hex');
    expect(existsSync(join(dir, sha.slice(0, 2), sha))).toBe(false);
  });
});
