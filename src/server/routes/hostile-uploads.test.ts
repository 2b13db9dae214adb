/**
 * Hostile files sent to the running API (issue 21): zip bombs, the far-corner XLSX, a text plan
 * that was quadratic, an external entity — each is refused with the limit it hit, and throughout
 * another user's requests are answered within 1 s (the server listens on 127.0.0.1 only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { farCornerXlsx, xxeDocx, zipBombDocx } from '../../ingest/testing/hostile-files.ts';
import { demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Answer { status: number; code?: string; limit?: unknown; message?: string }

describe('hostile uploads against the running server (pglite)', () => {
  let t: TestApp;
  let base = '';
  const c: Record<string, string> = {};
  let round = 0;

  beforeAll(async () => {
    t = await demoApp('pglite', { PARSE_WORKERS: '2', PARSE_MEMORY_MB: '512', PARSE_TIMEOUT_SECONDS: '60' });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    for (const [who, login] of [['office', 'office-shaoyang'], ['leader', 'leader-shaoyang']] as const) c[who] = await signIn(t.app, login);
    const plans = (await getJson<{ items: { id: number; title: string }[] }>(t.app, '/api/plans', c.office ?? '')).body.items;
    const planId = plans.find((p) => p.title.startsWith('邵阳市'))?.id ?? 0;
    const created = await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/assessment-rounds`, payload: { title: '2023年度评价', period: '2023' }, headers: { cookie: c.office ?? '' } });
    round = created.json<{ id: number }>().id;
  }, 60_000);
  afterAll(async () => { await t.close(); });

  async function send(path: string, body: Uint8Array | string): Promise<Answer> {
    const res = await fetch(`${base}${path}`, { method: 'POST', body: Buffer.from(body), headers: { cookie: c.office ?? '', 'content-type': 'application/octet-stream' } });
    const json = (await res.json()) as { code?: string; message?: string; details?: { limit?: unknown } };
    return { status: res.status, code: json.code, limit: json.details?.limit, message: json.message };
  }

  it('refuses every hostile file with its limit while another user is answered within 1 s', async () => {
    // A text plan of 4 MB in 250,000 short lines of one paragraph: 52 s when joinLines was quadratic.
    const longParagraph = `一、总体要求\n${'推进政务服务标准化规范化便利化\n'.repeat(250_000)}`;
    // Files are made before the clock starts: the test's own work must not count as a stall.
    const files: [string, string, Uint8Array | string][] = [
      ['honest zip bomb', '/api/imports?fileName=bomb.docx', await zipBombDocx(300 * 1024 * 1024)],
      ['lying zip bomb', '/api/imports?fileName=liar.docx', await zipBombDocx(512 * 1024 * 1024, true)],
      ['far-corner plan', '/api/imports?fileName=far.xlsx', await farCornerXlsx()],
      ['far-corner template', `/api/assessment-rounds/${round}/import`, await farCornerXlsx()],
      ['external entity', '/api/imports?fileName=xxe.docx', await xxeDocx()],
      ['long paragraph', '/api/imports?fileName=long.txt', longParagraph],
    ];

    const latencies: number[] = [];
    let attacking = true;
    const poll = (async () => {
      while (attacking) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/plans`, { headers: { cookie: c.leader ?? '' } });
        await res.arrayBuffer();
        expect(res.status).toBe(200);
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const answers: Record<string, Answer> = {};
    try {
      await Promise.all(files.map(async ([name, path, body]) => { answers[name] = await send(path, body); }));
    } finally {
      attacking = false;
      await poll;
    }

    expect(answers['honest zip bomb']).toMatchObject({ status: 400, code: 'PLAN_IMPORT_TOO_COMPLEX' });
    expect(['entry', 'ratio', 'inflated']).toContain(answers['honest zip bomb']?.limit);
    expect(answers['lying zip bomb']).toMatchObject({ status: 400, code: 'PLAN_IMPORT_TOO_COMPLEX', limit: 'entry' });
    expect(answers['far-corner plan']).toMatchObject({ status: 400, code: 'PLAN_IMPORT_TOO_COMPLEX', limit: 'rows' });
    expect(answers['far-corner template']).toMatchObject({ status: 400, code: 'ASSESSMENT_IMPORT_TOO_COMPLEX', limit: 'rows' });
    expect(answers['external entity']).toMatchObject({ status: 400, code: 'PLAN_IMPORT_CORRUPT' });
    expect(answers['external entity']?.message).not.toMatch(/root:/);
    // The long paragraph is read in linear time; it is not a plan, so it ends as "no layout".
    expect(answers['long paragraph']).toMatchObject({ status: 400, code: 'PLAN_IMPORT_NO_LAYOUT' });
    for (const a of Object.values(answers)) expect(a.message).toMatch(/[\u4e00-\u9fff]/);

    expect(latencies.length).toBeGreaterThan(3);
    const longest = Math.max(...latencies);
    console.log(`hostile uploads: ${latencies.length} requests of another user, longest ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThan(1000);
  }, 180_000);
});
