import type { ReactNode } from 'react';
import type { Permissions } from '../api/models.ts';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { useMe } from './auth-context.ts';

type Flag = { [K in keyof Permissions]: Permissions[K] extends boolean ? K : never }[keyof Permissions];

/** Screens for users with a permission only (the server's, sent with /api/me): everyone else gets the 404 screen, as the API answers them. */
export function RequirePermission({ permission, children }: { permission: Flag; children: ReactNode }) {
  const me = useMe();
  if (!me.permissions[permission]) return <NotFoundPage />;
  return <>{children}</>;
}
