import { call } from './client.ts';
import type { Query } from './contract.ts';

export function fetchTimeline(taskId: number, signal?: AbortSignal) {
  return call('get', '/api/tasks/{id}/timeline', { path: { id: taskId }, signal });
}

export function fetchAudit(query: Query<'/api/audit', 'get'>, signal?: AbortSignal) {
  return call('get', '/api/audit', { query, signal });
}

export function fetchNotifications(signal?: AbortSignal) {
  return call('get', '/api/notifications', { signal });
}

export function markNotificationRead(id: number): Promise<void> {
  return call('post', '/api/notifications/{id}/read', { path: { id } });
}
