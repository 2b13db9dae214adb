#!/usr/bin/env node
// API benchmark (issue 2): cold `serve` to first served page on an empty DATA_DIR, then
// GET /api/plans/{id}/tasks on the 204-task plan — median and p95 over 200 requests — on PGlite
// and, when DATABASE_URL is set (or PostgreSQL answers on 127.0.0.1), on PostgreSQL.
// Run: node bench/api.bench.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REQUESTS = 200;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startServer(env) {
  const port = 40000 + Math.floor(Math.random() * 10000);
  const started = performance.now();
  const child = spawn('node', ['bin/yingshang.mjs', 'serve'], { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited during start');
    try {
      const res = await fetch(`${base}/`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    await sleep(50);
  }
  return { base, child, coldMs: performance.now() - started };
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

async function measure(label, env) {
  const { base, child, coldMs } = await startServer(env);
  try {
    const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'office-shaoyang', password: 'Yingshang@2026' }) });
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const plans = await (await fetch(`${base}/api/plans`, { headers: { cookie } })).json();
    const plan = plans.items.find((p) => p.taskCount === 204);
    const out = { label, coldStartMs: Math.round(coldMs) };
    for (const [name, query] of [['page of 20', ''], ['all 204', '?pageSize=200'], ['filtered', '?q=%E5%B7%A5%E4%BD%9C%E6%97%A5&deadlineFrom=2023-01&deadlineTo=2023-12']]) {
      const url = `${base}/api/plans/${plan.id}/tasks${query}`;
      for (let i = 0; i < 20; i++) await (await fetch(url, { headers: { cookie } })).arrayBuffer();
      const samples = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        const res = await fetch(url, { headers: { cookie } });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        samples.push(performance.now() - t0);
      }
      const s = stats(samples);
      out[name] = `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;
    }
    return out;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'ys-bench-'));
const results = [];
try {
  results.push(await measure('PGlite (empty DATA_DIR, cold start includes migrations + demo load)', { DATA_DIR: dataDir, DATABASE_URL: '' }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ys_bench_${Date.now()}`;
const psql = (sql) => spawnSync('psql', [adminUrl, '-qc', sql], { encoding: 'utf8' });
if (psql(`create database ${dbName}`).status === 0) {
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  try {
    results.push(await measure('PostgreSQL (empty database)', { DATABASE_URL: url.toString() }));
  } finally {
    psql(`drop database if exists ${dbName} with (force)`);
  }
} else console.log('PostgreSQL not reachable: skipped.');
for (const r of results) {
  console.log(`\n${r.label}\n  cold start to first served page: ${r.coldStartMs} ms`);
  for (const [k, v] of Object.entries(r)) if (k !== 'label' && k !== 'coldStartMs') console.log(`  GET tasks (${k}) ×${REQUESTS}: ${v}`);
}
