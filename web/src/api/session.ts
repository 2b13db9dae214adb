import { call } from './client.ts';
import type { Me } from './models.ts';

/** Signs in; the server sets the session cookie. */
export async function signIn(login: string, password: string): Promise<Me> {
  const res = await call('post', '/api/session', { body: { login, password }, redirectOn401: false });
  return res.user;
}

export function signOut(): Promise<void> {
  return call('delete', '/api/session', { redirectOn401: false });
}

/** The signed-in user; 401 AUTH_REQUIRED when there is no session. */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return call('get', '/api/me', { signal, redirectOn401: false });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return call('put', '/api/me/password', { body: { currentPassword, newPassword }, redirectOn401: false });
}
