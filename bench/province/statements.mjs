#!/usr/bin/env node
// The statements each screen of the province benchmark sends to PostgreSQL, counted (and printed
// for the screens whose name contains ARGV[2]): a server with the SQL trace preloaded, each screen
// opened once to warm and once traced. Run: node bench/province/statements.mjs ["unit: my"]
// (PROV_DB=ys_bench_province PORT=3199; the data set must exist: npm run bench -- province).
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { databaseUrl } from './generate.mjs';
import { openScreen } from './load.mjs';
import { SCREENS } from './screens.mjs';
import { startServer } from './server.mjs';
import { prepareUsers } from './users.mjs';

const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const url = databaseUrl(base, process.env.PROV_DB || 'prov_bench');
const db = new pg.Client({ connectionString: url });
await db.connect();
const year = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
const users = await prepareUsers(db, { users: 60, year });
const trace = join(tmpdir(), `prov-statements-${process.pid}.jsonl`);
const server = await startServer({ url, port: Number(process.env.PORT ?? 3199), env: { SQL_TRACE_FILE: trace, NODE_OPTIONS: '--import ./bench/province/sql-trace.mjs' } });
const only = process.argv[2];
try {
  for (const screen of Object.keys(SCREENS)) {
    const user = users.find((u) => u.role === screen.split(':')[0]);
    await openScreen(server.base, user, screen);
    writeFileSync(trace, '');
    const r = await openScreen(server.base, user, screen);
    const all = readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    console.log(`${screen.padEnd(24)} ${String(all.length).padStart(3)} statements ${r.ms.toFixed(1).padStart(7)} ms${r.ok ? '' : '  FAILED'}`);
    if (only && screen.includes(only)) for (const s of all) console.log('   ', s.text.replace(/\s+/g, ' ').slice(0, 230));
  }
} finally {
  await server.stop();
  await db.end();
}
