// 领导驾驶舱, Excel exports and 领导批示: types from the generated OpenAPI types.
import { request } from './client.ts';
import type { Body, Ok, Query } from './contract.ts';

export type Cockpit = Ok<'/api/plans/{id}/cockpit', 'get'>;
export type CockpitQuery = Query<'/api/plans/{id}/cockpit/tasks', 'get'>;
export type CockpitTask = Ok<'/api/plans/{id}/cockpit/tasks', 'get'>['items'][number];
export type Instruction = Ok<'/api/tasks/{id}/instructions', 'get'>['items'][number];
export type InstructionBody = Body<'/api/instructions', 'post'>;

export function fetchCockpit(planId: number, signal?: AbortSignal): Promise<Cockpit> {
  return request<Cockpit>(`/api/plans/${planId}/cockpit`, { signal });
}

export function fetchCockpitTasks(planId: number, query: CockpitQuery, signal?: AbortSignal): Promise<CockpitTask[]> {
  return request<{ items: CockpitTask[] }>(`/api/plans/${planId}/cockpit/tasks`, { query, signal }).then((r) => r.items);
}

export function fetchTaskInstructions(taskId: number, signal?: AbortSignal): Promise<Instruction[]> {
  return request<{ items: Instruction[] }>(`/api/tasks/${taskId}/instructions`, { signal }).then((r) => r.items);
}

export function fetchInstructions(planId: number | undefined, signal?: AbortSignal): Promise<Instruction[]> {
  return request<{ items: Instruction[] }>('/api/instructions', { query: { plan: planId }, signal }).then((r) => r.items);
}

export function writeInstruction(body: InstructionBody): Promise<Instruction> {
  return request<Instruction>('/api/instructions', { method: 'POST', body });
}

export function answerInstruction(id: number, text: string): Promise<void> {
  return request<void>(`/api/instructions/${id}/answer`, { method: 'POST', body: { text } });
}

/** Which list an export button downloads. */
export type ExportKind = 'tasks' | 'lights' | 'progress' | 'urges' | 'extensions' | 'unit-assessment' | 'cockpit';

/** The URL of an export with the screen's filters (empty values are left out). */
export function exportUrl(kind: ExportKind | 'audit', planId: number | undefined, filters: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  const path = kind === 'audit' ? '/api/audit.xlsx' : `/api/plans/${planId ?? 0}/exports/${kind}.xlsx`;
  return qs ? `${path}?${qs}` : path;
}
