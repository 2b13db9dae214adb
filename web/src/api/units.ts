import { request } from './client.ts';
import type { Items, Region, RegionLevel, Unit, UnitKind } from './types.ts';

export function fetchUnits(filter: { q?: string; region?: number }, signal?: AbortSignal): Promise<Items<Unit>> {
  return request<Items<Unit>>('/api/units', { query: filter, signal });
}

export function fetchRegions(signal?: AbortSignal): Promise<Items<Region>> {
  return request<Items<Region>>('/api/regions', { signal });
}

export interface AdminUnit { id: number; name: string; regionId: number; kind: UnitKind; aliases: string[]; memberIds: number[] }

export function createRegion(input: { name: string; level: RegionLevel; parentId: number }): Promise<Region> {
  return request<Region>('/api/regions', { method: 'POST', body: input });
}

export function renameRegion(id: number, name: string): Promise<Region> {
  return request<Region>(`/api/regions/${id}`, { method: 'PATCH', body: { name } });
}

export function createUnit(input: { name: string; regionId: number; kind?: UnitKind; aliases?: string[] }): Promise<AdminUnit> {
  return request<AdminUnit>('/api/units', { method: 'POST', body: input });
}

export function updateUnit(id: number, changes: { name?: string; kind?: UnitKind; aliases?: string[]; memberIds?: number[] }): Promise<AdminUnit> {
  return request<AdminUnit>(`/api/units/${id}`, { method: 'PATCH', body: changes });
}

/** Moves everything of `mergedUnitId` into unit `id` and deletes it; the server answers what moved. */
export function mergeUnits(id: number, mergedUnitId: number): Promise<{ unit: AdminUnit; mergedName: string; moved: Record<string, number> }> {
  return request(`/api/units/${id}/merge`, { method: 'POST', body: { mergedUnitId } });
}
