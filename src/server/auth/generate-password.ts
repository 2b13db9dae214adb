/** Random initial passwords (first administrator, resets, bulk import), shown once and changed at first sign-in. */
import { randomInt } from 'node:crypto';

// No look-alikes (0/O, 1/l/I) so a password read off a screen or paper is typed right the first time.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#%+=';

function pick(chars: string): string {
  return chars[randomInt(chars.length)] as string;
}

/** A 16-character password with upper and lower case letters, digits and a symbol, from a CSPRNG. */
export function generatePassword(length = 16): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
