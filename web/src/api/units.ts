import { request } from './client.ts';
import type { Items, Region, Unit } from './types.ts';

export function fetchUnits(filter: { q?: string; region?: number }, signal?: AbortSignal): Promise<Items<Unit>> {
  return request<Items<Unit>>('/api/units', { query: filter, signal });
}

export function fetchRegions(signal?: AbortSignal): Promise<Items<Region>> {
  return request<Items<Region>>('/api/regions', { signal });
}
