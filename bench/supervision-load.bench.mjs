#!/usr/bin/env node
// Reliability benchmark (issue 4): 500 simulated users — unit users filing progress reports, office
// users reviewing them — for DURATION seconds against a server on PostgreSQL. Every submission
// carries an idempotency key and some are retried, as a flaky network would. Midway the server is
// killed with SIGKILL and restarted; clients retry what was in flight. At the end the acknowledged
// reports are compared with what is stored: none lost, none duplicated, every submission audited.
// Run: node bench/supervision-load.bench.mjs   (DURATION=120 USERS=500 by default)
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const DURATION = Number(process.env.DURATION ?? 120) * 1000;
const USERS = Number(process.env.USERS ?? 500);
const PORT = 41000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const admin = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ys_load_${Date.now()}`;
const dbUrl = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let server;
async function startServer() {
  server = spawn('node', ['bin/yingshang.mjs', 'serve'], { env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(PORT), LOG_LEVEL: 'warn', PG_POOL_MAX: '20', LOGIN_RATE_PER_IP: '100000', ALLOW_DEMO_ACCOUNTS: 'true' }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    try { if ((await fetch(`${BASE}/api/me`)).status === 401) return; } catch { /* starting */ }
    await sleep(100);
  }
}

const latencies = {};
// Latencies away from the SIGKILL (10 s either side), the server's ordinary behaviour under load.
const steady = {};
let killedAt = Infinity;
const nearRestart = (t) => Math.abs(t - killedAt) < 10_000;
const counts = { ok: 0, conflict: 0, errors: 0, networkDuringRestart: 0 };
let restarting = false;
async function call(kind, method, path, cookie, body) {
  for (let attempt = 0; ; attempt++) {
    const t0 = performance.now();
    try {
      const res = await fetch(`${BASE}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(15_000) });
      const json = res.status === 204 ? null : await res.json();
      (latencies[kind] ??= []).push(performance.now() - t0);
      if (!nearRestart(t0)) (steady[kind] ??= []).push(performance.now() - t0);
      if (res.status >= 500) { counts.errors++; console.error(kind, res.status, json); }
      return { status: res.status, json };
    } catch (e) {
      // Connection refused while the server restarts: retry the same request (same idempotency key).
      if (restarting || attempt < 50) { counts.networkDuringRestart++; await sleep(200); continue; }
      counts.errors++;
      throw e;
    }
  }
}

async function prepare() {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${dbName}`);
  await c.end();
  // A production start creates no demo data: load the demo's plans and accounts first (without
  // playing the demo year), as `yingshang demo` does.
  const demo = spawnSync(process.execPath, ['bin/yingshang.mjs', 'demo'], { env: { ...process.env, DATABASE_URL: dbUrl, DEMO_YEAR: 'off', LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`yingshang demo failed: ${demo.stderr || demo.stdout}`);
  await startServer();
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const { rows: [{ password_hash: hash }] } = await db.query(`select password_hash from users where login = 'office-shaoyang'`);
  const { rows: unitRows } = await db.query(`select distinct u.id, u.region_id from units u join task_units tu on tu.unit_id = u.id join tasks t on t.id = tu.task_id join plans p on p.id = t.plan_id where p.year in (2022, 2023) order by u.id`);
  const { rows: offices } = await db.query(`select id from regions where name in ('邵阳市', '永州市')`);
  const reviewers = Math.round(USERS / 5);
  const values = [];
  for (let i = 0; i < USERS - reviewers; i++) { const u = unitRows[i % unitRows.length]; values.push(`('load-unit-${i}', '负载单位${i}', '${hash}', 'unit', ${u.region_id}, ${u.id})`); }
  for (let i = 0; i < reviewers; i++) values.push(`('load-office-${i}', '负载优化办${i}', '${hash}', 'office', ${offices[i % offices.length].id}, null)`);
  await db.query(`insert into users (login, display_name, password_hash, role, region_id, unit_id) values ${values.join(',')}`);
  return db;
}

async function signIn(login) {
  const res = await fetch(`${BASE}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: 'Yingshang@2026' }) });
  if (res.status !== 200) throw new Error(`login ${login}: ${res.status}`);
  return res.headers.get('set-cookie').split(';')[0];
}

const acknowledged = new Map(); // idempotency key → report id
async function unitUser(login, until) {
  // Users arrive over the first 20 s, as a morning does, not all in the same millisecond.
  await sleep(Math.random() * 20_000);
  const cookie = await signIn(login);
  const mine = (await call('my-tasks', 'GET', '/api/my-tasks', cookie)).json.items;
  while (Date.now() < until) {
    const t = mine[Math.floor(Math.random() * mine.length)];
    if (!t) return;
    const key = randomUUID();
    const body = { period: t.period.key, status: 'in_progress', percent: Math.floor(Math.random() * 100), workDone: `负载测试进展 ${key}`, submit: true, idempotencyKey: key };
    const first = await call('submit', 'POST', `/api/tasks/${t.taskId}/reports`, cookie, body);
    if (first.status === 201 || first.status === 200) {
      acknowledged.set(key, first.json.id);
      counts.ok++;
      // One in five submissions is sent again, as a client that lost the answer would.
      if (Math.random() < 0.2) {
        const again = await call('submit', 'POST', `/api/tasks/${t.taskId}/reports`, cookie, body);
        if (again.json?.id !== first.json.id) { counts.errors++; console.error('retry returned another report', again.status, again.json); }
      }
    } else if (first.status === 409) counts.conflict++;
    else { counts.errors++; console.error('submit', first.status, first.json); }
    // An official files a report every few seconds at the very most.
    await sleep(2000 + Math.random() * 3000);
  }
}

async function reviewer(login, until) {
  await sleep(Math.random() * 20_000);
  const cookie = await signIn(login);
  while (Date.now() < until) {
    const queue = (await call('review-queue', 'GET', '/api/review-queue', cookie)).json.items ?? [];
    const r = queue[Math.floor(Math.random() * Math.min(queue.length, 20))];
    if (r) {
      const decision = Math.random() < 0.7 ? { decision: 'accept' } : { decision: 'return', comment: '请补充材料' };
      const res = await call('review', 'POST', `/api/reports/${r.id}/review`, cookie, decision);
      if (res.status === 200) counts.ok++;
      else if (res.status === 409 || res.status === 404) counts.conflict++; // another reviewer was faster
      else { counts.errors++; console.error('review', res.status, res.json); }
    }
    await sleep(2000 + Math.random() * 3000);
  }
}

function p(values, q) { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0; }

const db = await prepare();
console.log(`server on PostgreSQL ${dbName}; ${USERS} users for ${DURATION / 1000} s`);
const until = Date.now() + DURATION;
const reviewers = Math.round(USERS / 5);
const work = [];
for (let i = 0; i < USERS - reviewers; i++) work.push(unitUser(`load-unit-${i}`, until));
for (let i = 0; i < reviewers; i++) work.push(reviewer(`load-office-${i}`, until));
// Midway: SIGKILL, then restart on the same database.
setTimeout(async () => {
  restarting = true;
  console.log('SIGKILL the server…');
  killedAt = performance.now();
  server.kill('SIGKILL');
  await sleep(1000);
  await startServer();
  restarting = false;
  console.log('server restarted');
}, DURATION / 2);
await Promise.allSettled(work);

const { rows: [stored] } = await db.query(`select count(*)::int n, count(distinct idempotency_key)::int keys from progress_reports where idempotency_key is not null`);
const { rows: storedRows } = await db.query(`select id, idempotency_key from progress_reports where idempotency_key is not null`);
const storedByKey = new Map(storedRows.map((r) => [r.idempotency_key, r.id]));
let lost = 0;
let mismatched = 0;
for (const [key, id] of acknowledged) { if (!storedByKey.has(key)) lost++; else if (storedByKey.get(key) !== id) mismatched++; }
const { rows: [unaudited] } = await db.query(`select count(*)::int n from progress_reports r where r.state <> 'draft' and not exists (select 1 from audit_log a where a.action = 'report.submit' and (a.details->>'reportId')::int = r.id)`);
const { rows: [dupDeliveries] } = await db.query(`select count(*)::int n from (select key from deliveries group by key having count(*) > 1) d`);
const { rows: schedules } = await db.query(`select name from pgboss.schedule`).catch(() => ({ rows: [] }));
console.log('\nResults');
console.log(`  acknowledged submissions: ${acknowledged.size}; stored with keys: ${stored.n} (distinct keys ${stored.keys})`);
console.log(`  lost: ${lost}; acknowledged id ≠ stored id: ${mismatched}; duplicated keys: ${stored.n - stored.keys}`);
console.log(`  submitted reports without their audit row: ${unaudited.n}; duplicated deliveries: ${dupDeliveries.n}; schedules after restart: ${schedules.map((s) => s.name).join(', ') || 'none'}`);
console.log(`  successful actions: ${counts.ok}; business conflicts (409, already reviewed): ${counts.conflict}; errors: ${counts.errors}; retries while restarting: ${counts.networkDuringRestart}`);
for (const [k, v] of Object.entries(latencies)) {
  const st = steady[k] ?? [];
  console.log(`  ${k.padEnd(13)} n=${String(v.length).padStart(6)}  median ${p(v, 0.5).toFixed(1)} ms  p95 ${p(v, 0.95).toFixed(1)} ms   away from the restart: p95 ${p(st, 0.95).toFixed(1)} ms`);
}
server.kill('SIGTERM');
await db.end();
await sleep(1000);
const c = new pg.Client({ connectionString: admin });
await c.connect();
await c.query(`drop database if exists ${dbName} with (force)`);
await c.end();
process.exit(counts.errors === 0 && lost === 0 && mismatched === 0 && stored.n === stored.keys && unaudited.n === 0 ? 0 : 1);
