/**
 * Who manages accounts: the administrator (管理员) and offices, each within their region subtree.
 * Only an administrator may create, change or reset another administrator's account.
 */
import { type SQL } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import type { Actor, Role } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';
import { anyOf } from '../../db/queries/any-of.ts';

/** Whether the actor may list and create users at all (sent to the UI in /api/me). */
export function mayManageUsers(actor: Actor): boolean {
  return actor.role === 'office' || actor.role === 'admin';
}

/** Whether the actor administers the platform (系统管理: regions, units, unit heads, bulk import). */
export function mayAdminister(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** SQL condition on `users` selecting the accounts an office may see. */
export function visibleUsers(actor: Actor): SQL {
  return anyOf(users.regionId, actor.regionIds);
}

/** Throws FORBIDDEN unless the actor may manage users. */
export function assertMayManageUsers(actor: Actor): void {
  if (!mayManageUsers(actor)) throw appError('FORBIDDEN');
}

/** Throws FORBIDDEN unless the actor is an administrator. */
export function assertMayAdminister(actor: Actor): void {
  if (!mayAdminister(actor)) throw appError('FORBIDDEN', '只有管理员可以执行此操作');
}

const ROLES: Role[] = ['admin', 'office', 'leader', 'unit'];

/** The roles the actor may give to an account: only administrators make administrators. */
export function grantableRoles(actor: Actor): Role[] {
  if (!mayManageUsers(actor)) return [];
  return ROLES.filter((r) => r !== 'admin' || actor.role === 'admin');
}

/** Throws unless the actor may give the role to an account (only administrators make administrators). */
export function assertMayGrantRole(actor: Actor, role: string): void {
  if (role === 'admin' && !grantableRoles(actor).includes('admin')) throw appError('FORBIDDEN', '只有管理员可以设置管理员账号', { field: 'role' });
}

/** Throws unless the actor may create a user in the given region. */
export function assertMayCreateUser(actor: Actor, regionId: number): void {
  assertMayManageUsers(actor);
  if (!actor.regionIds.includes(regionId)) throw appError('REGION_NOT_FOUND', undefined, { field: 'regionId' });
}

/** Throws USER_NOT_FOUND unless the target account is in the actor's scope and of a role it may manage. */
export function assertMayManageUser(actor: Actor, target: { regionId: number; role: string }): void {
  assertMayManageUsers(actor);
  if (!actor.regionIds.includes(target.regionId)) throw appError('USER_NOT_FOUND');
  assertMayGrantRole(actor, target.role);
}
