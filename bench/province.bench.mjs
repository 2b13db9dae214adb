#!/usr/bin/env node
// Province benchmark (issue 20): on a 湖南-sized data set (bench/province/generate.mjs: 271 regions,
// 153 plans, ~29 k tasks, ≥ 1 M reports, ~1.3 M audit rows), the screens a province office, a
// leader and a unit open most, under a mix of USERS users with think time, for DURATION seconds,
// against one server on 127.0.0.1. Prints p50/p95/p99 per screen, throughput, server RSS and CPU,
// the EXPLAIN of every statement each screen runs (sequential scans over large tables flagged),
// the task list against its bare SQL, list latency while documents render, and the daily job.
// Run: npm run bench -- province   (PROV_DB=prov_bench USERS=1000 DURATION=120 WARMUP=20 THINK=10 PORT=3107;
// INSTANCES=1,2 the server counts the load runs on; REGENERATE=1 rebuilds the data set;
// SKIP=explain,load,bare,render,daily leaves parts out; PROFILE=dir writes the servers' CPU profiles,
// SERVER_LOG=file keeps their request log with each request's time)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { databaseUrl, generate } from './province/generate.mjs';
import { explainAll } from './province/explain.mjs';
import { hammer, openScreen, percentile, runLoad } from './province/load.mjs';
import { SCREENS } from './province/screens.mjs';
import { startServer, watch } from './province/server.mjs';
import { prepareUsers } from './province/users.mjs';

const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = process.env.PROV_DB || 'prov_bench';
const USERS = Number(process.env.USERS ?? 1000);
const DURATION = Number(process.env.DURATION ?? 120);
const THINK = Number(process.env.THINK ?? 10) * 1000;
// The users run this long before the measured run (new connections, cold PostgreSQL caches, code
// paths not yet compiled); its p95 is printed, not counted.
const WARMUP = Number(process.env.WARMUP ?? 20);
const PORT = Number(process.env.PORT ?? 3107);
// Server instances behind one PostgreSQL for the 1,000-user load (ports PORT, PORT+1, …); 1 and 2
// are both run by default, so the table shows one process and the two a 2-core machine would run.
const INSTANCES = (process.env.INSTANCES ?? '1,2').split(',').map(Number).filter((n) => n > 0);
const SKIP = new Set((process.env.SKIP ?? '').split(',').filter(Boolean));
const url = databaseUrl(base, name);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '—');

async function ensureData() {
  const admin = new pg.Client({ connectionString: databaseUrl(base, 'postgres') });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount > 0;
  await admin.end();
  let ready = false;
  if (exists && !process.env.REGENERATE) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try { ready = (await c.query(`select count(*)::int n from progress_reports`)).rows[0].n >= 1_000_000; } catch { ready = false; }
    await c.end();
  }
  if (ready) { console.log(`data set: ${name} (present)`); return; }
  console.log(`generating the province data set into ${name} …`);
  const r = await generate({ base, name, force: true });
  console.log(`data set generated in ${r.seconds.toFixed(1)} s: ${JSON.stringify(r.counts)}`);
}

/** The statements each screen runs (traced from a server), EXPLAINed and printed unless `explain` is false. */
async function explainPass(db, users, { screens = Object.keys(SCREENS), explain = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'prov-trace-'));
  const trace = join(dir, 'sql.jsonl');
  const server = await startServer({ url, port: PORT, env: { SQL_TRACE_FILE: trace, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ./bench/province/sql-trace.mjs`.trim() } });
  const byScreen = {};
  try {
    for (const screen of screens) {
      const role = screen.split(':')[0];
      const user = users.find((u) => u.role === role);
      writeFileSync(trace, '');
      await openScreen(server.base, user, screen); // warm
      writeFileSync(trace, '');
      const r = await openScreen(server.base, user, screen);
      const all = readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      const statements = all.filter((s) => !/from "sessions"|from "users"|"regions"|select 1$/i.test(s.text) || /audit_log|tasks/.test(s.text));
      byScreen[screen] = { ms: r.ms, ok: r.ok, statements, all };
    }
  } finally {
    await server.stop();
  }
  if (!explain) return Object.fromEntries(Object.entries(byScreen).map(([k, v]) => [k, v.all]));
  console.log(`\nEXPLAIN (ANALYZE) of each screen's statements (province office / leader / unit; ⚠ = sequential scan over a table of > 20 k rows):`);
  const traced = {};
  for (const [screen, { statements, all }] of Object.entries(byScreen)) {
    const plans = await explainAll(url, statements);
    const seq = plans.flatMap((p) => p.seqScans.map((s) => `${s.table} (${s.read} of ${s.rows} rows read)`));
    const sum = plans.reduce((a, p) => a + (p.ms ?? 0), 0);
    console.log(`  ${screen.padEnd(22)} ${String(statements.length).padStart(3)} statements, ${f(sum)} ms in PostgreSQL${seq.length ? `  ⚠ seq scan: ${[...new Set(seq)].join(', ')}` : ''}`);
    for (const p of plans) {
      if (p.error) console.log(`      ! ${p.error}: ${p.text.slice(0, 120)}`);
      else if (p.seqScans.length || (p.ms ?? 0) > 20) console.log(`      ${f(p.ms)} ms ${p.top ?? ''}${p.seqScans.length ? ' ⚠' : ''}: ${p.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    traced[screen] = all;
  }
  return traced;
}

function printLoad(r, usages, before, after) {
  console.log(`\n${USERS} users on ${usages.length} server instance${usages.length > 1 ? 's' : ''}, think time ${THINK / 1000} s (exponential), ${f(r.seconds)} s; load average ${before} → ${after}`);
  console.log(`  ${'screen'.padEnd(22)} ${'n'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}  errors`);
  let all = [];
  let errors = 0;
  for (const [screen, s] of Object.entries(r.stats).sort()) {
    const ms = s.ms.sort((a, b) => a - b);
    all = all.concat(ms);
    errors += s.errors;
    console.log(`  ${screen.padEnd(22)} ${String(ms.length).padStart(6)} ${f(percentile(ms, 50)).padStart(8)} ${f(percentile(ms, 95)).padStart(8)} ${f(percentile(ms, 99)).padStart(8)}  ${s.errors}`);
  }
  all.sort((a, b) => a - b);
  console.log(`  ${'all screens'.padEnd(22)} ${String(all.length).padStart(6)} ${f(percentile(all, 50)).padStart(8)} ${f(percentile(all, 95)).padStart(8)} ${f(percentile(all, 99)).padStart(8)}  ${errors}`);
  const each = usages.map((u) => `RSS peak ${f(u.peakRss)} MiB (mean ${f(u.meanRss)}), CPU ${f(u.cpuShare * 100)}% of a core`).join('; ');
  console.log(`  throughput ${f(r.requests / r.seconds)} requests/s (${f(all.length / r.seconds)} screens/s); ${usages.length > 1 ? 'per instance: ' : 'server '}${each}`);
  console.log(`  p95 by 10 s window: ${r.windows.map((w) => f(percentile(w, 95))).join(' · ')} ms`);
  for (const e of r.errors) console.log(`  error: ${e}`);
  return errors;
}

async function drain(server, users) {
  const t0 = performance.now();
  for (let i = 0; i < 120; i++) {
    const r = await openScreen(server.base, users.find((u) => u.role === 'unit'), 'unit: notifications');
    if (r.ms < 100) break;
    await new Promise((res) => setTimeout(res, 1000));
  }
  console.log(`\n(server idle again after ${f((performance.now() - t0) / 1000)} s)`);
}

/**
 * The task list endpoint against its bare SQL, side by side: every statement the endpoint sends
 * (session and user look-ups included) replayed from the pool one after another per request, and
 * the endpoint over HTTP, 8 clients each, alternating in 5 s rounds so a shared machine's load
 * falls on both alike. Prints both and the ratio of throughputs (goal ≥ 0.7×).
 */
async function bareVsEndpoint(server, users, traced) {
  const office = users.find((u) => u.role === 'office');
  const list = traced['office: task list'] ?? [];
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const bare = async () => { for (const s of list) await pool.query({ text: s.text, values: s.values }); return true; };
  // The same statements prepared (named, parsed and planned once per connection), as the server
  // sends its hot statements (src/db/statement-cache.ts): the fair floor for the endpoint.
  const prepared = async () => { for (const [i, s] of list.entries()) await pool.query({ name: `bare_${i}`, text: s.text, values: s.values }); return true; };
  const endpoint = async () => (await openScreen(server.base, { ...office, n: 0 }, 'office: task list')).ok;
  await hammer(bare, { concurrency: 8, seconds: 2 });
  await hammer(prepared, { concurrency: 8, seconds: 2 });
  await hammer(endpoint, { concurrency: 8, seconds: 2 });
  const rounds = { bare: [], prepared: [], endpoint: [] };
  for (let i = 0; i < 4; i++) {
    rounds.bare.push(await hammer(bare, { concurrency: 8, seconds: 5 }));
    rounds.prepared.push(await hammer(prepared, { concurrency: 8, seconds: 5 }));
    rounds.endpoint.push(await hammer(endpoint, { concurrency: 8, seconds: 5 }));
  }
  await pool.end();
  const sum = (rs) => ({ perSecond: rs.reduce((a, r) => a + r.perSecond, 0) / rs.length, p50: Math.max(...rs.map((r) => r.p50)), p95: Math.max(...rs.map((r) => r.p95)), failures: rs.reduce((a, r) => a + r.failures, 0) });
  const sql = sum(rounds.bare);
  const http = sum(rounds.endpoint);
  const named = sum(rounds.prepared);
  console.log(`\ntask list endpoint (/api/plans/:id/tasks, 20 of a plan's tasks) vs its bare SQL, 8 clients, 4 × 5 s rounds alternating; load average ${loadavg()}`);
  console.log(`  bare SQL (${list.length} statements):  ${f(sql.perSecond)}/s p50 ${f(sql.p50)} ms p95 ${f(sql.p95)} ms`);
  console.log(`  bare SQL, prepared:       ${f(named.perSecond)}/s p50 ${f(named.p50)} ms p95 ${f(named.p95)} ms`);
  console.log(`  endpoint:                 ${f(http.perSecond)}/s p50 ${f(http.p50)} ms p95 ${f(http.p95)} ms (${http.failures} failed)   → ${(http.perSecond / sql.perSecond).toFixed(2)}× the bare SQL's throughput (goal ≥ 0.70×), ${(http.perSecond / named.perSecond).toFixed(2)}× the prepared bare SQL's`);
  console.log(`  per round (bare / prepared / endpoint /s): ${rounds.bare.map((r, i) => `${f(r.perSecond)}/${f(rounds.prepared[i].perSecond)}/${f(rounds.endpoint[i].perSecond)}`).join(', ')}`);
}

async function renderInFlight(server, users) {
  const office = users.find((u) => u.role === 'office');
  const created = await fetch(`${server.base}/api/plans/${office.planId}/documents`, { method: 'POST', headers: { cookie: office.cookie, 'content-type': 'application/json', origin: server.base }, body: JSON.stringify({ kind: 'monthly-notice', period: '2026-11' }) });
  if (created.status !== 201) { console.log(`\nrender in flight: could not draft a notice (${created.status} ${await created.text()})`); return; }
  const doc = await created.json();
  const list = () => hammer(async () => (await openScreen(server.base, { ...office, n: 0 }, 'office: plan tasks')).ok, { concurrency: 4, seconds: 10 });
  const quiet = await list();
  let rendering = true;
  let renders = 0;
  const loop = (async () => { while (rendering) { const r = await fetch(`${server.base}/api/documents/${doc.id}/docx`, { headers: { cookie: office.cookie } }); await r.arrayBuffer(); renders++; } })();
  const busy = await list();
  rendering = false;
  await loop;
  // The draft goes again: each run would otherwise leave one more document in the data set.
  await fetch(`${server.base}/api/documents/${doc.id}`, { method: 'DELETE', headers: { cookie: office.cookie, origin: server.base } });
  console.log(`\ntask list, 4 clients, 10 s, without / with a DOCX download loop (${renders} renders); load average ${loadavg()}`);
  console.log(`  quiet:     ${f(quiet.perSecond)}/s p95 ${f(quiet.p95)} ms`);
  console.log(`  rendering: ${f(busy.perSecond)}/s p95 ${f(busy.p95)} ms   → p95 ${busy.p95 >= quiet.p95 ? '+' : ''}${f((busy.p95 / quiet.p95 - 1) * 100)}%`);
}

await ensureData();
const db = new pg.Client({ connectionString: url });
await db.connect();
const year = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
const users = await prepareUsers(db, { users: USERS, year });
console.log(`${users.length} users: ${['office', 'leader', 'unit'].map((r) => `${users.filter((u) => u.role === r).length} ${r}`).join(', ')}`);
// The daily job first, as at 08:00: it stores the lights the board and 我的任务 read.
if (!SKIP.has('daily')) {
  const d = spawnSync(process.execPath, ['--import', 'tsx', 'bench/province/daily.ts', url], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } });
  const line = d.stdout.trim().split('\n').at(-1);
  try { const j = JSON.parse(line); console.log(`daily job: ${f(j.ms)} ms for ${j.plans} live plans (${j.deliveries} deliveries); load average ${loadavg()}`); } catch { console.log(`daily job failed: ${d.stderr.slice(-500)}`); }
}
const statements = SKIP.has('explain') ? (SKIP.has('bare') ? {} : await explainPass(db, users, { screens: ['office: task list'], explain: false })) : await explainPass(db, users);
let errors = 0;
if (!SKIP.has('load')) {
  for (const n of INSTANCES) {
    const servers = [];
    try {
      for (let i = 0; i < n; i++) servers.push(await startServer({ url, port: PORT + 1 + i }));
      // A short warm-up per instance: JIT and the pool, not measured.
      for (const s of servers) await Promise.all(users.slice(0, 20).map((u) => openScreen(s.base, u, Object.keys(SCREENS).find((k) => k.startsWith(u.role)))));
      if (WARMUP > 0) {
        const w = await runLoad(servers.map((s) => s.base), users, { seconds: WARMUP, thinkMs: THINK, seed: 7 });
        console.log(`\n(warm-up, not counted: ${WARMUP} s, p95 by 10 s window ${w.windows.map((x) => f(percentile(x, 95))).join(' · ')} ms)`);
      }
      const before = loadavg();
      const stops = servers.map((s) => watch(s.child.pid));
      const r = await runLoad(servers.map((s) => s.base), users, { seconds: DURATION, thinkMs: THINK });
      errors += printLoad(r, stops.map((stop) => stop()), before, loadavg());
      // Requests the clients gave up on (30 s) may still be running: wait until the servers are idle again.
      for (const s of servers) await drain(s, users);
    } finally {
      for (const s of servers) await s.stop();
    }
  }
}
const server = await startServer({ url, port: PORT });
try {
  await Promise.all(users.slice(0, 20).map((u) => openScreen(server.base, u, Object.keys(SCREENS).find((s) => s.startsWith(u.role)))));
  if (!SKIP.has('bare')) await bareVsEndpoint(server, users, statements);
  if (!SKIP.has('render')) await renderInFlight(server, users);
  if (errors) process.exitCode = 1;
} finally {
  await server.stop();
}
await db.end();
