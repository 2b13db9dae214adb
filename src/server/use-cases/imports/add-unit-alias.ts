/**
 * Unit aliases: the office teaches the catalogue that 市住建局 is 市住房和城乡建设局, so the next
 * import matches it without asking. An alias names one unit per region.
 */
import { and, eq, ne, or, sql } from 'drizzle-orm';
import { audit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { units } from '../../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertMayEditUnit } from '../../policies/import.policy.ts';

export interface UnitWithAliases { id: number; name: string; aliases: string[]; added: boolean }

/** Adds an alias to a unit of the office's scope; adding one it already has changes nothing. */
export async function addUnitAlias(db: Db, actor: Actor, unitId: number, alias: string): Promise<UnitWithAliases> {
  return db.transaction(async (tx) => {
    const [unit] = await tx.select().from(units).where(eq(units.id, unitId)).for('update');
    assertMayEditUnit(actor, unit);
    if (!unit) throw appError('UNIT_NOT_FOUND');
    if (unit.name === alias || unit.aliases.includes(alias)) return { id: unit.id, name: unit.name, aliases: unit.aliases, added: false };
    const [taken] = await tx.select({ id: units.id, name: units.name }).from(units).where(and(
      eq(units.regionId, unit.regionId), ne(units.id, unit.id), or(eq(units.name, alias), sql`${alias} = any(${units.aliases})`),
    ));
    if (taken) throw appError('UNIT_ALIAS_TAKEN', `简称“${alias}”已用于本区域的单位“${taken.name}”。`, { alias, unitId: taken.id });
    const aliases = [...unit.aliases, alias];
    await tx.update(units).set({ aliases }).where(eq(units.id, unit.id));
    await audit(tx, { actorUserId: actor.userId, action: 'unit.alias_add', entity: 'unit', entityId: unit.id, details: { name: unit.name, alias } });
    return { id: unit.id, name: unit.name, aliases, added: true };
  });
}
