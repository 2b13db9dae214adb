/** Password hashing (argon2id) and the strength rule for new passwords. */
import { hash, verify } from '@node-rs/argon2';
import { appError } from '../errors.ts';

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

/** Throws PASSWORD_TOO_WEAK unless the password has ≥ 10 characters with letters and digits. */
export function assertStrongPassword(password: string): void {
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) throw appError('PASSWORD_TOO_WEAK');
}
