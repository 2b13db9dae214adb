import { ApiError, request, uploadFile } from './client.ts';
import type { Items, NewUser, UserChanges, UserRow } from './types.ts';

export function fetchUsers(signal?: AbortSignal): Promise<Items<UserRow>> {
  return request<Items<UserRow>>('/api/users', { signal });
}

export function createUser(input: NewUser): Promise<UserRow> {
  return request<UserRow>('/api/users', { method: 'POST', body: input });
}

export function updateUser(id: number, changes: UserChanges): Promise<UserRow> {
  return request<UserRow>(`/api/users/${id}`, { method: 'PATCH', body: changes });
}

export function setUserDisabled(id: number, disabled: boolean): Promise<UserRow> {
  return request<UserRow>(`/api/users/${id}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
}

export function unlockUser(id: number): Promise<UserRow> {
  return request<UserRow>(`/api/users/${id}/unlock`, { method: 'POST' });
}

/** The temporary password comes back once; the user must change it at the next sign-in. */
export function resetUserPassword(id: number): Promise<{ user: UserRow; temporaryPassword: string }> {
  return request<{ user: UserRow; temporaryPassword: string }>(`/api/users/${id}/reset-password`, { method: 'POST', body: {} });
}

export const USER_TEMPLATE_URL = '/api/users/import-template.xlsx';

export interface UserImportProblem { row: number; column: string; header: string; message: string }
export interface ImportedUser { login: string; displayName: string; role: string; temporaryPassword: string | null }

/** The rows named by a refused import (USER_IMPORT_INVALID), or [] for other errors. */
export function userImportProblems(e: unknown): UserImportProblem[] {
  if (!(e instanceof ApiError)) return [];
  const details = e.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? (details.problems as UserImportProblem[]) : [];
}

/** Sends the filled template as the raw body; the server writes all rows or none. */
export function importUsers(file: Blob): Promise<{ created: ImportedUser[] }> {
  return uploadFile<{ created: ImportedUser[] }>('/api/users/import', file);
}
