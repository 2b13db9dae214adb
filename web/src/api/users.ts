import { request } from './client.ts';
import type { Items, NewUser, UserRow } from './types.ts';

export function fetchUsers(signal?: AbortSignal): Promise<Items<UserRow>> {
  return request<Items<UserRow>>('/api/users', { signal });
}

export function createUser(input: NewUser): Promise<UserRow> {
  return request<UserRow>('/api/users', { method: 'POST', body: input });
}
