import { ApiError, request } from './client.ts';
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
export async function importUsers(file: Blob): Promise<{ created: ImportedUser[] }> {
  let res: Response;
  try {
    res = await fetch('/api/users/import', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: generic message below
  }
  if (!res.ok) {
    const err = (body ?? {}) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message ?? (res.status === 413 ? '文件过大（不超过 5 MB）' : `导入失败（${res.status}）`), err.details);
  }
  return body as { created: ImportedUser[] };
}
