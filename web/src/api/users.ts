import { ApiError, call, uploadFile } from './client.ts';
import type { Ok } from './contract.ts';
import type { NewUser, UserChanges } from './models.ts';

export function fetchUsers(signal?: AbortSignal) {
  return call('get', '/api/users', { signal });
}

export function createUser(input: NewUser) {
  return call('post', '/api/users', { body: input });
}

export function updateUser(id: number, changes: UserChanges) {
  return call('patch', '/api/users/{id}', { path: { id }, body: changes });
}

export function setUserDisabled(id: number, disabled: boolean) {
  return disabled ? call('post', '/api/users/{id}/disable', { path: { id } }) : call('post', '/api/users/{id}/enable', { path: { id } });
}

export function unlockUser(id: number) {
  return call('post', '/api/users/{id}/unlock', { path: { id } });
}

/** The temporary password comes back once; the user must change it at the next sign-in. */
export function resetUserPassword(id: number) {
  return call('post', '/api/users/{id}/reset-password', { path: { id }, body: {} });
}

export const USER_TEMPLATE_URL = '/api/users/import-template.xlsx';

export type ImportedUser = Ok<'/api/users/import', 'post'>['created'][number];
/** A row a refused import names (USER_IMPORT_INVALID: the error's details). */
export interface UserImportProblem { row: number; column: string; header: string; message: string }

/** The rows named by a refused import (USER_IMPORT_INVALID), or [] for other errors. */
export function userImportProblems(e: unknown): UserImportProblem[] {
  if (!(e instanceof ApiError)) return [];
  const details = e.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? (details.problems as UserImportProblem[]) : [];
}

/** Sends the filled template as the raw body; the server writes all rows or none. */
export function importUsers(file: Blob): Promise<Ok<'/api/users/import', 'post'>> {
  return uploadFile('/api/users/import', file);
}
