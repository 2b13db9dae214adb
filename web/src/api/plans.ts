import { request } from './client.ts';
import type { Items, Page, PlanDetail, PlanSummary, Task } from './types.ts';
import type { TaskQuery } from './tasks.ts';
import { taskQueryParams } from './tasks.ts';

export function fetchPlans(signal?: AbortSignal): Promise<Items<PlanSummary>> {
  return request<Items<PlanSummary>>('/api/plans', { signal });
}

export function fetchPlan(id: number, signal?: AbortSignal): Promise<PlanDetail> {
  return request<PlanDetail>(`/api/plans/${id}`, { signal });
}

export function fetchPlanTasks(planId: number, query: TaskQuery, signal?: AbortSignal): Promise<Page<Task>> {
  return request<Page<Task>>(`/api/plans/${planId}/tasks`, { query: taskQueryParams(query), signal });
}
