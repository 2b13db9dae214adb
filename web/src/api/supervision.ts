import { request } from './client.ts';
import type { Items } from './types.ts';
import type { ExtensionRequest, PlanLights, SupervisionSettings, Urge } from './supervision-types.ts';

/** 办结审核: accept needs the lead unit's accepted 已完成 report; refusing needs a comment. */
export function reviewCompletion(taskId: number, accept: boolean, comment?: string): Promise<void> {
  return request<void>(`/api/tasks/${taskId}/completion`, { method: 'POST', body: { accept, comment } });
}

export function fetchUrges(taskId: number, signal?: AbortSignal): Promise<Items<Urge>> {
  return request<Items<Urge>>(`/api/tasks/${taskId}/urges`, { signal });
}

export function createUrge(taskId: number, input: { kind: 'reminder' | 'order'; unitId: number; message: string; replyBy?: string | null }): Promise<Urge> {
  return request<Urge>(`/api/tasks/${taskId}/urges`, { method: 'POST', body: input });
}

export function replyUrge(urgeId: number, reply: string): Promise<Urge> {
  return request<Urge>(`/api/urges/${urgeId}/reply`, { method: 'POST', body: { reply } });
}

export function fetchExtensions(taskId: number, signal?: AbortSignal): Promise<Items<ExtensionRequest>> {
  return request<Items<ExtensionRequest>>(`/api/tasks/${taskId}/extension-requests`, { signal });
}

export function requestExtension(taskId: number, input: { reason: string; proposedDueOn: string; progress: string }): Promise<ExtensionRequest> {
  return request<ExtensionRequest>(`/api/tasks/${taskId}/extension-requests`, { method: 'POST', body: input });
}

export function confirmExtension(id: number): Promise<ExtensionRequest> {
  return request<ExtensionRequest>(`/api/extension-requests/${id}/confirm`, { method: 'POST' });
}

export function decideExtension(id: number, input: { approve: boolean; newDueOn?: string; comment?: string }): Promise<ExtensionRequest> {
  return request<ExtensionRequest>(`/api/extension-requests/${id}/decision`, { method: 'POST', body: input });
}

export function fetchPlanLights(planId: number, signal?: AbortSignal): Promise<PlanLights> {
  return request<PlanLights>(`/api/plans/${planId}/lights`, { signal });
}

export function fetchSupervisionSettings(planId: number, signal?: AbortSignal): Promise<SupervisionSettings> {
  return request<SupervisionSettings>(`/api/plans/${planId}/supervision`, { signal });
}
