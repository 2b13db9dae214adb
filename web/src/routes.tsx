import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/require-auth.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

// Pages load on demand so the login screen does not pay for ECharts or the task table.
const DashboardPage = lazy(() => import('./pages/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })));
const PlansPage = lazy(() => import('./pages/plans-page.tsx').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('./pages/plan-page.tsx').then((m) => ({ default: m.PlanPage })));
const TasksPage = lazy(() => import('./pages/tasks-page.tsx').then((m) => ({ default: m.TasksPage })));
const TaskPage = lazy(() => import('./pages/task-page.tsx').then((m) => ({ default: m.TaskPage })));
const UnitsPage = lazy(() => import('./pages/units-page.tsx').then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import('./pages/users-page.tsx').then((m) => ({ default: m.UsersPage })));

function page(node: ReactNode) {
  return (
    <Suspense
      fallback={
        <div className="page-spinner">
          <Spin />
        </div>
      }
    >
      {node}
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={page(<DashboardPage />)} />
        <Route path="plans" element={page(<PlansPage />)} />
        <Route path="plans/:id" element={page(<PlanPage />)} />
        <Route path="tasks" element={page(<TasksPage />)} />
        <Route path="tasks/:id" element={page(<TaskPage />)} />
        <Route path="units" element={page(<UnitsPage />)} />
        <Route path="users" element={page(<UsersPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
