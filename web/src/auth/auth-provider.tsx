import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { setUnauthorizedHandler } from '../api/client.ts';
import { probeSession } from '../api/polish-api.ts';
import { signOut as apiSignOut } from '../api/session.ts';
import type { Me } from '../api/models.ts';
import type { AuthState } from './auth-context.ts';
import { AuthContext, loginUrl } from './auth-context.ts';

/** Checks the session once, and sends the user to login (remembering where they were) on any 401. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef('');
  here.current = location.pathname + location.search;

  useEffect(() => {
    const controller = new AbortController();
    probeSession(controller.signal).then(
      (probe) => setMe(probe.user ?? null),
      (e: unknown) => {
        if (!controller.signal.aborted) setMe(e instanceof DOMException ? undefined : null);
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setMe(null);
      if (!here.current.startsWith('/login')) void navigate(loginUrl(here.current), { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);

  const signedIn = useCallback((user: Me) => setMe(user), []);
  const signOut = useCallback(async () => {
    try {
      await apiSignOut();
    } finally {
      setMe(null);
      void navigate('/login', { replace: true });
    }
  }, [navigate]);

  const value = useMemo<AuthState>(() => ({ me, signedIn, signOut }), [me, signedIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
