import { Breadcrumb, Card, Skeleton } from 'antd';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { fetchPlan, fetchPlanTasks } from '../api/plans.ts';
import type { TaskQuery } from '../api/tasks.ts';
import { ErrorResult } from '../components/error-result.tsx';
import { IndicatorTree } from '../components/indicator-tree.tsx';
import { PlanHeader } from '../components/plan-header.tsx';
import { PlanSettingsButton } from '../components/plan-settings-modal.tsx';
import { useMe } from '../auth/auth-context.ts';
import { ResponsibilityExport } from '../components/documents/responsibility-export.tsx';
import { TaskBrowser } from '../components/task-browser.tsx';
import { UploadRevisionButton } from '../components/import/import-buttons.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { usePlanColumns } from '../hooks/use-plan-columns.ts';
import { useTaskFilters } from '../hooks/use-task-filters.ts';
import { exportUrl } from '../api/cockpit-api.ts';
import { ExportButton } from '../components/export-button.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** /plans/:id — plan header, indicator tree and the plan's responsibility table. */
export function PlanPage() {
  const { id } = useParams();
  const planId = id && /^\d+$/.test(id) ? Number(id) : undefined;
  const mobile = useIsMobile();
  const me = useMe();
  const filters = useTaskFilters(planId);
  const { data: plan, error, reload } = useApi(planId === undefined ? null : (signal) => fetchPlan(planId, signal), [planId]);
  const visibleColumns = usePlanColumns(plan ? plan.id : undefined);
  const load = useCallback(
    (query: TaskQuery, signal: AbortSignal) => fetchPlanTasks(planId ?? 0, { ...query, plan: undefined }, signal),
    [planId],
  );

  if (planId === undefined) return <NotFoundPage title="方案不存在" />;
  if (error) return <ErrorResult error={error} notFoundTitle="方案不存在" onRetry={reload} />;
  if (!plan || plan.id !== planId) return <Skeleton active paragraph={{ rows: 10 }} />;

  const prose = plan.layout === 'prose' || plan.indicators.every((i) => i.kind === 'section');
  const indicatorTitle = prose ? '部分' : '一级指标';
  const { query, setFilters } = filters;
  return (
    <div className="page">
      <div className="page-title-row"><Breadcrumb className="page-breadcrumb" items={[{ title: <Link to="/plans">方案</Link> }, { title: plan.title }]} /><span className="doc-plan-actions"><ResponsibilityExport planId={plan.id} title={plan.title} /><ExportButton url={exportUrl('tasks', plan.id, { ...query, plan: undefined, page: undefined, pageSize: undefined })} fileName={`${plan.title}-任务清单.xlsx`} label="导出任务清单" testId="plan-tasks-export" /><UploadRevisionButton planId={plan.id} />{me.permissions.managePlans && <PlanSettingsButton plan={plan} onChanged={reload} />}</span></div>
      <PlanHeader plan={plan} />
      <div className="plan-body">
        {!mobile && plan.indicators.length > 0 && (
          <Card className="plan-tree" size="small" title={prose ? '部分' : '指标'}>
            <IndicatorTree
              indicators={plan.indicators}
              taskCount={plan.taskCount}
              indicator={query.indicator}
              subIndicator={query.subIndicator}
              onSelect={(f) => setFilters({ indicator: f.indicator, subIndicator: f.subIndicator })}
            />
          </Card>
        )}
        <Card className="plan-tasks" size="small">
          <TaskBrowser
            filters={filters}
            load={load}
            indicators={mobile ? plan.indicators : undefined}
            indicatorTitle={indicatorTitle}
            visibleColumns={visibleColumns}
            batchPlanId={me.permissions.reviewReports && me.permissions.managePlans ? plan.id : undefined}
          />
        </Card>
      </div>
    </div>
  );
}
