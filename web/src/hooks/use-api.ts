import type { DependencyList } from 'react';
import { useCallback, useEffect, useState } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` whenever `deps` change and cancels the previous call. The last data is kept while a
 * new call runs so tables show a spinner over old rows instead of flashing empty. Pass `null` to
 * skip loading (e.g. no id yet).
 */
export function useApi<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: DependencyList): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState<boolean>(load !== null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!load) {
      setLoading(false);
      return undefined;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // A deps-forwarding hook, like useEffect itself: `load` is a fresh closure each render and the
    // caller's deps say when it really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload };
}
