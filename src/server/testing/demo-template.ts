/**
 * Test support: a demo database prepared once per code version and copied for each test file.
 * Migrating and importing the three seed plans costs seconds; copying costs milliseconds — a
 * PGlite data-directory dump in the temp folder, or a PostgreSQL template database. The key is a
 * hash of everything the demo data depends on, so a change to the engine or schema rebuilds it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../../db/client.ts';
import { loadDemo } from '../../db/demo/load-demo.ts';
import { hashPassword } from '../auth/password.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
// src/evaluation and fixtures/methodology: the demo's 邵阳 plan holds seed 000's rule template.
const INPUTS = ['src/db', 'src/domain', 'src/ingest', 'src/evaluation', 'fixtures/seeds', 'fixtures/gold', 'fixtures/methodology'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === '__fixtures__' || e.name === 'testing' ? [] : files(p);
    return e.name.includes('.test.') ? [] : [p];
  });
}

let memoKey: string | undefined;
/** A short hash of the sources the demo database is built from. */
export function demoKey(): string {
  if (memoKey) return memoKey;
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap((d) => files(join(root, d))).sort()) h.update(relative(root, f)).update(readFileSync(f));
  return (memoKey = h.digest('hex').slice(0, 16));
}

async function buildDemo(database: Database): Promise<void> {
  await loadDemo(database.db, { reset: false, hashPassword });
}

/** A fresh in-memory PGlite with the demo data, from the cached dump (made on first use). */
export async function pgliteDemo(): Promise<Database> {
  const file = join(tmpdir(), `yingshang-demo-${demoKey()}.tgz`);
  if (!existsSync(file) || statSync(file).size === 0) {
    const seed = await openDatabase({ dataDir: 'memory://' });
    await buildDemo(seed);
    const blob = await seed.dump?.();
    await seed.close();
    if (!blob) throw new Error('PGlite dump unavailable');
    // Write then rename: a parallel test worker never reads a half-written dump.
    const partial = `${file}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
    renameSync(partial, file);
  }
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(file)]) });
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function urlFor(name: string): string {
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh PostgreSQL database with the demo data, copied from a template built on first use. */
export async function postgresDemo(): Promise<{ database: Database; name: string }> {
  const template = `ys_tpl_${demoKey()}`;
  const name = `ys_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (admin) => {
    // One worker builds the template; the others wait. CREATE DATABASE … TEMPLATE also needs the
    // template to have no other session, so copies are made under the same lock.
    await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
    try {
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (!rowCount) {
        const building = `${template}_build`;
        await admin.query(`drop database if exists ${building} with (force)`);
        await admin.query(`create database ${building}`);
        const seed = await openDatabase({ url: urlFor(building) });
        await buildDemo(seed);
        await seed.close();
        await admin.query(`alter database ${building} rename to ${template}`);
      }
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  return { database: await openDatabase({ url: urlFor(name) }), name };
}

/** Drops a test database made by postgresDemo or freshDatabase. */
export async function dropDatabase(name: string): Promise<void> {
  await withAdmin(async (admin) => {
    // Politely first: a session still closing gets a moment; forcing at once would cut connections
    // a closing pool still holds ("Connection terminated unexpectedly" in that process).
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        await admin.query(`drop database if exists ${name}`);
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== '55006') throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await admin.query(`drop database if exists ${name} with (force)`);
  });
}
