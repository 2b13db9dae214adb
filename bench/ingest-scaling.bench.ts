/**
 * Parse time against input size (issue 21): a text plan, a DOCX and an XLSX responsibility table
 * grown from 100 KB to 50 MB by repeating real plan content. Time per MB must stay flat (linear
 * growth); a super-linear step shows as a rising ms/MB column. Only figures are printed — no
 * timed assertions. Run: node --import tsx bench/ingest-scaling.bench.ts [text|docx|xlsx] [maxMB]
 */
import { readFileSync } from 'node:fs';
import { draftFromDocument } from '../src/ingest/index.ts';
import { readDocument } from '../src/ingest/readers/index.ts';
import { scalingDocx, scalingText, scalingXlsx } from '../src/ingest/testing/scaling-documents.ts';

const seed = readFileSync(new URL('../fixtures/seeds/002_1cdb50bc881d4218.txt', import.meta.url), 'utf8');
const kinds = process.argv[2] ? [process.argv[2]] : ['text', 'docx', 'xlsx'];
const maxMb = Number(process.argv[3] ?? 50);
const sizes = [0.1, 0.5, 1, 5, 10, 25, 50].filter((mb) => mb <= maxMb);

async function build(kind: string, bytes: number): Promise<{ data: Uint8Array; name: string }> {
  if (kind === 'text') return { data: new TextEncoder().encode(scalingText(seed, bytes)), name: 'plan.txt' };
  if (kind === 'docx') return { data: await scalingDocx(seed, bytes), name: 'plan.docx' };
  return { data: await scalingXlsx(bytes), name: 'plan.xlsx' };
}

for (const kind of kinds) {
  for (const mb of sizes) {
    const { data, name } = await build(kind, Math.round(mb * 1024 * 1024));
    const t0 = performance.now();
    const doc = await readDocument(data, name);
    const t1 = performance.now();
    const draft = draftFromDocument(doc);
    const t2 = performance.now();
    const fileMb = data.length / 1024 / 1024;
    console.log(`${kind.padEnd(4)} ${fileMb.toFixed(2).padStart(6)} MB file: read ${(t1 - t0).toFixed(0).padStart(6)} ms, layout ${(t2 - t1).toFixed(0).padStart(6)} ms, `
      + `${((t2 - t0) / fileMb).toFixed(0).padStart(5)} ms/MB, ${draft.tasks.length} tasks`);
  }
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
