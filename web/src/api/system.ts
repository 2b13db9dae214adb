import { call } from './client.ts';
import type { Ok } from './contract.ts';

/** GET /api/system: whether the server runs the demo, and its (possibly simulated) date. */
export type SystemInfo = Ok<'/api/system', 'get'>;

export function fetchSystem(signal?: AbortSignal): Promise<SystemInfo> {
  return call('get', '/api/system', { signal, redirectOn401: false });
}
