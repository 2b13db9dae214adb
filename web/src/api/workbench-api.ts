// 工作台: the signed-in user's 待办, 本期未报送单位, batch urging and 签收.
import { request } from './client.ts';
import type { Body, Ok } from './contract.ts';

export type Workbench = Ok<'/api/workbench', 'get'>;
export type WorkSection = Workbench['sections'][number];
export type WorkItem = WorkSection['items'][number];
export type UnreportedList = Ok<'/api/plans/{id}/unreported-units', 'get'>;
export type BatchUrgeInput = Body<'/api/supervision/batch-urges', 'post'>;
export type BatchUrgeResult = Ok<'/api/supervision/batch-urges', 'post'>;

export function fetchWorkbench(signal?: AbortSignal): Promise<Workbench> {
  return request<Workbench>('/api/workbench', { signal });
}

export function fetchUnreported(planId: number, signal?: AbortSignal): Promise<UnreportedList> {
  return request<UnreportedList>(`/api/plans/${planId}/unreported-units`, { signal });
}

export function batchUrge(input: BatchUrgeInput): Promise<BatchUrgeResult> {
  return request<BatchUrgeResult>('/api/supervision/batch-urges', { method: 'POST', body: input });
}

export function acknowledgeTask(taskId: number): Promise<void> {
  return request<void>(`/api/tasks/${taskId}/acknowledge`, { method: 'POST' });
}

export function acknowledgeUrge(urgeId: number): Promise<void> {
  return request<void>(`/api/urges/${urgeId}/acknowledge`, { method: 'POST' });
}
