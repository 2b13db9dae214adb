/**
 * Named (prepared) statements for the hot queries on PostgreSQL. An unnamed statement is parsed
 * and planned by PostgreSQL on every execution; for the short queries of a screen (a task page, the
 * actor, a plan's lights) parsing and planning cost several times the execution itself (the actor's
 * statement: 0.54 ms to plan, 0.05 ms to run). Naming a statement by its text lets node-postgres
 * parse it once per connection and PostgreSQL reuse its plan.
 *
 * Bounded on both sides: a text is named only once it has been seen a few times (one-off
 * statements, and `in ($1 … $n)` lists of rare lengths, stay unnamed), and each connection keeps
 * at most MAX_PER_CONNECTION named statements (each holds a plan in that backend's memory).
 * Statements without parameters (DDL, migrations, transaction control) are never named.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

const SEEN_BEFORE_NAMING = 3;
const MAX_PER_CONNECTION = 200;
const MAX_TRACKED_TEXTS = 5_000;
const MAX_TEXT_LENGTH = 20_000;

type QueryConfig = { text: string; name?: string; values?: unknown[] } & Record<string, unknown>;

export function nameHotStatements(pool: pg.Pool): void {
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known) return known;
    const n = (seen.get(text) ?? 0) + 1;
    if (seen.size >= MAX_TRACKED_TEXTS) seen.clear();
    seen.set(text, n);
    if (n < SEEN_BEFORE_NAMING) return undefined;
    const name = `ys_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (names.size < MAX_TRACKED_TEXTS) names.set(text, name);
    return name;
  };
  pool.on('connect', (client) => {
    const named = new Set<string>();
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
      if (config && typeof config === 'object' && !('name' in config && (config as QueryConfig).name) && typeof (config as QueryConfig).text === 'string') {
        const c = config as QueryConfig;
        const params = Array.isArray(values) ? values : c.values;
        if (params && params.length > 0 && c.text.length <= MAX_TEXT_LENGTH) {
          const name = nameOf(c.text);
          if (name && (named.has(name) || named.size < MAX_PER_CONNECTION)) {
            named.add(name);
            return query({ ...c, name }, values, callback);
          }
        }
      }
      return query(config, values, callback);
    };
  });
}
