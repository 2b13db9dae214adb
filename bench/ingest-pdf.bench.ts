/**
 * Benchmark of the PDF reader: a generated 100-page plan table (gold 000 repeated, ruled, page
 * furniture) is read several times; prints the median wall time and the peak RSS of a fresh
 * process that only reads (generation runs in the parent, so pdfkit's memory is not counted).
 * Goal: ≤ 3 s and ≤ 300 MB. Run: node --import tsx bench/ingest-pdf.bench.ts [runs]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPdf } from '../src/ingest/readers/pdf.reader.ts';

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const FILE = `${OUT}ingest-100-pages.pdf`;
const PAGES = 100;
const GOAL_MS = 3000;
const GOAL_MB = 300;

async function measure(runs: number): Promise<void> {
  const bytes = new Uint8Array(readFileSync(FILE));
  const times: number[] = [];
  let pages = 0;
  let rows = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const doc = await readPdf(bytes, 'bench.pdf', { timeoutMs: 120_000 });
    const ms = performance.now() - t0;
    if (i > 0) times.push(ms); // run 0 warms up the pdfjs thread and the JIT
    pages = Math.max(...(doc.lines ?? []).map((l) => l.ref.page ?? 0));
    rows = doc.blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.length : 0), 0);
    if (i === 0) console.log(`first (cold) read: ${ms.toFixed(0)} ms`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`pages ${pages}, table rows ${rows}, bytes ${bytes.length}`);
  console.log(`median read ${median.toFixed(0)} ms over ${times.length} runs (goal ≤ ${GOAL_MS} ms): ${median <= GOAL_MS ? 'OK' : 'SLOW'}`);
  console.log(`peak RSS ${rssMb.toFixed(0)} MB (goal ≤ ${GOAL_MB} MB): ${rssMb <= GOAL_MB ? 'OK' : 'TOO BIG'}`);
}

async function main(): Promise<void> {
  const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
  if (process.argv.includes('--measure')) return measure(runs);
  if (!existsSync(FILE)) {
    mkdirSync(OUT, { recursive: true });
    // Imported here only: the measuring child must not carry pdfkit and fontkit in its RSS.
    const { renderModel } = await import('../src/ingest/testing/gold-render-model.ts');
    const { renderPdf } = await import('../src/ingest/testing/render-pdf.ts');
    const t0 = performance.now();
    writeFileSync(FILE, await renderPdf(renderModel('000'), { minPages: PAGES, maxPages: PAGES }));
    console.log(`generated ${FILE} in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--measure', String(runs)], { stdio: 'inherit' });
  process.exitCode = child.status ?? 1;
}

await main();
