import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TaskQuery } from '../api/tasks.ts';
import type { TaskFilterPatch } from '../lib/task-query.ts';
import { applyFilterPatch, parseTaskQuery } from '../lib/task-query.ts';

export interface TaskFilters {
  query: TaskQuery;
  /** The task whose drawer is open (?task=123), so a task link can be shared. */
  openTaskId: number | undefined;
  setFilters: (patch: TaskFilterPatch, options?: { replace?: boolean }) => void;
  clearFilters: () => void;
  setPage: (page: number, pageSize: number) => void;
  openTask: (id: number | undefined) => void;
}

/** All task filters, the page and the open task live in the URL: reload or a shared link restores them. */
export function useTaskFilters(fixedPlan?: number): TaskFilters {
  const [params, setParams] = useSearchParams();
  const query = useMemo<TaskQuery>(() => {
    const parsed = parseTaskQuery(params);
    return fixedPlan === undefined ? parsed : { ...parsed, plan: fixedPlan };
  }, [params, fixedPlan]);
  const taskParam = params.get('task');
  const openTaskId = taskParam && /^\d+$/.test(taskParam) ? Number(taskParam) : undefined;

  const setFilters = useCallback(
    (patch: TaskFilterPatch, options?: { replace?: boolean }) => {
      setParams((prev) => applyFilterPatch(prev, patch), { replace: options?.replace ?? false });
    },
    [setParams],
  );
  const clearFilters = useCallback(() => {
    setParams((prev) => {
      const next = new URLSearchParams();
      const size = prev.get('pageSize');
      if (size) next.set('pageSize', size);
      return next;
    });
  }, [setParams]);
  const setPage = useCallback(
    (page: number, pageSize: number) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        const sizeChanged = String(pageSize) !== (prev.get('pageSize') ?? '20');
        if (sizeChanged) next.set('pageSize', String(pageSize));
        if (page > 1 && !sizeChanged) next.set('page', String(page));
        else next.delete('page');
        return next;
      });
    },
    [setParams],
  );
  const openTask = useCallback(
    (id: number | undefined) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (id === undefined) next.delete('task');
        else next.set('task', String(id));
        return next;
      });
    },
    [setParams],
  );
  return { query, openTaskId, setFilters, clearFilters, setPage, openTask };
}
