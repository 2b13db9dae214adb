/**
 * Evidence files of a problem on each database: the office attaches the finding's, the 主办 unit
 * its 整改 evidence while handling, both download them from the case; a unit not on the case gets
 * 404 for the case and its files; hostile files (wrong type, empty, too large) are refused with the
 * report evidence's errors, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { caseFiles } from '../../db/case-schema.ts';
import { plans, units } from '../../db/schema.ts';
import { createUser } from '../use-cases/users.ts';
import { MAX_ATTACHMENT_BYTES } from '../use-cases/supervision/attachments.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

interface Detail { case: { id: number; state: string }; files: { id: number; fileName: string; size: number; unitName: string | null }[] }

describe.each(databaseKinds())('evidence files of a problem on %s', (kind) => {
  let t: TestApp;
  let caseId = 0;
  const cookies: Record<string, string> = {};
  const upload = (who: string, name: string, data: Buffer) => t.app.inject({
    method: 'POST', url: `/api/cases/${caseId}/files?fileName=${encodeURIComponent(name)}`, payload: data, headers: { cookie: cookies[who]!, 'content-type': 'application/octet-stream' },
  });
  const post = (who: string, url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, payload, headers: { cookie: cookies[who]! } });
  const stored = async () => (await t.database.db.select({ n: count() }).from(caseFiles).where(eq(caseFiles.caseId, caseId)))[0]!.n;

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    const unit = async (name: string) => (await t.database.db.select().from(units).where(and(eq(units.name, name), eq(units.regionId, plan!.regionId))))[0]!.id;
    await createUser(t.database.db, null, { login: 'sy-police', password: 'Gongan2026x', displayName: '市公安局', role: 'unit', regionId: plan!.regionId, unitId: await unit('市公安局') });
    for (const [who, login, pw] of [['office', 'office-shaoyang'], ['lead', 'unit-scjg'], ['other', 'sy-police', 'Gongan2026x'], ['leader', 'leader-shaoyang']] as const) cookies[who] = await signIn(t.app, login, pw);
    const res = await post('office', '/api/cases', {
      source: 'mystery', refNo: 'AF-2023-001', kind: 'rectify', title: '窗口未一次性告知', finding: '暗访发现窗口未一次性告知需补正材料', foundOn: '2023-06-14', planId: plan!.id, leadUnitId: await unit('市市场监管局'),
    });
    expect(res.statusCode, res.body).toBe(201);
    caseId = res.json<Detail>().case.id;
  });
  afterAll(async () => { await t.close(); });

  it('takes the office’s finding evidence, then the unit’s 整改 evidence once it has signed', async () => {
    const photo = Buffer.from('%PDF-1.4 暗访记录');
    const office = await upload('office', '暗访记录.pdf', photo);
    expect(office.statusCode, office.body).toBe(201);
    expect(office.json<Detail>().files.map((f) => [f.fileName, f.size, f.unitName])).toEqual([['暗访记录.pdf', photo.length, null]]);
    // Before 签收 the unit is not handling the case yet.
    expect((await upload('lead', '整改照片.jpg', Buffer.from('jpeg'))).json<{ code: string }>().code).toBe('CASE_STATE_INVALID');
    expect((await post('lead', `/api/cases/${caseId}/sign`)).statusCode).toBe(200);
    const limits = async () => (await t.app.inject({ method: 'GET', url: '/api/evidence-limits', headers: { cookie: cookies.lead! } })).json<{ unitUsedBytes: number }>().unitUsedBytes;
    const usedBefore = await limits();
    const evidence = Buffer.from('整改前后对比照片');
    const unit = await upload('lead', '整改照片.jpg', evidence);
    expect(unit.statusCode, unit.body).toBe(201);
    // Case evidence counts in the unit's one evidence quota, as report evidence does.
    expect(await limits()).toBe(usedBefore + evidence.length);
    const files = unit.json<Detail>().files;
    expect(files.map((f) => [f.fileName, f.size, f.unitName])).toEqual([['暗访记录.pdf', photo.length, null], ['整改照片.jpg', evidence.length, '市市场监管局']]);
    // Both sides download both files, byte for byte.
    for (const who of ['office', 'lead', 'leader']) {
      for (const [f, bytes] of [[files[0]!, photo], [files[1]!, evidence]] as const) {
        const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/files/${f.id}`, headers: { cookie: cookies[who]! } });
        expect([who, res.statusCode, Buffer.compare(res.rawPayload, bytes)]).toEqual([who, 200, 0]);
        expect(res.headers['content-disposition']).toContain(encodeURIComponent(f.fileName));
      }
    }
    // After the reply the unit's evidence is closed; the office may still add to the case.
    expect((await post('lead', `/api/cases/${caseId}/reply`, { text: '已整改' })).statusCode).toBe(200);
    expect((await upload('lead', '补充.pdf', Buffer.from('%PDF'))).json<{ code: string }>().code).toBe('CASE_STATE_INVALID');
  });

  it('gives a unit not on the case 404 for the case and its files, and lets no leader upload', async () => {
    const [file] = await t.database.db.select({ id: caseFiles.id }).from(caseFiles).where(eq(caseFiles.caseId, caseId));
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/files/${file!.id}`, headers: { cookie: cookies.other! } })).statusCode).toBe(404);
    expect((await upload('other', 'x.pdf', Buffer.from('%PDF'))).statusCode).toBe(404);
    expect((await upload('leader', 'x.pdf', Buffer.from('%PDF'))).statusCode).toBe(403);
    // A file id of another case is not found through this one.
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId + 1000}/files/${file!.id}`, headers: { cookie: cookies.office! } })).statusCode).toBe(404);
  });

  it('refuses hostile files with the evidence errors and stores nothing', async () => {
    const before = await stored();
    const cases: [string, Buffer, number, string][] = [
      ['run.exe', Buffer.from('MZ'), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      ['空.pdf', Buffer.alloc(0), 400, 'VALIDATION_FAILED'],
      ['大.pdf', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1), 413, 'ATTACHMENT_TOO_LARGE'],
    ];
    for (const [name, data, status, code] of cases) {
      const res = await upload('office', name, data);
      expect([name, res.statusCode, res.json<{ code: string }>().code]).toEqual([name, status, code]);
    }
    expect(await stored()).toBe(before);
  });
});
