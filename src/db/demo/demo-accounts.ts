/**
 * Which accounts are demo accounts: the fixed demo logins (their password is printed in the
 * README) and the accounts the demo year creates for the units it plays (login `demo-…`).
 * A production start refuses to serve while any of them exists.
 */
import { count, inArray, like, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema.ts';
import { DEMO_USERS } from './demo-data.ts';

/** Prefix of the accounts the demo year creates for the units it acts as. */
export const DEMO_LOGIN_PREFIX = 'demo-';

/** Logins of the demo accounts present in the database (empty when there are none). */
export async function demoAccounts(db: Db): Promise<string[]> {
  const rows = await db.select({ login: users.login }).from(users)
    .where(or(inArray(users.login, DEMO_USERS.map((u) => u.login)), like(users.login, `${DEMO_LOGIN_PREFIX}%`)));
  return rows.map((r) => r.login).sort();
}

/** How many accounts exist at all (a production start on zero tells how to create the first). */
export async function userCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
