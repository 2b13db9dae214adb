import { call } from './client.ts';
import type { Query } from './contract.ts';

/** Filters shared by GET /api/tasks and GET /api/plans/:id/tasks (plan only applies to the former). */
export type TaskQuery = Query<'/api/tasks', 'get'> & { page: number; pageSize: number };

export function fetchTasks(query: TaskQuery, signal?: AbortSignal) {
  return call('get', '/api/tasks', { query, signal });
}

export function fetchTask(id: number, signal?: AbortSignal) {
  return call('get', '/api/tasks/{id}', { path: { id }, signal });
}

/** Office: edits a task in place; the server records the change in the task's timeline. */
export function updateTask(id: number, changes: NonNullable<Parameters<typeof call<'/api/tasks/{id}', 'patch'>>[2]>['body']) {
  return call('patch', '/api/tasks/{id}', { path: { id }, body: changes });
}
