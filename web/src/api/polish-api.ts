// API functions of the polish work (session probe, 我的任务 filters, import drafts). Types come from
// the generated OpenAPI types through contract.ts.
import { request } from './client.ts';
import type { Ok, Query } from './contract.ts';

export type SessionProbe = Ok<'/api/session', 'get'>;

/** The session on load: `{signedIn: false}` without a session (200, no console error before sign-in). */
export function probeSession(signal?: AbortSignal): Promise<SessionProbe> {
  return request<SessionProbe>('/api/session', { signal, redirectOn401: false });
}

export type MyTaskQuery = Query<'/api/my-tasks/search', 'get'>;
export type MyTaskPage = Ok<'/api/my-tasks/search', 'get'>;
export type MyTaskRow = MyTaskPage['items'][number];

/** 我的任务: one page of the unit's tasks, filtered and sorted by urgency, with counts and the true total. */
export function searchMyTasks(query: MyTaskQuery, signal?: AbortSignal): Promise<MyTaskPage> {
  return request<MyTaskPage>('/api/my-tasks/search', { query: { ...query }, signal });
}

export type ImportDraftSummary = Ok<'/api/import-drafts', 'get'>['items'][number];

/** The office's unfinished import drafts, last edited first (导入方案 lists them to resume or discard). */
export function fetchImportDrafts(signal?: AbortSignal): Promise<{ items: ImportDraftSummary[] }> {
  return request<{ items: ImportDraftSummary[] }>('/api/import-drafts', { signal });
}
