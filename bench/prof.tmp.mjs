import pg from 'pg';
import { spawn } from 'node:child_process';
import { prepareUsers } from './province/users.mjs';
import { hammer, openScreen } from './province/load.mjs';
const url = 'postgres://postgres@127.0.0.1:5432/ys_bench_province';
const db = new pg.Client({ connectionString: url }); await db.connect();
const users = await prepareUsers(db, { users: 20, year: 2026 });
const office = users.find((u) => u.role === 'office');
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prov-prof', 'bin/yingshang.mjs', 'serve'], { env: { ...process.env, DATABASE_URL: url, PORT: '3192', HOST: '127.0.0.1', LOG_LEVEL: 'warn', PG_POOL_MAX: '20', JOBS: 'off' }, stdio: ['ignore', 'ignore', 'inherit'] });
const base = 'http://127.0.0.1:3192';
for (;;) { try { if ((await fetch(`${base}/api/me`)).status === 401) break; } catch {} await new Promise((r) => setTimeout(r, 100)); }
const r = await hammer(async () => (await openScreen(base, { ...office, n: 0 }, 'office: task list')).ok, { concurrency: 8, seconds: 10 });
console.log(r);
await new Promise((res) => { child.once('exit', res); child.kill('SIGINT'); });
await db.end();
