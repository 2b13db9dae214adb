import { call } from './client.ts';
import type { Body } from './contract.ts';

/** 办结审核: accept needs the lead unit's accepted 已完成 report; refusing needs a comment. */
export function reviewCompletion(taskId: number, accept: boolean, comment?: string): Promise<void> {
  return call('post', '/api/tasks/{id}/completion', { path: { id: taskId }, body: { accept, comment } });
}

export function fetchUrges(taskId: number, signal?: AbortSignal) {
  return call('get', '/api/tasks/{id}/urges', { path: { id: taskId }, signal });
}

export function createUrge(taskId: number, input: Body<'/api/tasks/{id}/urges', 'post'>) {
  return call('post', '/api/tasks/{id}/urges', { path: { id: taskId }, body: input });
}

export function replyUrge(urgeId: number, reply: string) {
  return call('post', '/api/urges/{id}/reply', { path: { id: urgeId }, body: { reply } });
}

export function fetchExtensions(taskId: number, signal?: AbortSignal) {
  return call('get', '/api/tasks/{id}/extension-requests', { path: { id: taskId }, signal });
}

export function requestExtension(taskId: number, input: Body<'/api/tasks/{id}/extension-requests', 'post'>) {
  return call('post', '/api/tasks/{id}/extension-requests', { path: { id: taskId }, body: input });
}

export function confirmExtension(id: number) {
  return call('post', '/api/extension-requests/{id}/confirm', { path: { id } });
}

export function decideExtension(id: number, input: Body<'/api/extension-requests/{id}/decision', 'post'>) {
  return call('post', '/api/extension-requests/{id}/decision', { path: { id }, body: input });
}

export function fetchPlanLights(planId: number, signal?: AbortSignal) {
  return call('get', '/api/plans/{id}/lights', { path: { id: planId }, signal });
}
