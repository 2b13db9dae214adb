/**
 * Backup and restore round trips (issue 14): a restore onto a fresh database gives back every row
 * of every table — plans, reports, attachments (bytes included), documents, audit — compared row
 * by row; on PGlite through the running server's /api/admin/backup, on PostgreSQL through pg_dump.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database, type Db } from '../db/client.ts';
import { backupKindOf, backupPglite, backupPostgres, restorePglite, restorePostgres } from '../db/backup.ts';
import { plans, tasks } from '../db/schema.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import type { App } from './context.ts';
import { dropDatabase, pgliteDemo, postgresDemo } from './testing/demo-template.ts';
import { signIn } from './testing/test-app.ts';

const clock = { now: new Date('2023-07-03T09:00:00+08:00') };

async function appOn(database: Database): Promise<App> {
  const app = await buildApp({ db: database.db, config: loadConfig({ DATA_DIR: 'memory://' }), now: () => clock.now, webRoot: '/nonexistent', backup: database.dump });
  await app.ready();
  return app;
}

/** A report with an evidence file and a generated document on top of the demo data. */
async function addWork(app: App, db: Db): Promise<void> {
  const unit = await signIn(app, 'unit-scjg');
  const office = await signIn(app, 'office-shaoyang');
  const planId = (await db.select().from(plans).where(eq(plans.year, 2023)))[0]!.id;
  const task = (await db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.seq, 1))))[0]!;
  const draft = await app.inject({ method: 'POST', url: `/api/tasks/${task.id}/reports`, headers: { cookie: unit }, payload: { period: '2023-06', status: 'in_progress', percent: 50, workDone: '推进中' } });
  expect(draft.statusCode).toBe(201);
  const evidence = Buffer.concat([Buffer.from('%PDF-1.4 '), randomBytes(4096)]);
  const upload = await app.inject({ method: 'POST', url: `/api/reports/${draft.json<{ id: number }>().id}/attachments?fileName=${encodeURIComponent('验收报告.pdf')}`, payload: evidence, headers: { cookie: unit, 'content-type': 'application/octet-stream' } });
  expect(upload.statusCode).toBe(201);
  const doc = await app.inject({ method: 'POST', url: `/api/plans/${planId}/documents`, headers: { cookie: office }, payload: { kind: 'monthly-notice', period: '2023-06' } });
  expect(doc.statusCode).toBe(201);
}

/** Every row of every table of the public and drizzle schemas, as sorted JSON per table. */
async function snapshot(db: Db): Promise<Record<string, string[]>> {
  // Both drivers answer execute() with { rows }.
  const rowsOf = async <T>(query: ReturnType<typeof sql.raw>): Promise<T[]> => {
    const result: unknown = await db.execute(query);
    return (result as { rows: T[] }).rows;
  };
  const tables = await rowsOf<{ s: string; t: string }>(sql`select table_schema as s, table_name as t from information_schema.tables
    where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`);
  const out: Record<string, string[]> = {};
  for (const { s, t } of tables) {
    const rows = await rowsOf<{ j: string }>(sql.raw(`select row_to_json(x)::text as j from "${s}"."${t}" x order by 1`));
    out[`${s}.${t}`] = rows.map((r) => r.j);
  }
  return out;
}

function expectSameRows(restored: Record<string, string[]>, original: Record<string, string[]>): void {
  expect(Object.keys(restored)).toEqual(Object.keys(original));
  for (const table of ['public.plans', 'public.progress_reports', 'public.report_attachments', 'public.documents', 'public.audit_log']) {
    expect(original[table]?.length ?? 0, `rows in ${table}`).toBeGreaterThan(0);
  }
  for (const table of Object.keys(original)) expect(restored[table], table).toEqual(original[table]);
}

describe('backup and restore on PGlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ys-backup-'));
  let source: Database;
  let app: App;
  beforeAll(async () => {
    const demo = await pgliteDemo();
    const blob = await demo.dump!();
    await demo.close();
    source = await openDatabase({ dataDir: join(dir, 'source'), loadDataDir: blob });
    app = await appOn(source);
    await addWork(app, source.db);
  });
  afterAll(async () => {
    await app.close();
    await source.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a backup of the running database to the province office only, and restores it row for row', { timeout: 180_000 }, async () => {
    expect((await app.inject({ method: 'GET', url: '/api/admin/backup', headers: { cookie: await signIn(app, 'office-shaoyang') } })).statusCode).toBe(403);
    const res = await app.inject({ method: 'GET', url: '/api/admin/backup', headers: { cookie: await signIn(app, 'office-hunan') } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''yingshang-backup-20230703-0900\.tgz$/);
    const file = join(dir, 'served.tgz');
    writeFileSync(file, res.rawPayload);
    const original = await snapshot(source.db);
    expect(original['public.audit_log']!.some((j) => j.includes('"action":"database.backup"'))).toBe(true);

    expect(await backupKindOf(file)).toBe('pglite');
    await restorePglite(join(dir, 'restored'), file);
    const restored = await openDatabase({ dataDir: join(dir, 'restored') });
    try {
      expectSameRows(await snapshot(restored.db), original);
    } finally {
      await restored.close();
    }
    await expect(restorePglite(join(dir, 'restored'), file)).rejects.toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' });
  });

  it('backs up a data directory no server holds (the CLI path) and restores it', { timeout: 180_000 }, async () => {
    await app.close();
    await source.close();
    const file = join(dir, 'offline.tgz');
    await backupPglite(join(dir, 'source'), file);
    await restorePglite(join(dir, 'offline'), file);
    const [a, b] = [await openDatabase({ dataDir: join(dir, 'source') }), await openDatabase({ dataDir: join(dir, 'offline') })];
    try {
      expectSameRows(await snapshot(b.db), await snapshot(a.db));
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('backup and restore on PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ys-backup-pg-'));
  const restoredName = `ys_test_restore_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const urlOf = (name: string) => { const u = new URL(process.env.DATABASE_URL as string); u.pathname = `/${name}`; return u.toString(); };
  let source: { database: Database; name: string };
  beforeAll(async () => {
    source = await postgresDemo();
    const app = await appOn(source.database);
    await addWork(app, source.database.db);
    await app.close();
  });
  afterAll(async () => {
    await source.database.close();
    await dropDatabase(source.name);
    await dropDatabase(restoredName);
    rmSync(dir, { recursive: true, force: true });
  });

  it('dumps with pg_dump and restores into an empty database row for row, refusing a non-empty one', async () => {
    const file = join(dir, 'pg.dump');
    await backupPostgres(urlOf(source.name), file);
    expect(await backupKindOf(file)).toBe('postgres');
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${restoredName}`);
    await admin.end();
    await restorePostgres(urlOf(restoredName), file);
    const restored = await openDatabase({ url: urlOf(restoredName) });
    try {
      expectSameRows(await snapshot(restored.db), await snapshot(source.database.db));
    } finally {
      await restored.close();
    }
    await expect(restorePostgres(urlOf(restoredName), file)).rejects.toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' });
  });
});
