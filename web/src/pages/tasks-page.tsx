import { Card } from 'antd';
import { exportUrl } from '../api/cockpit-api.ts';
import { ExportButton } from '../components/export-button.tsx';
import { fetchPlan, fetchPlans } from '../api/plans.ts';
import { fetchTasks } from '../api/tasks.ts';
import { TaskBrowser } from '../components/task-browser.tsx';
import { useApi } from '../hooks/use-api.ts';
import { usePlanColumns } from '../hooks/use-plan-columns.ts';
import { useTaskFilters } from '../hooks/use-task-filters.ts';
import { useMe } from '../auth/auth-context.ts';

/** /tasks — the responsibility table across every plan the user can see. */
export function TasksPage() {
  const filters = useTaskFilters();
  const planId = filters.query.plan;
  const plans = useApi((signal) => fetchPlans(signal), []).data?.items;
  const plan = useApi(planId === undefined ? null : (signal) => fetchPlan(planId, signal), [planId]).data;
  const visibleColumns = usePlanColumns(planId);
  const prose = plan?.layout === 'prose';
  const office = useMe().permissions.reviewReports;
  return (
    <div className="page">
      <div className="page-title-row">
        <h1 className="page-title">任务</h1>
        {plan && plan.id === planId && <ExportButton url={exportUrl('tasks', plan.id, { ...filters.query, plan: undefined, page: undefined, pageSize: undefined })} fileName={`${plan.title}-任务清单.xlsx`} testId="tasks-export" />}
      </div>
      <Card size="small">
        <TaskBrowser
          filters={filters}
          load={fetchTasks}
          plans={plans ?? []}
          indicators={plan && plan.id === planId ? plan.indicators : undefined}
          indicatorTitle={prose ? '部分' : '一级指标'}
          visibleColumns={planId !== undefined ? visibleColumns : undefined}
          batchPlanId={office && planId !== undefined ? planId : undefined}
        />
      </Card>
    </div>
  );
}
