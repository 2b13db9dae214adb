#!/usr/bin/env node
// Runs the benchmarks one after another, each in its own process so that its peak memory is its
// own: `npm run bench` runs them all, `npm run bench -- ingest reports` only those whose file name
// contains one of the words. Exits non-zero if any benchmark fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
// Benchmarks run from the repository root: the server benchmarks start `bin/yingshang.mjs` by a
// path relative to it, as they do when run by hand.
const root = join(dir, '..');
const words = process.argv.slice(2);
const all = readdirSync(dir).filter((f) => /\.bench\.(mjs|ts)$/.test(f)).sort();
const chosen = words.length ? all.filter((f) => words.some((w) => f.includes(w))) : all;
if (chosen.length === 0) {
  console.error(`no benchmark matches ${words.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}

const failed = [];
for (const file of chosen) {
  console.log(`\n▶ ${file}`);
  // TypeScript benchmarks import the engines' .ts sources directly; tsx loads them.
  const path = join('bench', file);
  const args = file.endsWith('.ts') ? ['--import', 'tsx', path] : [path];
  const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) failed.push(file);
}
if (failed.length) {
  console.error(`\n✗ failed: ${failed.join(', ')}`);
  process.exit(1);
}
