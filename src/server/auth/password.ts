/** Password hashing (argon2id) and the strength rule for new passwords. */
import { hash, verify } from '@node-rs/argon2';
import { passwordProblems } from '../../domain/password-policy.ts';
import { appError } from '../../domain/errors.ts';

// OWASP's argon2id baseline (19 MiB, 2 passes): a login costs ~30 ms on one core of this class.
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated-module builds cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/**
 * Throws PASSWORD_TOO_WEAK (saying every rule broken, in Chinese) unless the password meets the
 * policy of domain/password-policy.ts. Call it wherever a password is set, with the account's login.
 */
export function assertStrongPassword(password: string, login?: string): void {
  const problems = passwordProblems(password, login);
  if (problems.length > 0) throw appError('PASSWORD_TOO_WEAK', `${problems.join('；')}。`, { field: 'password', problems });
}
