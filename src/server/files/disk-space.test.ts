/**
 * Low disk (issue 21): with the free-space probe stubbed below the limit, writes are refused with
 * a clear Chinese error, reads and sign-in go on; with room again, writes are accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';
import { DiskGuard, lowDiskMessage } from './disk-space.ts';

const MB = 1024 * 1024;

describe('low disk space', () => {
  let t: TestApp;
  let freeBytes = 100 * MB;
  let probes = 0;
  const probe = (): { freeBytes: number; totalBytes: number } => { probes++; return { freeBytes, totalBytes: 10_000 * MB }; };

  beforeAll(async () => { t = await demoApp('pglite', { MIN_FREE_DISK_MB: '512' }, { diskProbe: probe }); });
  afterAll(async () => { await t.close(); });

  it('refuses writes while the disk is low, keeps reads and sign-in, and accepts writes again with room', async () => {
    const office = await signIn(t.app, 'office-shaoyang');
    const plans = await getJson<{ items: { id: number; title: string }[] }>(t.app, '/api/plans', office);
    expect(plans.status).toBe(200);
    const planId = plans.body.items.find((p) => p.title.startsWith('邵阳市'))?.id ?? 0;
    const create = (title: string) => t.app.inject({ method: 'POST', url: `/api/plans/${planId}/assessment-rounds`, payload: { title, period: '2023' }, headers: { cookie: office } });

    const refused = await create('磁盘满时新建');
    expect(refused.statusCode).toBe(507);
    expect(refused.json()).toMatchObject({ code: 'DISK_SPACE_LOW', details: { freeMb: 100, minFreeMb: 512 } });
    expect(refused.json<{ message: string }>().message).toContain('仅剩 100 MB');
    const upload = await t.app.inject({ method: 'POST', url: '/api/imports?fileName=a.txt', payload: Buffer.from('x'), headers: { cookie: office, 'content-type': 'application/octet-stream' } });
    expect(upload.statusCode).toBe(507);

    freeBytes = 2000 * MB;
    await new Promise((r) => setTimeout(r, 2100)); // the guard asks the probe at most every 2 s
    expect((await create('有空间后新建')).statusCode).toBe(201);
    expect(probes).toBeGreaterThanOrEqual(2);
  });
});

describe('DiskGuard', () => {
  it('names the directory, the free space and the limit; a failing probe never blocks writes', () => {
    expect(lowDiskMessage('/srv/data', 100 * MB, 512 * MB)).toContain('/srv/data 所在磁盘仅剩 100 MB（下限 512 MB）');
    const broken = new DiskGuard('/x', 512 * MB, () => { throw new Error('ENOSYS'); });
    expect(() => broken.assertWritable()).not.toThrow();
    expect(new DiskGuard('/x', 512 * MB, () => ({ freeBytes: 10 * MB, totalBytes: 0 })).problem()).toContain('仅剩 10 MB');
  });
});
