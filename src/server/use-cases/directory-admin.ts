/**
 * The administrator's directory: regions (province → city → county / district → park) and units —
 * add, rename, aliases, kind and the member governments of a collective (各县市区政府). A renamed
 * unit keeps its old name as an alias, so plans written with it still match. Every change audited.
 */
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { audit } from '../../db/audit.ts';
import { regions, unitMemberships, units } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';
import { assertMayAdminister } from '../policies/user.policy.ts';

type RegionLevel = (typeof regions.$inferSelect)['level'];
type UnitKind = (typeof units.$inferSelect)['kind'];

const LEVEL_ORDER: Record<RegionLevel, number> = { province: 0, city: 1, county: 2, district: 2, park: 3 };
const LEVEL_NAMES: Record<RegionLevel, string> = { province: '省', city: '市', county: '县', district: '区', park: '园区' };

async function regionInScope(tx: Db | Tx, actor: Actor, id: number, field: string) {
  const [region] = await tx.select().from(regions).where(eq(regions.id, id));
  if (!region || !actor.regionIds.includes(region.id)) throw appError('REGION_NOT_FOUND', undefined, { field });
  return region;
}

async function assertRegionNameFree(tx: Tx, parentId: number, name: string, exceptId?: number): Promise<void> {
  const [taken] = await tx.select({ id: regions.id }).from(regions).where(and(eq(regions.parentId, parentId), eq(regions.name, name), exceptId ? ne(regions.id, exceptId) : undefined));
  if (taken) throw appError('REGION_NAME_TAKEN', `上级区域下已有“${name}”`, { field: 'name' });
}

/** Adds a region below one of the actor's regions; a child is one level below its parent or lower. */
export async function createRegion(db: Db, actor: Actor, input: { name: string; level: RegionLevel; parentId: number }): Promise<number> {
  assertMayAdminister(actor);
  return db.transaction(async (tx) => {
    const parent = await regionInScope(tx, actor, input.parentId, 'parentId');
    if (LEVEL_ORDER[input.level] <= LEVEL_ORDER[parent.level]) {
      throw appError('VALIDATION_FAILED', `“${parent.name}”（${LEVEL_NAMES[parent.level]}级）下不能建${LEVEL_NAMES[input.level]}级区域`, { field: 'level' });
    }
    await assertRegionNameFree(tx, parent.id, input.name);
    const [created] = await tx.insert(regions).values({ name: input.name, level: input.level, parentId: parent.id }).returning({ id: regions.id });
    if (!created) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'region.create', entity: 'region', entityId: created.id, details: { ...input } });
    return created.id;
  });
}

/** Renames a region (not the actor's own top region's parent chain: only regions in scope). */
export async function renameRegion(db: Db, actor: Actor, id: number, name: string): Promise<void> {
  assertMayAdminister(actor);
  await db.transaction(async (tx) => {
    const region = await regionInScope(tx, actor, id, 'id');
    if (region.parentId !== null) await assertRegionNameFree(tx, region.parentId, name, id);
    await tx.update(regions).set({ name }).where(eq(regions.id, id));
    await audit(tx, { actorUserId: actor.userId, action: 'region.rename', entity: 'region', entityId: id, details: { before: region.name, after: name } });
  });
}

/** A name or alias must name one unit per region. */
async function assertUnitNamesFree(tx: Tx, regionId: number, names: string[], exceptId?: number): Promise<void> {
  for (const n of names) {
    const [taken] = await tx.select({ id: units.id, name: units.name }).from(units).where(and(
      eq(units.regionId, regionId), exceptId ? ne(units.id, exceptId) : undefined, or(eq(units.name, n), sql`${n} = any(${units.aliases})`),
    ));
    if (taken) throw appError('UNIT_ALIAS_TAKEN', `“${n}”已用于本区域的单位“${taken.name}”`, { field: 'name', unitId: taken.id });
  }
}

export interface UnitInput { name: string; regionId: number; kind?: UnitKind; aliases?: string[] }

/** Adds a unit to a region in scope. */
export async function createUnit(db: Db, actor: Actor, input: UnitInput): Promise<number> {
  assertMayAdminister(actor);
  return db.transaction(async (tx) => {
    await regionInScope(tx, actor, input.regionId, 'regionId');
    const aliases = [...new Set(input.aliases ?? [])].filter((a) => a !== input.name);
    await assertUnitNamesFree(tx, input.regionId, [input.name, ...aliases]);
    const [created] = await tx.insert(units).values({ name: input.name, regionId: input.regionId, kind: input.kind ?? 'department', aliases }).returning({ id: units.id });
    if (!created) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'unit.create', entity: 'unit', entityId: created.id, details: { ...input, aliases } });
    return created.id;
  });
}

export interface UnitChanges { name?: string; kind?: UnitKind; aliases?: string[]; memberIds?: number[] }

/** Renames (the old name becomes an alias), changes kind, replaces aliases or a collective's members. */
export async function updateUnit(db: Db, actor: Actor, id: number, changes: UnitChanges): Promise<void> {
  assertMayAdminister(actor);
  await db.transaction(async (tx) => {
    const [unit] = await tx.select().from(units).where(eq(units.id, id)).for('update');
    if (!unit || !actor.regionIds.includes(unit.regionId)) throw appError('UNIT_NOT_FOUND');
    const name = changes.name ?? unit.name;
    const base = changes.aliases ?? unit.aliases;
    const aliases = [...new Set(name !== unit.name ? [...base, unit.name] : base)].filter((a) => a !== name);
    await assertUnitNamesFree(tx, unit.regionId, [name, ...aliases], id);
    const kind = changes.kind ?? unit.kind;
    await tx.update(units).set({ name, aliases, kind }).where(eq(units.id, id));
    let members: number[] | undefined;
    if (changes.memberIds) {
      if (kind !== 'collective' && changes.memberIds.length) throw appError('VALIDATION_FAILED', '只有集合单位（如“各县市区政府”）可以设置成员', { field: 'memberIds' });
      members = [...new Set(changes.memberIds)].filter((m) => m !== id);
      const found = members.length ? await tx.select({ id: units.id, regionId: units.regionId }).from(units).where(inArray(units.id, members)) : [];
      if (found.length !== members.length || found.some((f) => !actor.regionIds.includes(f.regionId))) throw appError('UNIT_NOT_FOUND', '成员单位不存在', { field: 'memberIds' });
      await tx.delete(unitMemberships).where(eq(unitMemberships.collectiveId, id));
      if (members.length) await tx.insert(unitMemberships).values(members.map((memberId) => ({ collectiveId: id, memberId })));
    }
    await audit(tx, {
      actorUserId: actor.userId, action: 'unit.update', entity: 'unit', entityId: id,
      details: { before: { name: unit.name, kind: unit.kind, aliases: unit.aliases }, after: { name, kind, aliases }, ...(members ? { memberIds: members } : {}) },
    });
  });
}
