/**
 * Signing in: per-address rate limit, per-account lockout after repeated failures, argon2id check,
 * then a new session — all decided from the database so several servers agree.
 */
import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { audit } from '../../db/audit.ts';
import { loginAttempts, users } from '../../db/schema.ts';
import { verifyPassword } from '../auth/password.ts';
import { createSession } from '../auth/sessions.ts';
import { appError } from '../errors.ts';

export interface LoginPolicy { maxFailures: number; lockMinutes: number; ratePerIp: number; sessionTtlHours: number }
export interface LoginInput { login: string; password: string; ip: string }

// A fixed argon2id hash of a random string: unknown logins still pay for one verification, so the
// response time does not reveal which logins exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$5GRpIs5rjMbjPIKbpUSNpA$JkDc19H8z/vwrhfjK61IGSCZW9yP8fHQXtF1ER2uFoY';
const RATE_WINDOW_MS = 15 * 60_000;

/** Verifies credentials and opens a session; throws AUTH_* errors. */
export async function login(db: Db, input: LoginInput, policy: LoginPolicy, now = new Date()): Promise<{ userId: number; token: string; expiresAt: Date }> {
  const since = new Date(now.getTime() - RATE_WINDOW_MS);
  const [recent] = await db.select({ n: count() }).from(loginAttempts)
    .where(and(eq(loginAttempts.ip, input.ip), gt(loginAttempts.at, since), eq(loginAttempts.succeeded, false)));
  if ((recent?.n ?? 0) >= policy.ratePerIp) throw appError('AUTH_RATE_LIMITED');

  const [user] = await db.select().from(users).where(eq(users.login, input.login));
  if (user?.lockedUntil && user.lockedUntil > now) {
    await db.insert(loginAttempts).values({ ip: input.ip, login: input.login, succeeded: false, at: now });
    throw appError('AUTH_LOCKED', undefined, { lockedUntil: user.lockedUntil.toISOString() });
  }
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  // Told only to someone who knows the password, so it does not reveal which accounts exist.
  if (ok && user?.disabledAt) throw appError('AUTH_DISABLED');

  return db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ ip: input.ip, login: input.login, succeeded: ok && !!user, at: now });
    if (!user || !ok) {
      if (user) {
        const failures = user.failedLogins + 1;
        const lock = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
        await tx.update(users).set({ failedLogins: lock ? 0 : failures, lockedUntil: lock }).where(eq(users.id, user.id));
        if (lock) await audit(tx, { actorUserId: null, action: 'user.locked', entity: 'user', entityId: user.id, details: { ip: input.ip, until: lock.toISOString() } });
      }
      // Committing the failure count is the point, so the error is thrown after the transaction.
      return null;
    }
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, policy.sessionTtlHours, now);
    await audit(tx, { actorUserId: user.id, action: 'session.create', entity: 'user', entityId: user.id, details: { ip: input.ip } });
    return { userId: user.id, ...session };
  }).then((result) => {
    if (!result) throw appError('AUTH_INVALID_CREDENTIALS');
    return result;
  });
}

/** Deletes login attempts older than a day (called opportunistically). */
export async function pruneLoginAttempts(db: Db, now = new Date()): Promise<void> {
  await db.delete(loginAttempts).where(sql`${loginAttempts.at} < ${new Date(now.getTime() - 86_400_000)}`);
}
