// API functions of the polish work (session probe, 我的任务 filters, import drafts). Types come from
// the generated OpenAPI types through contract.ts.
import { request } from './client.ts';
import type { Ok } from './contract.ts';

export type SessionProbe = Ok<'/api/session', 'get'>;

/** The session on load: `{signedIn: false}` without a session (200, no console error before sign-in). */
export function probeSession(signal?: AbortSignal): Promise<SessionProbe> {
  return request<SessionProbe>('/api/session', { signal, redirectOn401: false });
}
