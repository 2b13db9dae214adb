import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { loginUrl, useAuth } from './auth-context.ts';

/** Renders its children only for a signed-in user; others go to login and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) {
    return (
      <div className="page-spinner">
        <Spin size="large" />
      </div>
    );
  }
  if (me === null) return <Navigate to={loginUrl(location.pathname + location.search)} replace />;
  return <>{children}</>;
}
