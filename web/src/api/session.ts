import { request } from './client.ts';
import type { Me } from './types.ts';

/** Signs in; the server sets the session cookie. */
export async function signIn(login: string, password: string): Promise<Me> {
  const res = await request<{ user: Me }>('/api/session', { method: 'POST', body: { login, password }, redirectOn401: false });
  return res.user;
}

export function signOut(): Promise<void> {
  return request<void>('/api/session', { method: 'DELETE', redirectOn401: false });
}

/** The signed-in user; 401 AUTH_REQUIRED when there is no session. */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return request<Me>('/api/me', { signal, redirectOn401: false });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('/api/me/password', { method: 'PUT', body: { currentPassword, newPassword }, redirectOn401: false });
}
