import { createContext, useContext } from 'react';
import type { Me } from '../api/models.ts';

export interface AuthState {
  /** undefined while the session is being checked, null when signed out. */
  me: Me | null | undefined;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}

/** The login URL that brings the user back to `returnTo` afterwards. */
export function loginUrl(returnTo: string): string {
  return returnTo && returnTo !== '/' && !returnTo.startsWith('/login') ? `/login?next=${encodeURIComponent(returnTo)}` : '/login';
}
