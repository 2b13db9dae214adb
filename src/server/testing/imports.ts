/** Test support for plan import: upload a file as the web app does, send JSON, count rows. */
import { readFileSync, readdirSync } from 'node:fs';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import type { App } from '../context.ts';

const seedsDir = new URL('../../../fixtures/seeds/', import.meta.url);

/** The bytes and file name of a seed document by its prefix ('000', '001', '002'). */
export function seedFile(prefix: string): { fileName: string; bytes: Buffer } {
  const fileName = readdirSync(seedsDir).find((f) => f.startsWith(`${prefix}_`));
  if (!fileName) throw new Error(`seed ${prefix} missing`);
  return { fileName, bytes: readFileSync(new URL(fileName, seedsDir)) };
}

/** POST /api/imports with the raw file as body, as a browser drag-and-drop upload sends it. */
export async function upload(app: App, cookie: string, fileName: string, bytes: Buffer | string, query = ''): Promise<{ status: number; body: unknown; json: <T>() => T }> {
  const res = await app.inject({
    method: 'POST', url: `/api/imports?fileName=${encodeURIComponent(fileName)}${query}`,
    headers: { cookie, 'content-type': 'application/octet-stream' }, payload: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
  });
  return { status: res.statusCode, body: res.body, json: <T>() => res.json<T>() };
}

/** A JSON request as a signed-in user. */
export async function send<T>(app: App, method: 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: unknown): Promise<{ status: number; body: T }> {
  const res = await app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  return { status: res.statusCode, body: (res.body === '' ? null : res.json<T>()) as T };
}

/** Row count of a table. */
export async function rows(db: Db, table: PgTable): Promise<number> {
  const [r] = await db.select({ n: count() }).from(table);
  return r?.n ?? 0;
}
