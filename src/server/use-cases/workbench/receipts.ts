/**
 * 签收: the office assigning a unit to a task writes a receipt per addressed unit (each member of a
 * collective like 各县市区政府); a user of that unit acknowledges it. Received 催办/督办单 are
 * acknowledged on the urge itself (a reply acknowledges too). Both are audited and notify.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { tasks, unitMemberships } from '../../../db/schema.ts';
import { taskReceipts, urges } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { notifyUsers, unitUsers } from '../supervision/notify.ts';

/** The units a link to `unitIds` addresses: the members of a collective, or the unit itself. */
export async function addressedUnits(tx: Db | Tx, unitIds: number[]): Promise<number[]> {
  if (!unitIds.length) return [];
  const members = await tx.select({ collectiveId: unitMemberships.collectiveId, memberId: unitMemberships.memberId }).from(unitMemberships)
    .where(inArray(unitMemberships.collectiveId, unitIds)).orderBy(asc(unitMemberships.memberId));
  const membersOf = new Map<number, number[]>();
  for (const m of members) membersOf.set(m.collectiveId, [...(membersOf.get(m.collectiveId) ?? []), m.memberId]);
  // A Set keeps the first-seen order without a scan per unit.
  const out = new Set<number>();
  for (const id of unitIds) for (const u of membersOf.get(id) ?? [id]) out.add(u);
  return [...out];
}

/**
 * Records that the office assigned the units to a task (new links only): each addressed unit gets a
 * receipt to acknowledge and an inbox message. Called in the assigning transaction.
 */
export async function recordAssignments(tx: Tx, actor: Actor, taskId: number, unitIds: number[], now: Date): Promise<number[]> {
  const addressed = await addressedUnits(tx, unitIds);
  if (!addressed.length) return [];
  const rows = await tx.insert(taskReceipts).values(addressed.map((unitId) => ({ taskId, unitId, assignedAt: now, assignedBy: actor.userId })))
    .onConflictDoNothing().returning({ unitId: taskReceipts.unitId });
  const [task] = await tx.select({ seq: tasks.seq }).from(tasks).where(eq(tasks.id, taskId));
  for (const r of rows) {
    await audit(tx, { actorUserId: actor.userId, action: 'task.assign', entity: 'task', entityId: taskId, details: { unitId: r.unitId } });
    await notifyUsers(tx, await unitUsers(tx, [r.unitId]), { title: '新任务待签收', body: `第 ${task?.seq ?? ''} 项任务已分配给本单位，请签收。`, link: '/dashboard' });
  }
  return rows.map((r) => r.unitId);
}

/** The unit acknowledges a task assigned to it. */
export async function acknowledgeTask(db: Db, actor: Actor, taskId: number, now: Date): Promise<void> {
  if (actor.role !== 'unit' || !actor.unit) throw appError('FORBIDDEN', '只有被分配任务的单位可以签收');
  const unitId = actor.unit.id;
  await db.transaction(async (tx) => {
    const [receipt] = await tx.select().from(taskReceipts).where(and(eq(taskReceipts.taskId, taskId), eq(taskReceipts.unitId, unitId)));
    if (!receipt) throw appError('TASK_NOT_FOUND', '本单位没有需要签收的该项任务');
    if (receipt.acknowledgedAt) throw appError('VALIDATION_FAILED', '该任务本单位已签收');
    await tx.update(taskReceipts).set({ acknowledgedAt: now, acknowledgedBy: actor.userId }).where(and(eq(taskReceipts.taskId, taskId), eq(taskReceipts.unitId, unitId)));
    await audit(tx, { actorUserId: actor.userId, action: 'task.acknowledge', entity: 'task', entityId: taskId, details: { unitId } });
  });
}

/** The addressed unit acknowledges a 催办 or 督办单. */
export async function acknowledgeUrge(db: Db, actor: Actor, urgeId: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [urge] = await tx.select().from(urges).where(eq(urges.id, urgeId));
    if (!urge || actor.role !== 'unit' || actor.unit?.id !== urge.unitId) throw appError('URGE_NOT_FOUND');
    if (urge.acknowledgedAt) throw appError('VALIDATION_FAILED', urge.kind === 'order' ? '该督办单本单位已签收' : '该催办本单位已签收');
    await tx.update(urges).set({ acknowledgedAt: now, acknowledgedBy: actor.userId }).where(and(eq(urges.id, urgeId), isNull(urges.acknowledgedAt)));
    await audit(tx, { actorUserId: actor.userId, action: 'urge.acknowledge', entity: 'task', entityId: urge.taskId, details: { urgeId, number: urge.number } });
  });
}
