import { Alert } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import type { TaskQuery } from '../api/tasks.ts';
import type { Indicator, PlanSummary, TaskPage } from '../api/models.ts';
import { useApi } from '../hooks/use-api.ts';
import type { TaskFilters as Filters } from '../hooks/use-task-filters.ts';
import { useUnits } from '../hooks/use-units.ts';
import type { TaskColumnKey } from '../lib/task-fields.ts';
import { presentColumns } from '../lib/task-fields.ts';
import { TaskDrawer } from './task-drawer.tsx';
import { TaskFilters } from './task-filters.tsx';
import { TaskTable } from './task-table.tsx';
import { BatchBar } from './workbench/batch-bar.tsx';

interface Props {
  filters: Filters;
  load: (query: TaskQuery, signal: AbortSignal) => Promise<TaskPage>;
  /** All-tasks page: plan filter and a 方案 column. */
  plans?: PlanSummary[];
  /** Indicator drop-down, where no side tree is shown. */
  indicators?: Indicator[];
  indicatorTitle?: string;
  /** Columns filled anywhere in the plan; without it, those filled on the current page. */
  visibleColumns?: Set<TaskColumnKey>;
  /** The one plan listed, when the office may urge its tasks in a batch (row checkboxes). */
  batchPlanId?: number;
}

/** Filters, result count, table (or cards) and the detail drawer — all state in the URL. */
export function TaskBrowser({ filters, load, plans, indicators, indicatorTitle = '一级指标', visibleColumns, batchPlanId }: Props) {
  const { query, openTaskId, setFilters, clearFilters, setPage, openTask } = filters;
  const units = useUnits();
  const queryKey = JSON.stringify(query);
  const { data, error, loading } = useApi((signal) => load(query, signal), [queryKey]);
  const tasks = useMemo(() => data?.items ?? [], [data]);
  const columns = useMemo(() => visibleColumns ?? presentColumns(tasks), [visibleColumns, tasks]);
  const planTitles = useMemo(() => new Map((plans ?? []).map((p) => [p.id, p.title])), [plans]);
  const planTitle = useCallback((id: number) => planTitles.get(id) ?? `方案 ${id}`, [planTitles]);
  // A selection belongs to one plan: another plan starts empty (pages of the same list keep it).
  const [selected, setSelected] = useState<{ planId: number | undefined; keys: number[] }>({ planId: undefined, keys: [] });
  const keys = selected.planId === batchPlanId ? selected.keys : [];

  return (
    <div className="task-browser">
      <TaskFilters
        query={query}
        units={units}
        plans={plans}
        indicators={indicators}
        indicatorPlaceholder={indicatorTitle}
        setFilters={setFilters}
        onClear={clearFilters}
      />
      <div className="task-summary">
        {data && (
          <span data-testid="task-total">
            共 <strong>{data.total}</strong> 项任务
          </span>
        )}
      </div>
      {batchPlanId !== undefined && keys.length > 0 && (
        <BatchBar planId={batchPlanId} rowTaskIds={keys} selected={keys} onDone={() => setSelected({ planId: batchPlanId, keys: [] })} />
      )}
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error)} />
      ) : (
        <TaskTable
          tasks={tasks}
          total={data?.total ?? 0}
          page={query.page}
          pageSize={query.pageSize}
          loading={loading}
          visibleColumns={columns}
          indicatorTitle={indicatorTitle}
          planTitle={plans && plans.length > 1 && !query.plan ? planTitle : undefined}
          onPageChange={setPage}
          onOpen={(task) => openTask(task.id)}
          selection={batchPlanId !== undefined ? { keys, onChange: (next) => setSelected({ planId: batchPlanId, keys: next }) } : undefined}
        />
      )}
      <TaskDrawer taskId={openTaskId} onClose={() => openTask(undefined)} />
    </div>
  );
}
