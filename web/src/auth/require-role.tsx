import type { ReactNode } from 'react';
import type { Role } from '../api/types.ts';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { useMe } from './auth-context.ts';

/** Screens for some roles only: everyone else gets the 404 screen, as the API answers them. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  if (!roles.includes(me.role)) return <NotFoundPage />;
  return <>{children}</>;
}
