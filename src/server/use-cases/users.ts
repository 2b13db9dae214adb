/** Account use cases: creating users and changing one's own password. */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { audit } from '../../db/audit.ts';
import { regions, roles, units, users } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from '../auth/password.ts';
import { deleteOtherSessions } from '../auth/sessions.ts';
import { appError } from '../../domain/errors.ts';
import { assertMayCreateUser, assertMayGrantRole } from '../policies/user.policy.ts';

export interface NewUser {
  login: string; password: string; displayName: string; role: string; regionId: number; unitId?: number | null;
  /** The account must change this password at its first sign-in (初始密码). */
  mustChangePassword?: boolean;
}

/** Creates a user (office users, within their region; or the CLI with actor null). */
export async function createUser(db: Db, actor: Actor | null, input: NewUser): Promise<number> {
  assertStrongPassword(input.password, input.login);
  if (actor) {
    assertMayCreateUser(actor, input.regionId);
    assertMayGrantRole(actor, input.role);
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const id = await insertUser(tx, actor, input, passwordHash);
    await audit(tx, { actorUserId: actor?.userId ?? null, action: 'user.create', entity: 'user', entityId: id, details: { login: input.login, role: input.role, regionId: input.regionId, unitId: input.unitId ?? null } });
    return id;
  });
}

/** Checks the references of a new account and inserts it (no audit: the caller writes it). */
export async function insertUser(tx: Tx, actor: Actor | null, input: NewUser, passwordHash: string): Promise<number> {
  const [role] = await tx.select().from(roles).where(eq(roles.key, input.role));
  if (!role) throw appError('VALIDATION_FAILED', `角色 ${input.role} 不存在（可选 admin / office / leader / unit）`, { field: 'role' });
  const [region] = await tx.select().from(regions).where(eq(regions.id, input.regionId));
  if (!region) throw appError('REGION_NOT_FOUND', undefined, { field: 'regionId' });
  if (input.role === 'unit' && !input.unitId) throw appError('VALIDATION_FAILED', '单位用户必须指定所属单位', { field: 'unitId' });
  if (input.unitId) {
    const [unit] = await tx.select().from(units).where(eq(units.id, input.unitId));
    if (!unit || (actor && !actor.regionIds.includes(unit.regionId))) throw appError('UNIT_NOT_FOUND', undefined, { field: 'unitId' });
  }
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.login, input.login));
  if (taken) throw appError('USER_LOGIN_TAKEN', undefined, { field: 'login' });
  const [created] = await tx.insert(users).values({
    login: input.login, displayName: input.displayName, passwordHash, role: input.role, regionId: input.regionId, unitId: input.unitId ?? null,
    mustChangePassword: input.mustChangePassword ?? false,
  }).returning({ id: users.id });
  if (!created) throw appError('INTERNAL');
  return created.id;
}

/** Changes the actor's password after checking the current one; other sessions are ended. */
export async function changePassword(db: Db, actor: Actor, currentPassword: string, newPassword: string, currentToken?: string): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) throw appError('AUTH_INVALID_CREDENTIALS', '当前密码不正确');
  if (newPassword === currentPassword) throw appError('PASSWORD_TOO_WEAK', '新密码不能与当前密码相同', { field: 'newPassword' });
  assertStrongPassword(newPassword, actor.login);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false }).where(eq(users.id, actor.userId));
    await deleteOtherSessions(tx, actor.userId, currentToken);
    await audit(tx, { actorUserId: actor.userId, action: 'user.password_change', entity: 'user', entityId: actor.userId });
  });
}
