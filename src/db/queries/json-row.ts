/**
 * One row of a statement whose columns are JSON aggregates: a screen's several reads in one round
 * trip (each statement costs a syscall and a driver round on a busy server) and as a few JSON
 * values instead of thousands of rows mapped one by one.
 */
import type { SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rowsOf } from '../rows-of.ts';

/** The first row of `query` (undefined when none); every column must be a JSON array or object (or null). */
export async function jsonRow<T extends object>(db: Db, query: SQL): Promise<T | undefined> {
  const [row] = rowsOf<Record<string, unknown>>(await db.execute(query));
  if (!row) return undefined;
  // node-postgres parses json columns; a driver handing back text gets it parsed here.
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? JSON.parse(v) as unknown : v])) as T;
}
