/**
 * Editing a task without re-uploading the plan: text, deadline, indicator and its lead and
 * responsible units. One transaction; the audit row (shown in the task's timeline) holds the
 * changed fields before and after.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { audit } from '../../db/audit.ts';
import { parseDeadline } from '../../domain/deadline.ts';
import { deadlineDueOn } from '../../domain/plan-import.ts';
import { indicators, plans, taskUnits, tasks, units } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';
import { planPermissions } from '../policies/plan.policy.ts';
import { markLightsStale } from './supervision/lights.ts';
import { ambientNow } from '../../db/clock.ts';
import { recordAssignments } from './workbench/receipts.ts';

export interface TaskChanges {
  text?: string;
  /** As people write it (2023年6月, 2023年底, 长期坚持); parsed for lights and filters. */
  deadlineRaw?: string | null;
  indicatorId?: number | null;
  leadUnitIds?: number[];
  responsibleUnitIds?: number[];
}

type Role = 'lead' | 'responsible';

async function unitNames(tx: Tx, taskId: number, role: Role): Promise<{ unitId: number; writtenName: string }[]> {
  return tx.select({ unitId: taskUnits.unitId, writtenName: taskUnits.writtenName }).from(taskUnits)
    .where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, role))).orderBy(asc(taskUnits.position));
}

/** Replaces a role's links; a unit already linked keeps the name the plan wrote for it. */
async function replaceLinks(tx: Tx, actor: Actor, taskId: number, role: Role, unitIds: number[]): Promise<{ before: string[]; after: string[] }> {
  const current = await unitNames(tx, taskId, role);
  const ids = [...new Set(unitIds)];
  const found = ids.length ? await tx.select({ id: units.id, name: units.name, regionId: units.regionId }).from(units).where(inArray(units.id, ids)) : [];
  if (found.length !== ids.length || found.some((u) => !actor.regionIds.includes(u.regionId))) {
    throw appError('UNIT_NOT_FOUND', undefined, { field: role === 'lead' ? 'leadUnitIds' : 'responsibleUnitIds' });
  }
  const byId = new Map(found.map((u) => [u.id, u.name]));
  const written = new Map(current.map((c) => [c.unitId, c.writtenName]));
  await tx.delete(taskUnits).where(and(eq(taskUnits.taskId, taskId), eq(taskUnits.role, role)));
  const rows = ids.map((unitId, position) => ({ taskId, unitId, role, position, writtenName: written.get(unitId) ?? byId.get(unitId) ?? '' }));
  if (rows.length) await tx.insert(taskUnits).values(rows);
  return { before: current.map((c) => c.writtenName), after: rows.map((r) => r.writtenName) };
}

/** Applies the changes an office makes to one task of a plan it manages. */
export async function updateTask(db: Db, actor: Actor, taskId: number, changes: TaskChanges): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ task: tasks, regionId: plans.regionId }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId)).where(eq(tasks.id, taskId)).for('update');
    if (!row || !actor.regionIds.includes(row.regionId)) throw appError('TASK_NOT_FOUND');
    if (!planPermissions(actor, { regionId: row.regionId }).manage) throw appError('FORBIDDEN', '只有优化办可以修改任务');
    const { task } = row;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set: Partial<typeof tasks.$inferInsert> = {};
    if (changes.text !== undefined && changes.text !== task.text) {
      set.text = changes.text;
      before.text = task.text;
      after.text = changes.text;
    }
    if (changes.deadlineRaw !== undefined && (changes.deadlineRaw ?? null) !== task.deadlineRaw) {
      const parsed = parseDeadline(changes.deadlineRaw);
      Object.assign(set, { deadline: parsed.deadline, deadlineRaw: parsed.deadline_raw, dueOn: deadlineDueOn(parsed.deadline) });
      before.deadline = task.deadlineRaw;
      await markLightsStale(tx, taskId);
      after.deadline = parsed.deadline_raw;
    }
    if (changes.indicatorId !== undefined && changes.indicatorId !== task.indicatorId) {
      if (changes.indicatorId !== null) {
        const [indicator] = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.id, changes.indicatorId), eq(indicators.planId, task.planId)));
        if (!indicator) throw appError('VALIDATION_FAILED', '所选指标不属于本方案', { field: 'indicatorId' });
      }
      set.indicatorId = changes.indicatorId;
      before.indicatorId = task.indicatorId;
      after.indicatorId = changes.indicatorId;
    }
    if (Object.keys(set).length) await tx.update(tasks).set(set).where(eq(tasks.id, taskId));
    const linkedBefore = (await tx.select({ unitId: taskUnits.unitId }).from(taskUnits).where(eq(taskUnits.taskId, taskId))).map((l) => l.unitId);
    for (const [role, ids] of [['lead', changes.leadUnitIds], ['responsible', changes.responsibleUnitIds]] as const) {
      if (!ids) continue;
      const links = await replaceLinks(tx, actor, taskId, role, ids);
      if (links.before.join('、') !== links.after.join('、')) {
        before[`${role}Units`] = links.before;
        after[`${role}Units`] = links.after;
      }
    }
    if (!Object.keys(after).length) return;
    // A unit newly assigned to the task signs for it (签收).
    const added = [...new Set([...(changes.leadUnitIds ?? []), ...(changes.responsibleUnitIds ?? [])])].filter((id) => !linkedBefore.includes(id));
    await recordAssignments(tx, actor, taskId, added, ambientNow());
    await audit(tx, { actorUserId: actor.userId, action: 'task.update', entity: 'task', entityId: taskId, details: { seq: task.seq, before, after } });
  });
}
