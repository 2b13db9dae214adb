/**
 * Server-side sessions. The cookie carries 32 random bytes; the database stores only their
 * SHA-256, so a leaked database dump cannot be replayed as cookies.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { sessions } from '../../db/schema.ts';

export const SESSION_COOKIE = 'ys_session';

/** What the sessions table stores of a cookie token. */
export function sessionDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a session for a user and returns the token to put in the cookie. */
export async function createSession(tx: Tx, userId: number, ttlHours: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await tx.insert(sessions).values({ tokenHash: sessionDigest(token), userId, expiresAt });
  // Housekeeping on login keeps the table small without a separate job.
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  return { token, expiresAt };
}

/** Ends one session. */
export async function deleteSession(db: Db | Tx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionDigest(token)));
}

/** Ends every session of a user except (optionally) one, e.g. after a password change. */
export async function deleteOtherSessions(tx: Tx, userId: number, keepToken?: string): Promise<void> {
  // One statement: a user with many sessions (or one racing a new sign-in) leaves none behind.
  await tx.delete(sessions).where(keepToken ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, sessionDigest(keepToken))) : eq(sessions.userId, userId));
}
