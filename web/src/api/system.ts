import { request } from './client.ts';

/** GET /api/system: whether the server runs the demo, and its (possibly simulated) date. */
export interface SystemInfo {
  mode: 'demo' | 'production';
  demo: { today: string; notice: string } | null;
  today: string;
}

export function fetchSystem(signal?: AbortSignal): Promise<SystemInfo> {
  return request<SystemInfo>('/api/system', { signal, redirectOn401: false });
}
