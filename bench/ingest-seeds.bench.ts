/**
 * Parse time per seed document (issue 3): median of 50 parses after 10 warm-up runs, and the peak
 * resident memory of the process. Goal: seed 000 ≤ 30 ms. Run: node --import tsx bench/ingest-seeds.bench.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { parseDocument } from '../src/ingest/index.ts';

const dir = new URL('../fixtures/seeds/', import.meta.url);
const seeds = readdirSync(dir).filter((f) => /^00[012]_/.test(f)).sort();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

for (const name of seeds) {
  const bytes = new Uint8Array(readFileSync(new URL(name, dir)));
  for (let i = 0; i < 10; i++) await parseDocument({ bytes, fileName: name });
  const times: number[] = [];
  const cpu: number[] = [];
  let tasks = 0;
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const draft = await parseDocument({ bytes, fileName: name });
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    // CPU time of this process: on a shared, loaded machine wall time also counts waiting for a core.
    cpu.push((c.user + c.system) / 1000);
    tasks = draft.tasks.length;
  }
  console.log(`${name}: ${tasks} tasks, median ${median(times).toFixed(1)} ms, min ${Math.min(...times).toFixed(1)} ms, median CPU ${median(cpu).toFixed(1)} ms (${(bytes.length / 1024).toFixed(0)} KB)`);
}
console.log(`load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
