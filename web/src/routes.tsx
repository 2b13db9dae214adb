import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Suspense, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useMe } from './auth/auth-context.ts';
import { useLeaveBlocker } from './hooks/use-leave-guard.ts';
import { RequireAuth } from './auth/require-auth.tsx';
import { RequirePermission } from './auth/require-permission.tsx';
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
const DirectoryAdminPage = lazy(() => import('./pages/directory-admin-page.tsx').then((m) => ({ default: m.DirectoryAdminPage })));
const MyTasksPage = lazy(() => import('./pages/my-tasks-page.tsx').then((m) => ({ default: m.MyTasksPage })));
const ReviewPage = lazy(() => import('./pages/review-page.tsx').then((m) => ({ default: m.ReviewPage })));
const WarningsPage = lazy(() => import('./pages/warnings-page.tsx').then((m) => ({ default: m.WarningsPage })));
const AuditPage = lazy(() => import('./pages/audit-page.tsx').then((m) => ({ default: m.AuditPage })));
const OrderPrintPage = lazy(() => import('./pages/order-print-page.tsx').then((m) => ({ default: m.OrderPrintPage })));
const ImportPage = lazy(() => import('./pages/import-page.tsx').then((m) => ({ default: m.ImportPage })));
const ImportReviewPage = lazy(() => import('./pages/import-review-page.tsx').then((m) => ({ default: m.ImportReviewPage })));
const AssessmentPage = lazy(() => import('./pages/assessment-page.tsx').then((m) => ({ default: m.AssessmentPage })));
const AssessmentRoundPage = lazy(() => import('./pages/assessment-round-page.tsx').then((m) => ({ default: m.AssessmentRoundPage })));
const AssessmentUnitsPage = lazy(() => import('./pages/assessment-units-page.tsx').then((m) => ({ default: m.AssessmentUnitsPage })));
const DocumentListPage = lazy(() => import('./pages/document-list-page.tsx').then((m) => ({ default: m.DocumentListPage })));
const WorkbenchPage = lazy(() => import('./pages/workbench-page.tsx').then((m) => ({ default: m.WorkbenchPage })));
const WorkbenchUnreportedPage = lazy(() => import('./pages/workbench-unreported-page.tsx').then((m) => ({ default: m.WorkbenchUnreportedPage })));
const CockpitPage = lazy(() => import('./pages/cockpit-page.tsx').then((m) => ({ default: m.CockpitPage })));
const InstructionsPage = lazy(() => import('./pages/instructions-page.tsx').then((m) => ({ default: m.InstructionsPage })));
const CasePoolPage = lazy(() => import('./pages/case-pool-page.tsx').then((m) => ({ default: m.CasePoolPage })));
const CasePage = lazy(() => import('./pages/case-page.tsx').then((m) => ({ default: m.CasePage })));
const CaseStatsPage = lazy(() => import('./pages/case-stats-page.tsx').then((m) => ({ default: m.CaseStatsPage })));
const CaseImportPage = lazy(() => import('./pages/case-import-page.tsx').then((m) => ({ default: m.CaseImportPage })));
const DocumentPage = lazy(() => import('./pages/document-page.tsx').then((m) => ({ default: m.DocumentPage })));

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

/** Unit users land on 我的任务 (what they must report); everyone else on the 工作台. */
function Home() {
  const me = useMe();
  if (me.permissions.fileReports) return <Navigate to="/my-tasks" replace />;
  return page(me.permissions.administer ? <DashboardPage /> : <WorkbenchPage />);
}

/** The 工作台 of 待办 for offices, leaders and units; the administrator keeps the plan overview. */
function Workbench() {
  const me = useMe();
  return page(me.permissions.administer ? <DashboardPage /> : <WorkbenchPage />);
}

export function AppRoutes() {
  useLeaveBlocker();
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
        <Route index element={<Home />} />
        <Route path="dashboard" element={<Workbench />} />
        <Route path="workbench/unreported" element={<RequirePermission permission="readLights">{page(<WorkbenchUnreportedPage />)}</RequirePermission>} />
        <Route path="my-tasks" element={<RequirePermission permission="fileReports">{page(<MyTasksPage />)}</RequirePermission>} />
        <Route path="review" element={<RequirePermission permission="readReviewQueue">{page(<ReviewPage />)}</RequirePermission>} />
        <Route path="warnings" element={<RequirePermission permission="readLights">{page(<WarningsPage />)}</RequirePermission>} />
        <Route path="cockpit" element={<RequirePermission permission="readLights">{page(<CockpitPage />)}</RequirePermission>} />
        <Route path="instructions" element={page(<InstructionsPage />)} />
        <Route path="audit" element={<RequirePermission permission="readAuditLog">{page(<AuditPage />)}</RequirePermission>} />
        <Route path="assessment" element={<RequirePermission permission="readAssessment">{page(<AssessmentPage />)}</RequirePermission>} />
        <Route path="assessment/rounds/:id" element={<RequirePermission permission="readAssessment">{page(<AssessmentRoundPage />)}</RequirePermission>} />
        <Route path="assessment/units" element={<RequirePermission permission="readAssessment">{page(<AssessmentUnitsPage />)}</RequirePermission>} />
        <Route path="documents" element={<RequirePermission permission="readDocuments">{page(<DocumentListPage />)}</RequirePermission>} />
        <Route path="documents/:id" element={<RequirePermission permission="readDocuments">{page(<DocumentPage />)}</RequirePermission>} />
        <Route path="plans" element={page(<PlansPage />)} />
        <Route path="plans/:id" element={page(<PlanPage />)} />
        <Route path="imports" element={<RequirePermission permission="managePlans">{page(<ImportPage />)}</RequirePermission>} />
        <Route path="imports/:id" element={<RequirePermission permission="managePlans">{page(<ImportReviewPage />)}</RequirePermission>} />
        <Route path="cases" element={<RequirePermission permission="readLights">{page(<CasePoolPage />)}</RequirePermission>} />
        <Route path="cases/stats" element={<RequirePermission permission="readLights">{page(<CaseStatsPage />)}</RequirePermission>} />
        <Route path="cases/import" element={<RequirePermission permission="managePlans">{page(<CaseImportPage />)}</RequirePermission>} />
        <Route path="cases/:id" element={page(<CasePage />)} />
        <Route path="my-cases" element={<RequirePermission permission="fileReports">{page(<CasePoolPage mine />)}</RequirePermission>} />
        <Route path="tasks" element={page(<TasksPage />)} />
        <Route path="tasks/:id" element={page(<TaskPage />)} />
        <Route path="tasks/:id/orders/:urgeId" element={page(<OrderPrintPage />)} />
        <Route path="units" element={page(<UnitsPage />)} />
        <Route path="users" element={page(<UsersPage />)} />
        <Route path="admin/directory" element={page(<DirectoryAdminPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
