import { call } from './client.ts';

export function fetchStats(plan: number | undefined, signal?: AbortSignal) {
  return call('get', '/api/stats', { query: { plan }, signal });
}
