import { call } from './client.ts';
import type { Body, Ok, Query } from './contract.ts';

export function fetchUnits(filter: Query<'/api/units', 'get'>, signal?: AbortSignal) {
  return call('get', '/api/units', { query: filter, signal });
}

export function fetchRegions(signal?: AbortSignal) {
  return call('get', '/api/regions', { signal });
}

export type AdminUnit = Ok<'/api/units', 'post'>;

export function createRegion(input: Body<'/api/regions', 'post'>) {
  return call('post', '/api/regions', { body: input });
}

export function renameRegion(id: number, name: string) {
  return call('patch', '/api/regions/{id}', { path: { id }, body: { name } });
}

export function createUnit(input: Body<'/api/units', 'post'>) {
  return call('post', '/api/units', { body: input });
}

export function updateUnit(id: number, changes: Body<'/api/units/{id}', 'patch'>) {
  return call('patch', '/api/units/{id}', { path: { id }, body: changes });
}

/** Moves everything of `mergedUnitId` into unit `id` and deletes it; the server answers what moved. */
export function mergeUnits(id: number, mergedUnitId: number) {
  return call('post', '/api/units/{id}/merge', { path: { id }, body: { mergedUnitId } });
}
