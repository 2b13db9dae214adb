/**
 * Version tokens for records edited whole by people (a document draft, an import draft): a hash of
 * the stored content, so no schema change is needed and two saves of the same content agree. The
 * client sends back the token it edited; a save against content that changed since is refused
 * (the second writer is told, instead of silently overwriting the first — lost update).
 */
import { createHash } from 'node:crypto';
import { appError } from '../../domain/errors.ts';

/** The token of stored content (as read back from the database). */
export function contentVersion(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 20);
}

/** Throws EDIT_CONFLICT when the client edited another version than the one stored. */
export function assertSameVersion(stored: unknown, expected: string | undefined, what: string): void {
  if (expected === undefined) return;
  if (contentVersion(stored) !== expected.replace(/^W\/|"/g, '')) {
    throw appError('EDIT_CONFLICT', `${what}已被他人修改（在您打开之后），为避免覆盖对方的修改，本次保存未生效。请刷新页面查看最新内容后再修改。`);
  }
}
