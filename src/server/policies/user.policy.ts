/** Only offices manage users, and only within their region subtree. */
import { inArray, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { appError } from '../errors.ts';

/** Whether the actor may list and create users at all (sent to the UI in /api/me). */
export function mayManageUsers(actor: Actor): boolean {
  return actor.role === 'office';
}

/** SQL condition on `users` selecting the accounts an office may see. */
export function visibleUsers(actor: Actor): SQL {
  return inArray(users.regionId, actor.regionIds);
}

/** Throws FORBIDDEN unless the actor may manage users. */
export function assertMayManageUsers(actor: Actor): void {
  if (!mayManageUsers(actor)) throw appError('FORBIDDEN');
}

/** Throws unless the actor may create a user in the given region. */
export function assertMayCreateUser(actor: Actor, regionId: number): void {
  assertMayManageUsers(actor);
  if (!actor.regionIds.includes(regionId)) throw appError('REGION_NOT_FOUND', undefined, { field: 'regionId' });
}
