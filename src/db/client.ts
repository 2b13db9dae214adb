/**
 * Opens the database: PGlite (embedded, data in DATA_DIR) by default, a PostgreSQL server when a
 * connection URL is given. Both get the same committed migrations and the same Drizzle API.
 */
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as coreSchema from './schema.ts';
import * as supervisionSchema from './supervision-schema.ts';
import * as importSchema from './import-schema.ts';
import * as documentSchema from './document-schema.ts';
import * as assessmentSchema from './assessment-schema.ts';
import * as instructionSchema from './instruction-schema.ts';
import * as caseSchema from './case-schema.ts';
import { acquireDataDirLock } from './lock.ts';
import { nameHotStatements } from './statement-cache.ts';

const schema = { ...coreSchema, ...supervisionSchema, ...importSchema, ...assessmentSchema, ...documentSchema, ...instructionSchema, ...caseSchema };
export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; use cases take it explicitly so the caller owns the transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The minimal SQL surface the job queue (pg-boss) needs: `executeSql(text, values)`. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** For the job queue: on PostgreSQL its own pool by URL, on PGlite the shared in-process client. */
  jobs: { url: string } | { executor: SqlExecutor };
  /** PGlite only: the data directory as a gzipped tarball. */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when set, PGlite is not used. */
  url?: string;
  /** PGlite data directory, or 'memory://' for an in-memory database (tests). */
  dataDir?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** PGlite only: start from a dumped data directory (tests start from a prepared demo database). */
  loadDataDir?: Blob;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Several servers may start at once on one PostgreSQL: serialise migrations with an advisory lock.
const MIGRATION_LOCK_KEY = 7_240_513;

async function openPostgres(url: string, runMigrations: boolean): Promise<Database> {
  // Connections stay open while the server runs (pg closes an idle one after 10 s by default): a new
  // connection starts with a cold backend — catalog caches empty, every named statement parsed and
  // planned again — and under load the pool kept closing and reopening its least used connections.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10), idleTimeoutMillis: 0 });
  // An idle connection the server drops (restart, failover, a dropped database) emits 'error' on the
  // pool; unheard, that event would stop the process. The pool replaces the client on next use.
  pool.on('error', (e: Error) => { process.emitWarning(`PostgreSQL connection lost: ${e.message}`); });
  if (process.env.PG_NAMED_STATEMENTS !== 'off') nameHotStatements(pool);
  if (runMigrations) {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', jobs: { url }, close: () => pool.end() };
}

/**
 * pg-boss over PGlite: statements with parameters go through `query`; parameterless ones may hold
 * several statements (its migrations and maintenance), which only `exec` accepts.
 */
function pgliteExecutor(client: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

async function openPglite(dataDir: string, runMigrations: boolean, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => undefined : acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(inMemory ? undefined : dataDir, loadDataDir ? { loadDataDir } : undefined);
    const pdb = drizzlePglite(client, { schema });
    if (runMigrations) await migratePglite(pdb, { migrationsFolder });
    return {
      db: pdb as unknown as Db,
      kind: 'pglite',
      jobs: { executor: pgliteExecutor(client) },
      dump: () => client.dumpDataDir('gzip'),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Opens (and by default migrates) the configured database. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const runMigrations = options.migrate ?? true;
  if (options.url) return openPostgres(options.url, runMigrations);
  return openPglite(options.dataDir ?? './data', runMigrations, options.loadDataDir);
}
