/**
 * Test support: an app on a fresh database of each kind the suite runs on — PGlite always, and a
 * PostgreSQL server when DATABASE_URL is set (each test file gets its own database there).
 */
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../../db/client.ts';
import { indicators, tasks } from '../../db/schema.ts';
import { buildApp, type BuildOptions } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { App } from '../context.ts';
import { dropDatabase, pgliteDemo, postgresDemo } from './demo-template.ts';

export type DbKind = 'pglite' | 'postgres';

/** The database kinds this run covers. */
export function databaseKinds(): DbKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

async function adminQuery(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

/** Opens a fresh, migrated database of the given kind; `dispose` removes it. */
export async function freshDatabase(kind: DbKind): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, dispose: () => database.close() };
  }
  const name = `ys_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    dispose: async () => {
      await database.close();
      await dropDatabase(name);
    },
  };
}

export interface TestApp {
  app: App;
  database: Database;
  clock: { now: Date };
  close: () => Promise<void>;
}

/** A fresh database of the given kind holding the demo data (copied from a prepared template). */
export async function demoDatabase(kind: DbKind): Promise<{ database: Database; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await pgliteDemo();
    return { database, dispose: () => database.close() };
  }
  const { database, name } = await postgresDemo();
  return { database, dispose: async () => { await database.close(); await dropDatabase(name); } };
}

/** An app with the demo data on a fresh database; the clock can be moved by tests. */
export async function demoApp(kind: DbKind, env: Record<string, string> = {}, build: Pick<BuildOptions, 'parser' | 'diskProbe'> = {}): Promise<TestApp> {
  const { database, dispose } = await demoDatabase(kind);
  const clock = { now: new Date('2023-06-15T08:00:00+08:00') };
  const config = loadConfig({ DATA_DIR: 'memory://', ...env });
  const app = await buildApp({ db: database.db, config, now: () => clock.now, webRoot: '/nonexistent', ...build });
  await app.ready();
  return { app, database, clock, close: async () => { await app.close(); await dispose(); } };
}

/** Signs in and returns the Cookie header value for later requests. */
export async function signIn(app: App, login: string, password = 'Yingshang@2026'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${login} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ys_session');
  if (!cookie) throw new Error('no session cookie');
  return `ys_session=${cookie.value}`;
}

/** GET as a signed-in user, returning status and parsed JSON. */
export async function getJson<T = unknown>(app: App, url: string, cookie: string): Promise<{ status: number; body: T }> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, body: res.json<T>() };
}

/**
 * Counts in the database, for tests that must not hard-code the seed plans' figures: tasks and
 * indicators of one plan (or all tasks), counted with SQL independently of the API under test.
 */
export async function countInDatabase(database: Database, what: { tasksOfPlan?: number; indicatorsOfPlan?: number; allTasks?: true }): Promise<number> {
  const { db } = database;
  const [row] = what.tasksOfPlan !== undefined
    ? await db.select({ n: count() }).from(tasks).where(eq(tasks.planId, what.tasksOfPlan))
    : what.indicatorsOfPlan !== undefined
      ? await db.select({ n: count() }).from(indicators).where(eq(indicators.planId, what.indicatorsOfPlan))
      : await db.select({ n: count() }).from(tasks);
  return Number(row?.n ?? 0);
}
