import { request } from './client.ts';
import type { Stats } from './types.ts';

export function fetchStats(plan: number | undefined, signal?: AbortSignal): Promise<Stats> {
  return request<Stats>('/api/stats', { query: { plan }, signal });
}
