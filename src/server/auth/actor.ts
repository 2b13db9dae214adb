/**
 * The actor: who is calling, with the scope the policies need (the region subtree an office or
 * leader covers, the units a unit user acts for, including collectives it belongs to).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { regions, roles, unitMemberships, units, users } from '../../db/schema.ts';
import { unitHeads } from '../../db/supervision-schema.ts';

/** `admin` (管理员) runs the platform itself: accounts, regions, units — not the plans. */
export type Role = 'admin' | 'office' | 'leader' | 'unit';

export interface Actor {
  userId: number;
  login: string;
  displayName: string;
  role: Role;
  roleName: string;
  region: { id: number; name: string; level: string };
  unit: { id: number; name: string } | null;
  /** The actor's region and every region below it. */
  regionIds: number[];
  /** For unit users: their unit and the collectives (各县市区政府) it is a member of. */
  unitIds: number[];
  /** The head of the actor's own unit (confirms its extension requests). */
  isUnitHead: boolean;
  /** Set after a first sign-in or a reset: only the password change is allowed until it is done. */
  mustChangePassword: boolean;
}

/** Region ids of a region and all its descendants (regions are few: hundreds, so walk in memory). */
export async function regionSubtree(db: Db, regionId: number): Promise<number[]> {
  const all = await db.select({ id: regions.id, parentId: regions.parentId }).from(regions);
  const children = new Map<number, number[]>();
  for (const r of all) if (r.parentId !== null) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const out: number[] = [];
  const stack = [regionId];
  while (stack.length) {
    const id = stack.pop() as number;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/** Loads the actor for a user id, or null when the user no longer exists or is disabled. */
export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const [row] = await db
    .select({
      userId: users.id, login: users.login, displayName: users.displayName, role: users.role, roleName: roles.name,
      regionId: regions.id, regionName: regions.name, regionLevel: regions.level, unitId: users.unitId,
      mustChangePassword: users.mustChangePassword, disabledAt: users.disabledAt,
    })
    .from(users)
    .innerJoin(roles, eq(roles.key, users.role))
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(eq(users.id, userId));
  if (!row || row.disabledAt) return null;
  let unit: Actor['unit'] = null;
  let unitIds: number[] = [];
  let isUnitHead = false;
  if (row.unitId !== null) {
    const [u] = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, row.unitId));
    unit = u ?? null;
    const collectives = await db.select({ id: unitMemberships.collectiveId }).from(unitMemberships).where(eq(unitMemberships.memberId, row.unitId));
    unitIds = [row.unitId, ...collectives.map((c) => c.id)];
    isUnitHead = (await db.select({ id: unitHeads.userId }).from(unitHeads).where(and(eq(unitHeads.userId, userId), eq(unitHeads.unitId, row.unitId)))).length > 0;
  }
  return {
    userId: row.userId, login: row.login, displayName: row.displayName, role: row.role as Role, roleName: row.roleName,
    region: { id: row.regionId, name: row.regionName, level: row.regionLevel }, unit,
    regionIds: await regionSubtree(db, row.regionId), unitIds, isUnitHead, mustChangePassword: row.mustChangePassword,
  };
}

