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

export type ReportCycle = 'xun' | 'month' | 'quarter';

export interface SupervisionSettings {
  cycle: ReportCycle;
  dueWorkdays: number;
  yellowWithinDays: number;
  redAfterReturns: number;
  escalateAfterWorkdays: number;
  orderPrefix: string;
}

/** The stored settings: after a cycle change, periods beginning before cycleFrom keep previousCycle. */
export interface SupervisionSettingsView extends SupervisionSettings {
  previousCycle: ReportCycle | null;
  cycleFrom: string | null;
}

export function fetchSupervisionSettings(planId: number, signal?: AbortSignal): Promise<SupervisionSettingsView> {
  return request<SupervisionSettingsView>(`/api/plans/${planId}/supervision`, { signal });
}

export function saveSupervisionSettings(planId: number, settings: SupervisionSettings): Promise<SupervisionSettingsView> {
  return request<SupervisionSettingsView>(`/api/plans/${planId}/supervision`, { method: 'PUT', body: settings });
}

/** 年度目标 of one indicator; empty clears it. */
export function saveAnnualTarget(indicatorId: number, annualTarget: string | null): Promise<{ id: number; annualTarget: string | null }> {
  return request(`/api/indicators/${indicatorId}`, { method: 'PATCH', body: { annualTarget } });
}
