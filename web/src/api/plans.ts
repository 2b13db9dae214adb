import { call } from './client.ts';
import type { SupervisionSettings } from './models.ts';
import type { TaskQuery } from './tasks.ts';

export function fetchPlans(signal?: AbortSignal) {
  return call('get', '/api/plans', { signal });
}

export function fetchPlan(id: number, signal?: AbortSignal) {
  return call('get', '/api/plans/{id}', { path: { id }, signal });
}

export function fetchPlanTasks(planId: number, { plan: _plan, ...query }: TaskQuery, signal?: AbortSignal) {
  return call('get', '/api/plans/{id}/tasks', { path: { id: planId }, query, signal });
}

export type ReportCycle = SupervisionSettings['cycle'];

export function fetchSupervisionSettings(planId: number, signal?: AbortSignal) {
  return call('get', '/api/plans/{id}/supervision', { path: { id: planId }, signal });
}

export function saveSupervisionSettings(planId: number, settings: SupervisionSettings) {
  return call('put', '/api/plans/{id}/supervision', { path: { id: planId }, body: settings });
}

/** 年度目标 of one indicator; empty clears it. */
export function saveAnnualTarget(indicatorId: number, annualTarget: string | null) {
  return call('patch', '/api/indicators/{id}', { path: { id: indicatorId }, body: { annualTarget } });
}
