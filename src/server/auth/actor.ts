/**
 * The actor: who is calling, with the scope the policies need (the region subtree an office or
 * leader covers, the units a unit user acts for, including collectives it belongs to).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows-of.ts';

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

/**
 * The actor's row with everything the policies need, in one statement: the user, role and region,
 * the unit, the collectives it belongs to, whether the user heads the unit, and the region subtree
 * (own region first). Every API request loads its actor, so this is the hottest statement of the
 * server: one round trip instead of six (each round trip costs a system call on both sides).
 */
const actorColumns = (userRef: SQL) => sql`
  u.id as "userId", u.login, u.display_name as "displayName", u.role, ro.name as "roleName",
  r.id as "regionId", r.name as "regionName", r.level as "regionLevel", u.must_change_password as "mustChangePassword",
  u.disabled_at is not null as disabled, un.id as "unitId", un.name as "unitName",
  coalesce((select array_agg(m.collective_id order by m.collective_id) from unit_memberships m where m.member_id = un.id), '{}') as collectives,
  exists (select 1 from unit_heads h where h.user_id = u.id and h.unit_id = un.id) as "isUnitHead",
  (with recursive sub(id, depth) as (
     select r.id, 0 union all select c.id, sub.depth + 1 from regions c join sub on c.parent_id = sub.id)
   select array_agg(id order by depth, id) from sub) as "regionIds"
  from ${userRef} u
  join roles ro on ro.key = u.role
  join regions r on r.id = u.region_id
  left join units un on un.id = u.unit_id`;

interface ActorRow {
  userId: number; login: string; displayName: string; role: Role; roleName: string;
  regionId: number; regionName: string; regionLevel: string; mustChangePassword: boolean; disabled: boolean;
  unitId: number | null; unitName: string | null; collectives: number[]; isUnitHead: boolean; regionIds: number[];
}

function toActor(row: ActorRow | undefined): Actor | null {
  if (!row || row.disabled) return null;
  const unit = row.unitId === null || row.unitName === null ? null : { id: row.unitId, name: row.unitName };
  return {
    userId: row.userId, login: row.login, displayName: row.displayName, role: row.role, roleName: row.roleName,
    region: { id: row.regionId, name: row.regionName, level: row.regionLevel }, unit,
    regionIds: row.regionIds.map(Number), unitIds: unit ? [unit.id, ...row.collectives.map(Number)] : [],
    isUnitHead: unit !== null && row.isUnitHead, mustChangePassword: row.mustChangePassword,
  };
}

async function actorRows(db: Db, query: SQL): Promise<ActorRow[]> {
  return rowsOf<ActorRow>(await db.execute(query));
}

/** Loads the actor for a user id, or null when the user no longer exists or is disabled. */
export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const [row] = await actorRows(db, sql`select ${actorColumns(sql`users`)} where u.id = ${userId}`);
  return toActor(row);
}

/** The actor behind a live session (by the SHA-256 of its token), or null: one statement per request. */
export async function loadSessionActor(db: Db, tokenHash: string, now: Date): Promise<Actor | null> {
  const [row] = await actorRows(db, sql`select ${actorColumns(sql`users`)}
    join sessions s on s.user_id = u.id and s.token_hash = ${tokenHash} and s.expires_at > ${now.toISOString()}`);
  return toActor(row);
}
