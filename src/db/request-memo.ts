/**
 * A per-request memo of read-only reference lookups (a plan's schedule and settings): one screen
 * asks for the same plan's settings from several use cases, and each statement costs a syscall
 * round trip under load. The server enters it for each GET request with its pool `Db`; a lookup is
 * memoised only when made on that very handle, so reads inside a transaction (which may just have
 * changed the row) always go to the database, and nothing outlives the request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Memo { db: object; values: Map<string, Promise<unknown>> }

const store = new AsyncLocalStorage<Memo>();

/** Runs `fn` with a fresh memo for lookups made on `db`. */
export function withRequestMemo<T>(db: object, fn: () => T): T {
  return store.run({ db, values: new Map() }, fn);
}

function memoFor(db: object): Memo | null {
  const memo = store.getStore();
  return memo && memo.db === db ? memo : null;
}

/** Whether lookups on `db` are memoised here (the request's pool, not a transaction). */
export function isMemoised(db: object): boolean {
  return memoFor(db) !== null;
}

/** `load()` once per request and key on the request's pool `db`; elsewhere simply `load()`. */
export function memoised<T>(db: object, key: string, load: () => Promise<T>): Promise<T> {
  const memo = memoFor(db);
  if (!memo) return load();
  const found = memo.values.get(key);
  if (found) return found as Promise<T>;
  const value = load();
  memo.values.set(key, value);
  // A failed lookup is not remembered: the next caller asks again.
  value.catch(() => memo.values.delete(key));
  return value;
}

/** Remembers a value already at hand (read along with something else) unless one is memoised. */
export function remember<T>(db: object, key: string, value: T): void {
  const memo = memoFor(db);
  if (memo && !memo.values.has(key)) memo.values.set(key, Promise.resolve(value));
}

/**
 * Keyed lookups of many ids at once: the ids not memoised yet are loaded in one call of
 * `loadMany`, then memoised one by one. Ids `loadMany` does not return are absent from the result.
 */
export async function memoisedMany<T>(db: object, prefix: string, ids: readonly number[], loadMany: (ids: number[]) => Promise<Map<number, T>>): Promise<Map<number, T>> {
  const unique = [...new Set(ids)];
  const memo = memoFor(db);
  if (!memo) return unique.length ? loadMany(unique) : new Map();
  const missing = unique.filter((id) => !memo.values.has(`${prefix}:${id}`));
  if (missing.length) {
    const batch = loadMany(missing);
    for (const id of missing) {
      const one = batch.then((m) => m.get(id));
      memo.values.set(`${prefix}:${id}`, one);
      one.catch(() => memo.values.delete(`${prefix}:${id}`));
    }
  }
  const out = new Map<number, T>();
  for (const id of unique) {
    const value = (await memo.values.get(`${prefix}:${id}`)) as T | undefined;
    if (value !== undefined) out.set(id, value);
  }
  return out;
}
