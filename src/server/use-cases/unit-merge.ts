/**
 * Merging two units into one (机构改革: 市工商局 + 市质监局 → 市市场监管局): every row that points at
 * the merged unit — task links, progress reports, urges, extension requests, users, heads,
 * memberships, channels, notes, and whatever table a later migration adds — moves to the kept
 * unit, whose aliases gain the merged unit's name and aliases. One transaction; the audit row
 * lists what moved and which duplicate links were folded, so nothing is lost.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { audit } from '../../db/audit.ts';
import { taskUnits, unitMemberships, units } from '../../db/schema.ts';
import { progressReports, taskReceipts } from '../../db/supervision-schema.ts';
import type { Actor } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';
import { assertMayAdminister } from '../policies/user.policy.ts';
import { mergeInstructionUnits } from './instructions/instructions.ts';
import { rowsOf } from '../../db/rows-of.ts';

export interface MergeResult { keptId: number; mergedName: string; moved: Record<string, number>; foldedLinks: { taskId: number; role: string; writtenName: string }[] }

/** Rows of a raw query: node-postgres and PGlite shape their results differently. */
/** Rows changed by a raw statement, on either driver. */
function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}

/** Every (table, column) with a foreign key to units(id), read from the catalogue. */
async function unitReferences(tx: Tx): Promise<{ table: string; column: string }[]> {
  const rows = await tx.execute(sql`
    select cl.relname as "table", att.attname as "column"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_attribute att on att.attrelid = c.conrelid and att.attnum = any(c.conkey)
    where c.contype = 'f' and c.confrelid = 'units'::regclass
    order by 1, 2`);
  return rowsOf<{ table: string; column: string }>(rows);
}

/** Links of a task to both units in the same role: the merged unit's link is folded into the kept one. */
async function foldTaskLinks(tx: Tx, keptId: number, mergedId: number): Promise<MergeResult['foldedLinks']> {
  const dupes = await tx.execute(sql`
    select m.task_id, m.role, m.position, m.written_name from ${taskUnits} m
    where m.unit_id = ${mergedId} and exists (select 1 from ${taskUnits} k where k.task_id = m.task_id and k.role = m.role and k.unit_id = ${keptId})`);
  const list = rowsOf<{ task_id: number; role: 'lead' | 'responsible'; position: number; written_name: string }>(dupes);
  for (const d of list) {
    await tx.delete(taskUnits).where(and(eq(taskUnits.taskId, d.task_id), eq(taskUnits.role, d.role), eq(taskUnits.position, d.position)));
  }
  return list.map((d) => ({ taskId: d.task_id, role: d.role, writtenName: d.written_name }));
}

/** Report versions of the merged unit come after the kept unit's for the same task and period. */
async function renumberReports(tx: Tx, keptId: number, mergedId: number): Promise<void> {
  await tx.execute(sql`
    update ${progressReports} m set version = m.version + k.max_version
    from (select task_id, period, max(version) as max_version from ${progressReports} where unit_id = ${keptId} group by task_id, period) k
    where m.unit_id = ${mergedId} and m.task_id = k.task_id and m.period = k.period`);
}

async function moveMemberships(tx: Tx, keptId: number, mergedId: number): Promise<number> {
  // Copy with conflicts ignored, then drop the merged unit's rows (and a self-membership).
  const copied = await tx.execute(sql`
    insert into ${unitMemberships} (collective_id, member_id)
    select case when collective_id = ${mergedId} then ${keptId} else collective_id end,
           case when member_id = ${mergedId} then ${keptId} else member_id end
    from ${unitMemberships} where (collective_id = ${mergedId} or member_id = ${mergedId})
    on conflict do nothing`);
  await tx.execute(sql`delete from ${unitMemberships} where collective_id = ${mergedId} or member_id = ${mergedId} or collective_id = member_id`);
  return affected(copied);
}

/** Merges `mergedId` into `keptId` (same region); the merged unit is deleted. */
export async function mergeUnits(db: Db, actor: Actor, keptId: number, mergedId: number): Promise<MergeResult> {
  assertMayAdminister(actor);
  if (keptId === mergedId) throw appError('VALIDATION_FAILED', '不能把单位合并到它自己', { field: 'mergedUnitId' });
  return db.transaction(async (tx) => {
    const [kept] = await tx.select().from(units).where(eq(units.id, keptId)).for('update');
    const [merged] = await tx.select().from(units).where(eq(units.id, mergedId)).for('update');
    if (!kept || !actor.regionIds.includes(kept.regionId)) throw appError('UNIT_NOT_FOUND', undefined, { field: 'unitId' });
    if (!merged || !actor.regionIds.includes(merged.regionId)) throw appError('UNIT_NOT_FOUND', undefined, { field: 'mergedUnitId' });
    if (kept.regionId !== merged.regionId) throw appError('VALIDATION_FAILED', '只能合并同一区域的单位', { field: 'mergedUnitId' });
    const foldedLinks = await foldTaskLinks(tx, keptId, mergedId);
    await renumberReports(tx, keptId, mergedId);
    // A task both units had to sign for keeps the kept unit's 签收.
    await tx.execute(sql`delete from ${taskReceipts} m where m.unit_id = ${mergedId} and exists (select 1 from ${taskReceipts} k where k.task_id = m.task_id and k.unit_id = ${keptId})`);
    await mergeInstructionUnits(tx, keptId, mergedId);
    const moved: Record<string, number> = { unit_memberships: await moveMemberships(tx, keptId, mergedId) };
    for (const ref of await unitReferences(tx)) {
      if (ref.table === 'unit_memberships') continue;
      const res = await tx.execute(sql`update ${sql.identifier(ref.table)} set ${sql.identifier(ref.column)} = ${keptId} where ${sql.identifier(ref.column)} = ${mergedId}`);
      const count = affected(res);
      if (count) moved[`${ref.table}.${ref.column}`] = count;
    }
    const aliases = [...new Set([...kept.aliases, merged.name, ...merged.aliases])].filter((a) => a !== kept.name);
    await tx.delete(units).where(eq(units.id, mergedId));
    await tx.update(units).set({ aliases }).where(eq(units.id, keptId));
    await audit(tx, {
      actorUserId: actor.userId, action: 'unit.merge', entity: 'unit', entityId: keptId,
      details: { kept: kept.name, merged: { id: merged.id, name: merged.name, aliases: merged.aliases, kind: merged.kind }, moved, foldedLinks },
    });
    return { keptId, mergedName: merged.name, moved, foldedLinks };
  });
}
