/**
 * Hostile files sent to the running API (issue 21): zip bombs, the far-corner XLSX, a text plan
 * that was quadratic, an external entity — each is refused with the limit it hit, every one is
 * parsed by the parse pool's child processes, and another user's requests are answered while
 * those parses run (the server listens on 127.0.0.1 only). No wall-clock threshold: on a loaded
 * machine everything is slower, but a parse on the event loop would still answer no one while it ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { farCornerXlsx, xxeDocx, zipBombDocx } from '../../ingest/testing/hostile-files.ts';
import type { FileParser } from '../files/parse-pool.ts';
import { ParsePool } from '../files/parse-pool.ts';
import { demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

/** The real pool, counting the jobs it was given and those running now. */
function countingPool(pool: ParsePool) {
  const counts = { started: 0, running: 0 };
  const parser: FileParser = {
    async parse(job) {
      counts.started += 1;
      counts.running += 1;
      try {
        return await pool.parse(job);
      } finally {
        counts.running -= 1;
      }
    },
    close: () => pool.close(),
  };
  return { parser, counts };
}

interface Answer { status: number; code?: string; limit?: unknown; message?: string }

describe('hostile uploads against the running server (pglite)', () => {
  let t: TestApp;
  let base = '';
  const c: Record<string, string> = {};
  let round = 0;
  const pool = new ParsePool({ workers: 2, memoryMb: 512, timeoutMs: 60_000, maxQueue: 20 });
  const { parser, counts } = countingPool(pool);

  beforeAll(async () => {
    t = await demoApp('pglite', {}, { parser });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    for (const [who, login] of [['office', 'office-shaoyang'], ['leader', 'leader-shaoyang']] as const) c[who] = await signIn(t.app, login);
    const plans = (await getJson<{ items: { id: number; title: string }[] }>(t.app, '/api/plans', c.office ?? '')).body.items;
    const planId = plans.find((p) => p.title.startsWith('邵阳市'))?.id ?? 0;
    const created = await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/assessment-rounds`, payload: { title: '2023年度评价', period: '2023' }, headers: { cookie: c.office ?? '' } });
    round = created.json<{ id: number }>().id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await pool.close();
  });

  async function send(path: string, body: Uint8Array | string): Promise<Answer> {
    const res = await fetch(`${base}${path}`, { method: 'POST', body: Buffer.from(body), headers: { cookie: c.office ?? '', 'content-type': 'application/octet-stream' } });
    const json = (await res.json()) as { code?: string; message?: string; details?: { limit?: unknown } };
    return { status: res.status, code: json.code, limit: json.details?.limit, message: json.message };
  }

  it('refuses every hostile file with its limit, parsed in child processes while another user is answered', async () => {
    // A text plan of 4 MB in 250,000 short lines of one paragraph: 52 s when joinLines was quadratic.
    const longParagraph = `一、总体要求\n${'推进政务服务标准化规范化便利化\n'.repeat(250_000)}`;
    // Files are made before the attack starts: the test's own work is not part of it.
    const files: [string, string, Uint8Array | string][] = [
      ['honest zip bomb', '/api/imports?fileName=bomb.docx', await zipBombDocx(300 * 1024 * 1024)],
      ['lying zip bomb', '/api/imports?fileName=liar.docx', await zipBombDocx(512 * 1024 * 1024, true)],
      ['far-corner plan', '/api/imports?fileName=far.xlsx', await farCornerXlsx()],
      ['far-corner template', `/api/assessment-rounds/${round}/import`, await farCornerXlsx()],
      ['external entity', '/api/imports?fileName=xxe.docx', await xxeDocx()],
      ['long paragraph', '/api/imports?fileName=long.txt', longParagraph],
    ];

    // Each answer to the other user notes how many hostile parses were running when it arrived.
    const runningAtAnswer: number[] = [];
    let attacking = true;
    const poll = (async () => {
      while (attacking) {
        const res = await fetch(`${base}/api/plans`, { headers: { cookie: c.leader ?? '' } });
        await res.arrayBuffer();
        expect(res.status).toBe(200);
        runningAtAnswer.push(counts.running);
        await new Promise((r) => setTimeout(r, 20));
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

    // Every hostile file went to the pool (none was parsed on the server's event loop), the pool
    // ran them in child processes, and the other user was answered while parses were running.
    expect(counts.started).toBe(files.length);
    expect(counts.running).toBe(0);
    expect(pool.size).toBeGreaterThan(0);
    const during = runningAtAnswer.filter((n) => n > 0).length;
    console.log(`hostile uploads: ${runningAtAnswer.length} requests of another user, ${during} answered while parses ran`);
    expect(during).toBeGreaterThan(0);
  }, 180_000);
});
