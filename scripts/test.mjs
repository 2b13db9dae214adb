#!/usr/bin/env node
// `npm test`: the whole suite, in the order that fails fastest on the cheapest mistakes:
// type-check, lint (layer boundaries, react-hooks), unused code (knip), migrations up to date, unit + API tests (PGlite, and PostgreSQL when
// DATABASE_URL is set), then browser tests. Prints one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const results = [];
let passed = 0;
let failed = 0;

function step(name, cmd, args, { capture = false, env = {} } = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (capture && r.stdout) process.stdout.write(r.stdout);
  const ok = r.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return { ok, stdout: r.stdout ?? '' };
}

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('test-results', { recursive: true });

const typecheck = step('type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
const typecheckWeb = step('type-check web', bin('tsc'), ['--noEmit', '-p', 'web/tsconfig.json']);
const lint = step('lint', bin('eslint'), ['.', '--max-warnings=0']);
// Unused files, dependencies and binaries fail; unused exports are listed (knip.config.ts).
const knip = step('unused code and dependencies', bin('knip'), ['--no-progress']);
for (const s of [typecheck, typecheckWeb, lint, knip]) {
  if (s.ok) passed++;
  else failed++;
}

// Migrations are generated from the schema and committed: regenerating must find nothing to do.
const gen = step('migrations up to date', bin('drizzle-kit'), ['generate', '--config', 'drizzle.config.ts'], { capture: true });
const upToDate = gen.ok && /No schema changes/i.test(gen.stdout);
if (!upToDate) console.error('✗ src/db/schema.ts differs from the committed migrations: run `npm run db:generate` and commit the result.');
if (upToDate) passed++;
else failed++;

if (process.env.DATABASE_URL) console.log(`\nAPI tests run on PGlite and on PostgreSQL (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')}).`);
else console.log('\nAPI tests run on PGlite only (set DATABASE_URL=postgres://… to run them on PostgreSQL too).');
const unit = step('unit and API tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
if (existsSync('test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (unit.ok || report.numFailedTests ? 0 : 1);
} else failed++;

const e2e = step('browser tests', 'node', ['e2e/run.mjs'], { capture: true });
const pass = /(?:ℹ|#) pass (\d+)/.exec(e2e.stdout);
const fail = /(?:ℹ|#) fail (\d+)/.exec(e2e.stdout);
passed += pass ? Number(pass[1]) : 0;
failed += fail ? Number(fail[1]) : 0;
if (!e2e.ok && !(fail && Number(fail[1]) > 0)) failed++;

console.log('\nSummary:');
for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name} (${r.seconds}s)`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) && failed === 0 ? 0 : 1);
