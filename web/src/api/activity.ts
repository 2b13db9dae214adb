import { request } from './client.ts';
import type { Items } from './types.ts';
import type { AuditEntry, Notification } from './supervision-types.ts';

export function fetchTimeline(taskId: number, signal?: AbortSignal): Promise<Items<AuditEntry>> {
  return request<Items<AuditEntry>>(`/api/tasks/${taskId}/timeline`, { signal });
}

export function fetchAudit(query: { action?: string; page: number; pageSize: number }, signal?: AbortSignal): Promise<{ items: AuditEntry[]; total: number }> {
  return request<{ items: AuditEntry[]; total: number }>('/api/audit', { query, signal });
}

export function fetchNotifications(signal?: AbortSignal): Promise<{ items: Notification[]; unread: number }> {
  return request<{ items: Notification[]; unread: number }>('/api/notifications', { signal });
}

export function markNotificationRead(id: number): Promise<void> {
  return request<void>(`/api/notifications/${id}/read`, { method: 'POST' });
}
