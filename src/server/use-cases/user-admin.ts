/**
 * Account administration by an administrator or an office: edit, disable/enable, reset password,
 * unlock, and the 单位负责人 flag. Every change is audited in its own transaction; disabling and
 * resetting end the account's sessions. `actor` null is the command line (whoever holds the database).
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { audit } from '../../db/audit.ts';
import { regions, roles, sessions, units, users } from '../../db/schema.ts';
import { unitHeads } from '../../db/supervision-schema.ts';
import type { Actor } from '../auth/actor.ts';
import { generatePassword } from '../auth/generate-password.ts';
import { clearLoginFailures } from '../auth/throttle.ts';
import { assertStrongPassword, hashPassword } from '../auth/password.ts';
import { appError } from '../../domain/errors.ts';
import { assertMayGrantRole, assertMayManageUser } from '../policies/user.policy.ts';

export interface UserChanges {
  displayName?: string;
  role?: string;
  regionId?: number;
  unitId?: number | null;
  /** 单位负责人: confirms the extension requests of its unit (several per unit allowed). */
  unitHead?: boolean;
}

type UserRow = typeof users.$inferSelect;

/** Loads an account the actor may manage, or USER_NOT_FOUND. */
async function loadManaged(tx: Tx, actor: Actor | null, userId: number): Promise<UserRow> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) throw appError('USER_NOT_FOUND');
  if (actor) assertMayManageUser(actor, user);
  return user;
}

async function checkScope(tx: Tx, actor: Actor, next: { role: string; regionId: number; unitId: number | null }): Promise<void> {
  const [role] = await tx.select().from(roles).where(eq(roles.key, next.role));
  if (!role) throw appError('VALIDATION_FAILED', `角色 ${next.role} 不存在`, { field: 'role' });
  assertMayGrantRole(actor, next.role);
  const [region] = await tx.select().from(regions).where(eq(regions.id, next.regionId));
  if (!region || !actor.regionIds.includes(region.id)) throw appError('REGION_NOT_FOUND', undefined, { field: 'regionId' });
  if (next.role === 'unit' && next.unitId === null) throw appError('VALIDATION_FAILED', '单位用户必须指定所属单位', { field: 'unitId' });
  if (next.unitId !== null) {
    const [unit] = await tx.select().from(units).where(eq(units.id, next.unitId));
    if (!unit || !actor.regionIds.includes(unit.regionId)) throw appError('UNIT_NOT_FOUND', undefined, { field: 'unitId' });
  }
}

/** Edits name, role, scope (region, unit) and the unit-head flag of an account. */
export async function updateUser(db: Db, actor: Actor, userId: number, changes: UserChanges): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await loadManaged(tx, actor, userId);
    const next = {
      displayName: changes.displayName ?? user.displayName,
      role: changes.role ?? user.role,
      regionId: changes.regionId ?? user.regionId,
      unitId: changes.unitId === undefined ? user.unitId : changes.unitId,
    };
    if (userId === actor.userId && next.role !== user.role) throw appError('USER_SELF_CHANGE');
    await checkScope(tx, actor, next);
    await tx.update(users).set(next).where(eq(users.id, userId));
    const [wasHead] = await tx.select().from(unitHeads).where(eq(unitHeads.userId, userId));
    // A head is a unit user of the unit it heads: a new unit or role ends the old headship.
    const head = next.role === 'unit' && next.unitId !== null && (changes.unitHead ?? (!!wasHead && wasHead.unitId === next.unitId));
    if (changes.unitHead && !head) throw appError('VALIDATION_FAILED', '只有单位用户可以设为单位负责人', { field: 'unitHead' });
    if (wasHead) await tx.delete(unitHeads).where(eq(unitHeads.userId, userId));
    if (head && next.unitId !== null) await tx.insert(unitHeads).values({ userId, unitId: next.unitId });
    await audit(tx, {
      actorUserId: actor.userId, action: 'user.update', entity: 'user', entityId: userId,
      details: {
        before: { displayName: user.displayName, role: user.role, regionId: user.regionId, unitId: user.unitId, unitHead: !!wasHead },
        after: { ...next, unitHead: head },
      },
    });
  });
}

/** Disables (ending every session) or re-enables an account. */
export async function setUserDisabled(db: Db, actor: Actor | null, userId: number, disabled: boolean, now: Date): Promise<void> {
  if (disabled && userId === actor?.userId) throw appError('USER_SELF_CHANGE');
  await db.transaction(async (tx) => {
    await loadManaged(tx, actor, userId);
    await tx.update(users).set({ disabledAt: disabled ? now : null }).where(eq(users.id, userId));
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await audit(tx, { actorUserId: actor?.userId ?? null, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: userId });
  });
}

/**
 * Resets a password to the given one or a generated one (returned once, never stored in clear);
 * the account must change it at its next sign-in, and its sessions end.
 */
export async function resetUserPassword(db: Db, actor: Actor | null, userId: number, password: string | undefined, now: Date): Promise<string> {
  const temporary = password ?? generatePassword();
  assertStrongPassword(temporary);
  const passwordHash = await hashPassword(temporary);
  await db.transaction(async (tx) => {
    await loadManaged(tx, actor, userId);
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, mustChangePassword: true, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await audit(tx, { actorUserId: actor?.userId ?? null, action: 'user.password_reset', entity: 'user', entityId: userId, details: { generated: password === undefined } });
  });
  return temporary;
}

/** Lifts the sign-in delays after repeated failed sign-ins: the account's failed attempts are forgotten. */
export async function unlockUser(db: Db, actor: Actor | null, userId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await loadManaged(tx, actor, userId);
    await clearLoginFailures(tx, user.login);
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
    await audit(tx, { actorUserId: actor?.userId ?? null, action: 'user.unlock', entity: 'user', entityId: userId, details: { login: user.login } });
  });
}
