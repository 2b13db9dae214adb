import { fetchPlanTasks } from '../api/plans.ts';
import type { Task } from '../api/models.ts';
import type { TaskColumnKey } from '../lib/task-fields.ts';
import { presentColumns } from '../lib/task-fields.ts';
import { useApi } from './use-api.ts';

const MAX_PAGE = 200;

/** Every task of a plan, fetched page by page. */
export async function allTasks(planId: number, signal: AbortSignal): Promise<Task[]> {
  const tasks: Task[] = [];
  for (let page = 1; ; page++) {
    const res = await fetchPlanTasks(planId, { page, pageSize: MAX_PAGE }, signal);
    tasks.push(...res.items);
    if (res.items.length === 0 || tasks.length >= res.total) return tasks;
  }
}

/**
 * The columns that are filled somewhere in the whole plan, so they do not jump while paging or
 * filtering (a prose plan never shows 责任领导). Undefined until known.
 */
export function usePlanColumns(planId: number | undefined): Set<TaskColumnKey> | undefined {
  const { data } = useApi(planId === undefined ? null : async (signal) => presentColumns(await allTasks(planId, signal)), [planId]);
  return data;
}
