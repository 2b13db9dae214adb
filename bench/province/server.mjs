// Starting and watching a server for the province benchmark: production start on the bench
// database, 127.0.0.1 only; RSS and CPU read from /proc.
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function startServer({ url, port, env = {} }) {
  // PROFILE=dir writes a V8 CPU profile of the server into dir when it stops (open it in Chrome's DevTools).
  const profile = process.env.PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, 'bin/yingshang.mjs', 'serve'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: process.env.SERVER_LOG ? 'debug' : 'warn', PG_POOL_MAX: '20', JOBS: 'off', ...env },
    // SERVER_LOG=path keeps the server's JSON log (with LOG_LEVEL=debug: a line per request with its time).
    stdio: ['ignore', process.env.SERVER_LOG ? openSync(process.env.SERVER_LOG, 'a') : 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try { if ((await fetch(`${base}/api/me`)).status === 401) break; } catch { /* starting */ }
    if (i > 600) throw new Error('server did not start in 60 s');
    await sleep(100);
  }
  return { child, base, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}

const TICK = 100; // clock ticks per second on Linux

/** CPU seconds (user + system) and RSS in MiB of a process. */
export function processUsage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const cpu = (Number(stat[11]) + Number(stat[12])) / TICK;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  return { cpu, rss };
}

/** Samples a process every second until stopped; returns peak and mean RSS and CPU use. */
export function watch(pid) {
  const start = processUsage(pid);
  const t0 = performance.now();
  let peak = start.rss;
  const samples = [];
  const timer = setInterval(() => {
    try { const u = processUsage(pid); peak = Math.max(peak, u.rss); samples.push(u.rss); } catch { /* gone */ }
  }, 1000);
  return () => {
    clearInterval(timer);
    const end = processUsage(pid);
    const seconds = (performance.now() - t0) / 1000;
    return { peakRss: peak, meanRss: samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length), cpuSeconds: end.cpu - start.cpu, cpuShare: (end.cpu - start.cpu) / seconds };
  };
}
