import { parsePeriod } from '../../../src/domain/supervision/periods.ts';
import type { TaskQuery } from '../api/tasks.ts';

export const PAGE_SIZES = [10, 20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function month(value: string | null): string | undefined {
  return value && parsePeriod(value)?.kind === 'month' ? value : undefined;
}

/** Reads the task filters from the URL; anything malformed is ignored rather than sent on. */
export function parseTaskQuery(params: URLSearchParams): TaskQuery {
  const role = params.get('role');
  const pageSize = positiveInt(params.get('pageSize'));
  return {
    plan: positiveInt(params.get('plan')),
    indicator: positiveInt(params.get('indicator')),
    subIndicator: text(params.get('subIndicator')),
    unit: positiveInt(params.get('unit')),
    role: role === 'lead' || role === 'responsible' ? role : undefined,
    deadlineFrom: month(params.get('deadlineFrom')),
    deadlineTo: month(params.get('deadlineTo')),
    q: text(params.get('q')),
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export type TaskFilterPatch = Partial<Omit<TaskQuery, 'page' | 'pageSize'>>;

/** Writes filter changes into `params`; any filter change goes back to page 1. */
export function applyFilterPatch(params: URLSearchParams, patch: TaskFilterPatch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  next.delete('page');
  return next;
}

/** True when any filter (not paging) is set. */
export function hasFilters(query: TaskQuery): boolean {
  const { page: _page, pageSize: _size, ...filters } = query;
  return Object.values(filters).some((v) => v !== undefined);
}
