/**
 * Uploads are authorised before the file is read (issue 21): a user who may not import is refused
 * without the parser ever being called — the 1.6 KB XLSX that killed the server reached the
 * assessment-template parser before the permission check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { farCornerXlsx } from '../../ingest/testing/hostile-files.ts';
import type { JobResult, ParseJob } from '../files/parse-jobs.ts';
import { runParseJob } from '../files/parse-jobs.ts';
import type { FileParser } from '../files/parse-pool.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

/** Parses in-process and records every job it was given. */
class SpyParser implements FileParser {
  readonly jobs: string[] = [];
  async parse<J extends ParseJob>(job: J): Promise<JobResult<J>> {
    this.jobs.push(`${job.kind}:${job.fileName}`);
    return (await runParseJob(job)) as JobResult<J>;
  }
  async close(): Promise<void> { /* nothing to stop */ }
}

describe.each(databaseKinds())('upload authorisation on %s', (kind) => {
  let t: TestApp;
  const spy = new SpyParser();
  const c: Record<string, string> = {};
  let round = 0;
  const post = (who: string, url: string, body: Uint8Array | string) => t.app.inject({
    method: 'POST', url, payload: Buffer.from(body), headers: { cookie: c[who] ?? '', 'content-type': 'application/octet-stream' },
  });

  beforeAll(async () => {
    t = await demoApp(kind, {}, { parser: spy });
    for (const [who, login] of [['office', 'office-shaoyang'], ['leader', 'leader-shaoyang'], ['unit', 'unit-scjg']] as const) c[who] = await signIn(t.app, login);
    const plans = (await getJson<{ items: { id: number; title: string }[] }>(t.app, '/api/plans', c.office ?? '')).body.items;
    const planId = plans.find((p) => p.title.startsWith('邵阳市'))?.id ?? 0;
    const created = await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/assessment-rounds`, payload: { title: '2023年度评价', period: '2023' }, headers: { cookie: c.office ?? '' } });
    round = created.json<{ id: number }>().id;
  });
  afterAll(async () => { await t.close(); });

  it('refuses a unit user and a leader at the template import without parsing the file', async () => {
    const bomb = await farCornerXlsx();
    const unit = await post('unit', `/api/assessment-rounds/${round}/import`, bomb);
    const leader = await post('leader', `/api/assessment-rounds/${round}/import`, bomb);
    const anonymous = await post('nobody', `/api/assessment-rounds/${round}/import`, bomb);
    expect([unit.statusCode, leader.statusCode, anonymous.statusCode]).toEqual([404, 403, 401]);
    expect(spy.jobs).toEqual([]);
  });

  it('refuses a unit user and a leader at the plan import without parsing the file', async () => {
    const unit = await post('unit', '/api/imports?fileName=plan.txt', '一、任务\n（一）压缩办理时间。');
    const leader = await post('leader', '/api/imports?fileName=plan.txt', '一、任务\n（一）压缩办理时间。');
    expect([unit.statusCode, leader.statusCode]).toEqual([403, 403]);
    expect(spy.jobs).toEqual([]);
  });

  it('parses for the office, and names the limit the 1.6 KB XLSX hits', async () => {
    const res = await post('office', `/api/assessment-rounds/${round}/import`, await farCornerXlsx());
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ASSESSMENT_IMPORT_TOO_COMPLEX', details: { limit: 'rows' } });
    expect(res.json<{ message: string }>().message).toContain('上限');
    expect(spy.jobs).toEqual(['workbook:排名录入模板.xlsx']);
  });
});
