import { fetchUnits } from '../api/units.ts';
import type { Unit } from '../api/models.ts';
import { useApi } from './use-api.ts';

// Units change rarely; one list per page load serves every filter on every page.
let cached: Promise<Unit[]> | null = null;

function loadUnits(): Promise<Unit[]> {
  cached ??= fetchUnits({}).then(
    (res) => res.items,
    (e: unknown) => {
      cached = null;
      throw e;
    },
  );
  return cached;
}

/** All units the user can pick in filters (empty until loaded). */
export function useUnits(): Unit[] {
  return useApi(() => loadUnits(), []).data ?? [];
}
