import { useSyncExternalStore } from 'react';

// antd's `md` breakpoint: below it phones get a drawer menu and card lists instead of wide tables.
const QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** True on phone-sized screens; read synchronously so the first paint already has the right layout. */
export function useIsMobile(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches, () => false);
}
