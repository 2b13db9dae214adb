/**
 * The parse pool: a job beyond its time or heap limit kills only its child, the error names the
 * limit, and the pool goes on serving; a full queue is refused at once.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../domain/errors.ts';
import { scalingText } from '../../ingest/testing/scaling-documents.ts';
import { ParsePool } from './parse-pool.ts';

const seed = readFileSync(new URL('../../../fixtures/seeds/002_1cdb50bc881d4218.txt', import.meta.url), 'utf8');
const small = new TextEncoder().encode(seed);
const pools: ParsePool[] = [];
const pool = (o: Partial<ConstructorParameters<typeof ParsePool>[0]> = {}): ParsePool => {
  const p = new ParsePool({ workers: 1, memoryMb: 512, timeoutMs: 60_000, maxQueue: 4, ...o });
  pools.push(p);
  return p;
};
afterEach(async () => { await Promise.all(pools.splice(0).map((p) => p.close())); });

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { code: e.code, message: e.message, details: e.details ?? {} };
  }
  throw new Error('expected the parse to fail');
}

describe('parse pool', () => {
  it('parses a plan in a child process and reuses the child', async () => {
    const p = pool();
    const a = await p.parse({ kind: 'plan', bytes: small, fileName: 'seed.txt' });
    const b = await p.parse({ kind: 'plan', bytes: small, fileName: 'seed.txt' });
    expect(a.tasks).toHaveLength(38);
    expect(b).toEqual(a);
    expect(p.size).toBe(1);
  }, 60_000);

  it('kills a job past its deadline, and names the time limit', async () => {
    const p = pool({ timeoutMs: 1 });
    const big = new TextEncoder().encode(scalingText(seed, 4 * 1024 * 1024));
    const err = await failure(p.parse({ kind: 'plan', bytes: big, fileName: 'big.txt' }));
    expect(err).toMatchObject({ code: 'PLAN_IMPORT_TIMEOUT', details: { limit: 'time', fileName: 'big.txt' } });
    expect(err.message).toContain('解析时间超过');
  }, 60_000);

  it('ends a child that outgrows its heap limit with a memory-limit error; the pool still works', async () => {
    const p = pool({ memoryMb: 48 });
    const big = new TextEncoder().encode(scalingText(seed, 30 * 1024 * 1024));
    const err = await failure(p.parse({ kind: 'plan', bytes: big, fileName: 'huge.txt' }));
    expect(err).toMatchObject({ code: 'PLAN_IMPORT_TOO_COMPLEX', details: { limit: 'memory', max: 48 } });
    expect(err.message).toContain('解析所需内存超过 48 MB 上限');
    const ok = await p.parse({ kind: 'plan', bytes: small, fileName: 'seed.txt' });
    expect(ok.tasks).toHaveLength(38);
  }, 120_000);

  it('refuses a job when the queue is full, without waiting', async () => {
    const p = pool({ maxQueue: 1 });
    // The child is still starting: the first job waits in the queue, which is then full.
    const first = p.parse({ kind: 'plan', bytes: small, fileName: 'a.txt' });
    const err = await failure(p.parse({ kind: 'plan', bytes: small, fileName: 'b.txt' }));
    expect(err.code).toBe('FILE_PARSE_BUSY');
    expect((await first).tasks).toHaveLength(38);
  }, 60_000);
});
