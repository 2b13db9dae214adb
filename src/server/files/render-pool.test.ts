import { afterEach, describe, expect, it } from 'vitest';
import { inspectDocx } from '../../reports/__fixtures__/docx-inspect.ts';
import { shaoyangProgress } from '../../reports/__fixtures__/shaoyang-progress.ts';
import { buildMonthlyNotice } from '../../reports/kinds/monthly-notice.ts';
import { renderDocx } from '../../reports/index.ts';
import { RenderPool } from './render-pool.ts';

const model = buildMonthlyNotice(shaoyangProgress());
let pool: RenderPool | undefined;
afterEach(async () => { await pool?.close(); pool = undefined; });

/** The document's text, paragraph by paragraph, as Word would show it. */
async function paragraphs(bytes: Uint8Array): Promise<string[]> {
  return (await inspectDocx(bytes)).paragraphs.map((p) => p.text);
}

describe('the render pool', () => {
  it('renders in a process the same document (charts included) as rendered directly', async () => {
    pool = new RenderPool({ workers: 1, memoryMb: 256, timeoutMs: 60_000, maxQueue: 4 });
    const [threaded, direct] = await Promise.all([pool.render({ kind: 'docx', model }), renderDocx(model)]);
    expect(Buffer.from(threaded.subarray(0, 2)).toString()).toBe('PK');
    expect(await paragraphs(threaded)).toEqual(await paragraphs(direct));
    expect(Math.abs(threaded.byteLength - direct.byteLength) / direct.byteLength).toBeLessThan(0.05);
  });

  it('renders one at a time per process, at most `workers` processes, and refuses beyond its queue', async () => {
    pool = new RenderPool({ workers: 1, memoryMb: 256, timeoutMs: 60_000, maxQueue: 2 });
    const jobs = [pool.render({ kind: 'docx', model }), pool.render({ kind: 'docx', model })];
    await expect(pool.render({ kind: 'docx', model })).rejects.toMatchObject({ code: 'RENDER_BUSY' });
    expect(pool.size).toBe(1);
    const done = await Promise.all(jobs);
    expect(done.every((b) => b.byteLength > 1000)).toBe(true);
  });

  it('keeps the event loop free while it renders', async () => {
    pool = new RenderPool({ workers: 1, memoryMb: 256, timeoutMs: 60_000, maxQueue: 8 });
    await pool.render({ kind: 'docx', model }); // process started and warm
    // A timer on the event loop counts its turns; one process renders the four jobs one after the
    // other. Had a render run on the loop, no turn could fall between its start and its end — so
    // every render must see the timer fire. Counts, not milliseconds: a loaded machine slows the
    // renders and the timer alike.
    let ticks = 0;
    const timer = setInterval(() => { ticks += 1; }, 1);
    const ticksAtEnd: number[] = [];
    await Promise.all(Array.from({ length: 4 }, () => pool!.render({ kind: 'docx', model }).then(() => { ticksAtEnd.push(ticks); })));
    clearInterval(timer);
    expect(pool.size).toBe(1);
    const during = ticksAtEnd.map((n, i) => n - (i === 0 ? 0 : ticksAtEnd[i - 1]!));
    expect(during.every((n) => n > 0), `timer turns during each render: ${during.join(', ')}`).toBe(true);
  });
});
