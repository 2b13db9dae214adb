// One shared copy of GET /api/workbench for the page and the menu badges: loaded once, reloaded
// after any action that changes a 待办 (call `refreshWorkbench()`), never polled.
import { useEffect, useSyncExternalStore } from 'react';
import { fetchWorkbench, type Workbench } from '../../api/workbench-api.ts';

interface State { data: Workbench | undefined; error: unknown; loading: boolean; userId: number | null }

let state: State = { data: undefined, error: null, loading: false, userId: null };
let inFlight: Promise<void> | null = null;
let loadedAt = 0;
const listeners = new Set<() => void>();

function set(next: Partial<State>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

/** Loads the workbench again (after 签收, 催办, a report …). */
export function refreshWorkbench(): Promise<void> {
  if (inFlight) return inFlight;
  set({ loading: true });
  inFlight = fetchWorkbench()
    .then((data) => { loadedAt = Date.now(); set({ data, error: null, loading: false }); }, (error: unknown) => set({ error, loading: false }))
    .finally(() => { inFlight = null; });
  return inFlight;
}


/** Reloads when the copy is older than `ms` (moving between pages keeps the badges fresh enough). */
export function refreshIfStale(ms: number): void {
  if (state.data && Date.now() - loadedAt > ms) void refreshWorkbench();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in user's workbench (another user's copy is dropped); `reload` loads it again. */
export function useWorkbench(userId: number, enabled = true): State & { reload: () => Promise<void> } {
  const snapshot = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (!enabled) return;
    if (state.userId !== userId) set({ data: undefined, error: null, userId });
    if (!state.data && !state.loading) void refreshWorkbench();
  }, [enabled, userId]);
  return { ...snapshot, reload: refreshWorkbench };
}
