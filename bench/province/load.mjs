// Closed-loop load: each user opens a screen of its role, waits a think time (exponential, mean
// THINK), and opens the next, for a bounded time; latencies per screen.
import http from 'node:http';
import { pick, SCREENS } from './screens.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// Requests through node:http with keep-alive, not fetch: the clients share the machine with the
// server, and fetch (undici) spends several times the CPU per request that http.request does —
// real users' browsers are not on the server's cores.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function get(url, cookie) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers: { cookie }, timeout: 30_000 }, (res) => {
      let bytes = 0;
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => resolve({ ok: res.statusCode === 200, status: res.statusCode, bytes }));
      res.on('error', (e) => resolve({ ok: false, status: String(e.code ?? e.name), bytes }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ ok: false, status: String(e.code ?? e.message), bytes: 0 }));
  });
}

export async function openScreen(base, user, name) {
  const paths = SCREENS[name](user);
  const t0 = performance.now();
  const results = await Promise.all(paths.map(async (path) => ({ ...(await get(`${base}${path}`, user.cookie)), path })));
  return { ms: performance.now() - t0, ok: results.every((r) => r.ok), results };
}

/**
 * Runs the users for `seconds`; returns per-screen latencies, counts and errors. `base` is one
 * server or several (instances behind one PostgreSQL): users are spread over them as a load
 * balancer with sticky sessions would.
 */
export async function runLoad(base, users, { seconds, thinkMs, seed = 1 }) {
  const bases = Array.isArray(base) ? base : [base];
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const stats = {};
  const errors = [];
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  let requests = 0;
  const windows = []; // latencies by the 10 s window the screen was opened in: tails bunched in time or spread
  await Promise.all(users.map(async (u, i) => {
    const server = bases[i % bases.length];
    await sleep(rand() * Math.min(thinkMs, seconds * 500)); // users arrive spread over the first think time
    while (performance.now() < end) {
      const name = pick(u.role, rand());
      const started = performance.now() - t0;
      const r = await openScreen(server, u, name);
      requests += r.results.length;
      (windows[Math.floor(started / 10_000)] ??= []).push(r.ms);
      (stats[name] ??= { ms: [], errors: 0 }).ms.push(r.ms);
      if (!r.ok) { stats[name].errors++; if (errors.length < 10) errors.push(r.results.filter((x) => !x.ok).map((x) => `${x.status} ${x.path}`).join('; ')); }
      // The last think time ends with the run: a user thinking past the end would stretch the
      // window the throughput and CPU figures are divided by.
      await sleep(Math.min(-Math.log(1 - rand()) * thinkMs, Math.max(0, end - performance.now())));
    }
  }));
  return { stats, errors, requests, seconds: (performance.now() - t0) / 1000, windows: windows.map((w) => w.sort((a, b) => a - b)) };
}

/** Fixed concurrency, no think time: throughput and latencies of one screen for `seconds`. */
export async function hammer(fn, { concurrency, seconds }) {
  const end = performance.now() + seconds * 1000;
  const ms = [];
  let failures = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t = performance.now();
      if (!(await fn())) failures++;
      ms.push(performance.now() - t);
    }
  }));
  ms.sort((a, b) => a - b);
  return { perSecond: ms.length / seconds, p50: percentile(ms, 50), p95: percentile(ms, 95), failures, n: ms.length };
}
