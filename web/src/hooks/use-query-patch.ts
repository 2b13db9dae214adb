import { useSearchParams } from 'react-router-dom';

export type QueryPatch = Record<string, string | undefined>;

/**
 * The URL query as the page's state: read it, and patch it (a key set to undefined is removed),
 * so filters, tabs and the chosen plan survive a reload and can be shared as a link.
 */
export function useQueryPatch(): [URLSearchParams, (patch: QueryPatch, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const patch = (changes: QueryPatch, options?: { replace?: boolean }) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined) next.delete(k);
        else next.set(k, v);
      }
      return next;
    }, options);
  return [params, patch];
}
