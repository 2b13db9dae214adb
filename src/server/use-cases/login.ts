/**
 * Signing in: progressive delays per login, address and account (see auth/throttle.ts), an
 * argon2id check, then a new session — all decided from the database so several servers agree.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { audit } from '../../db/audit.ts';
import { users } from '../../db/schema.ts';
import { verifyPassword } from '../auth/password.ts';
import { createSession } from '../auth/sessions.ts';
import { markSucceeded, pruneLoginAttempts, reserveAttempt, type ThrottlePolicy } from '../auth/throttle.ts';
import { appError } from '../../domain/errors.ts';

export interface LoginPolicy extends ThrottlePolicy { sessionTtlHours: number }
export interface LoginInput { login: string; password: string; ip: string }

// A fixed argon2id hash of a random string: unknown logins still pay for one verification, so the
// response time does not reveal which logins exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$5GRpIs5rjMbjPIKbpUSNpA$JkDc19H8z/vwrhfjK61IGSCZW9yP8fHQXtF1ER2uFoY';

/** Chinese wording of a wait: 秒 under two minutes, else 分钟 (rounded up). */
function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** Verifies credentials and opens a session; throws AUTH_INVALID_CREDENTIALS or AUTH_RATE_LIMITED. */
export async function login(db: Db, input: LoginInput, policy: LoginPolicy, now = new Date()): Promise<{ userId: number; token: string; expiresAt: Date }> {
  const reservation = await reserveAttempt(db, input.login, input.ip, policy, now);
  if ('retryAfterMs' in reservation) {
    const who = reservation.scope === 'address' ? '本地址' : '该账号';
    throw appError('AUTH_RATE_LIMITED', `${who}登录失败次数过多，请在 ${waitText(reservation.retryAfterMs)}后再试`, { retryAfterSeconds: Math.ceil(reservation.retryAfterMs / 1000) });
  }
  const [user] = await db.select().from(users).where(eq(users.login, input.login));
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  // The reserved attempt already counts as a failure; only a success has anything to write.
  if (!user || !ok) throw appError('AUTH_INVALID_CREDENTIALS');
  // Told only to someone who knows the password, so it does not reveal which accounts exist.
  if (user.disabledAt) throw appError('AUTH_DISABLED');
  return db.transaction(async (tx) => {
    await markSucceeded(tx, reservation.attemptId);
    await pruneLoginAttempts(tx, now);
    const session = await createSession(tx, user.id, policy.sessionTtlHours, now);
    await audit(tx, { actorUserId: user.id, action: 'session.create', entity: 'user', entityId: user.id, details: { ip: input.ip } });
    return { userId: user.id, ...session };
  });
}
