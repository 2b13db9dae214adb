import { request } from './client.ts';
import type { Page, Task, TaskDetail } from './types.ts';

/** Filters shared by GET /api/tasks and GET /api/plans/:id/tasks (plan only applies to the former). */
export interface TaskQuery {
  plan?: number;
  indicator?: number;
  subIndicator?: string;
  unit?: number;
  role?: 'lead' | 'responsible';
  deadlineFrom?: string;
  deadlineTo?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function taskQueryParams(query: TaskQuery): Record<string, string | number | undefined> {
  return { ...query };
}

export function fetchTasks(query: TaskQuery, signal?: AbortSignal): Promise<Page<Task>> {
  return request<Page<Task>>('/api/tasks', { query: taskQueryParams(query), signal });
}

export function fetchTask(id: number, signal?: AbortSignal): Promise<TaskDetail> {
  return request<TaskDetail>(`/api/tasks/${id}`, { signal });
}

export interface TaskChanges {
  text?: string;
  deadlineRaw?: string | null;
  indicatorId?: number | null;
  leadUnitIds?: number[];
  responsibleUnitIds?: number[];
}

/** Office: edits a task in place; the server records the change in the task's timeline. */
export function updateTask(id: number, changes: TaskChanges): Promise<TaskDetail> {
  return request<TaskDetail>(`/api/tasks/${id}`, { method: 'PATCH', body: changes });
}
