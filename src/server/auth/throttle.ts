/**
 * Login throttling: progressive delays instead of a lock a stranger can trigger.
 *
 * Three counters of failed sign-ins, each with its own budget of free failures after which every
 * further attempt must wait base × 2^(extra failures) since the last failure, capped:
 * - the pair (login, address): the guesser at one address, whoever it is;
 * - the address: one address trying many logins (password spraying);
 * - the account across addresses: a guesser spreading over many addresses.
 * A pair that has signed in successfully before ("known address") is exempt from the address and
 * account counters, so an attacker hammering an account elsewhere never keeps its owner out.
 *
 * An attempt is reserved (recorded as a failure) under advisory locks on its login and address
 * before the password is checked, so parallel guesses cannot all pass the same check.
 */
import { and, count, desc, eq, gt, lt, max, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { loginAttempts } from '../../db/schema.ts';

export interface ThrottlePolicy {
  /** Failures of one login from one address before delays begin. */
  pairFreeFailures: number;
  /** Failures from one address (any login) before delays begin. */
  addressFreeFailures: number;
  /** Failures of one login from unknown addresses before delays begin. */
  accountFreeFailures: number;
  /** Longest delay between attempts, in ms. */
  maxDelayMs: number;
}

/** First delay once the free failures are spent; doubles with each further failure. */
export const BASE_DELAY_MS = 1_000;
/** Failures older than this no longer count (and are pruned). */
export const FAILURE_WINDOW_MS = 24 * 3_600_000;
/** Successful sign-ins are kept this long: they make an address "known" for its login. */
export const SUCCESS_RETENTION_MS = 30 * 24 * 3_600_000;

/** Delay required after the last failure, given the number of failures counted and the budget. */
export function requiredDelayMs(failures: number, freeFailures: number, maxDelayMs: number): number {
  if (failures < freeFailures) return 0;
  const doublings = Math.min(failures - freeFailures, 40);
  return Math.min(maxDelayMs, BASE_DELAY_MS * 2 ** doublings);
}

interface Counter { failures: number; last: Date | null }

async function counter(tx: Tx, where: ReturnType<typeof and>): Promise<Counter> {
  const [row] = await tx.select({ n: count(), last: max(loginAttempts.at) }).from(loginAttempts).where(where);
  return { failures: row?.n ?? 0, last: row?.last ?? null };
}

/** Id of the latest successful sign-in of a login (from one address), or 0: later ids count. */
async function lastSuccess(tx: Tx, login: string, ip?: string): Promise<number> {
  const [row] = await tx.select({ id: loginAttempts.id }).from(loginAttempts)
    .where(and(eq(loginAttempts.login, login), eq(loginAttempts.succeeded, true), ip === undefined ? undefined : eq(loginAttempts.ip, ip)))
    .orderBy(desc(loginAttempts.id)).limit(1);
  return row?.id ?? 0;
}

export type Reservation = { attemptId: number } | { retryAfterMs: number; scope: 'account' | 'address' };

/**
 * Decides whether an attempt may check a password now; if so records it as a failure (turned into
 * a success by `markSucceeded`). Runs in its own transaction under advisory locks.
 */
export async function reserveAttempt(db: Db, login: string, ip: string, policy: ThrottlePolicy, now: Date): Promise<Reservation> {
  return db.transaction(async (tx) => {
    // Always login first, then address: one order for every caller, so no deadlock.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login:${login}`}, 0))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`ip:${ip}`}, 0))`);
    const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
    const failed = and(eq(loginAttempts.succeeded, false), eq(loginAttempts.login, login));
    const pairSuccess = await lastSuccess(tx, login, ip);
    const waits: Array<{ scope: 'account' | 'address'; until: number }> = [];
    const recent = gt(loginAttempts.at, windowStart);
    const pair = await counter(tx, and(failed, recent, eq(loginAttempts.ip, ip), gt(loginAttempts.id, pairSuccess)));
    if (pair.last) waits.push({ scope: 'account', until: pair.last.getTime() + requiredDelayMs(pair.failures, policy.pairFreeFailures, policy.maxDelayMs) });
    if (pairSuccess === 0) {
      const address = await counter(tx, and(eq(loginAttempts.succeeded, false), recent, eq(loginAttempts.ip, ip)));
      if (address.last) waits.push({ scope: 'address', until: address.last.getTime() + requiredDelayMs(address.failures, policy.addressFreeFailures, policy.maxDelayMs) });
      const account = await counter(tx, and(failed, recent, gt(loginAttempts.id, await lastSuccess(tx, login))));
      if (account.last) waits.push({ scope: 'account', until: account.last.getTime() + requiredDelayMs(account.failures, policy.accountFreeFailures, policy.maxDelayMs) });
    }
    const blocking = waits.filter((w) => w.until > now.getTime()).sort((a, b) => b.until - a.until)[0];
    if (blocking) return { retryAfterMs: blocking.until - now.getTime(), scope: blocking.scope };
    const [row] = await tx.insert(loginAttempts).values({ ip, login, succeeded: false, at: now }).returning({ id: loginAttempts.id });
    if (!row) throw new Error('login attempt not recorded');
    // Pruning on write keeps the table bounded without a job: every hundredth attempt sweeps.
    if (row.id % 100 === 0) await pruneLoginAttempts(tx, now);
    return { attemptId: row.id };
  });
}

/** Turns a reserved attempt into a success (the pair becomes a known address). */
export async function markSucceeded(tx: Tx, attemptId: number): Promise<void> {
  await tx.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}

/** Deletes failures older than the window and successes older than their retention. */
export async function pruneLoginAttempts(db: Db | Tx, now = new Date()): Promise<void> {
  await db.delete(loginAttempts).where(or(
    lt(loginAttempts.at, new Date(now.getTime() - SUCCESS_RETENTION_MS)),
    and(eq(loginAttempts.succeeded, false), lt(loginAttempts.at, new Date(now.getTime() - FAILURE_WINDOW_MS))),
  ));
}

/** Forgets the failed sign-ins of a login (an administrator's "unlock"). */
export async function clearLoginFailures(db: Db | Tx, login: string): Promise<void> {
  await db.delete(loginAttempts).where(and(eq(loginAttempts.login, login), eq(loginAttempts.succeeded, false)));
}
