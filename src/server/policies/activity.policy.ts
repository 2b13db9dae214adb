/**
 * Who may read what happened: a task's timeline shows every entry to whoever sees the task, but a
 * unit reads the details (comments, contents) only of its own unit's actions; the audit log is the
 * office's, limited to its region subtree (its users' actions, and those on its plans and tasks).
 */
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, plans, tasks, users } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { anyOf } from '../../db/queries/any-of.ts';

/** Whether the actor reads the details of a timeline entry made by a user of `entryUnitId`. */
export function mayReadAuditDetails(actor: Actor, entryUnitId: number | null): boolean {
  return actor.role !== 'unit' || (entryUnitId !== null && entryUnitId === actor.unit?.id);
}

/** Whether the actor reads the audit log at all (offices). */
export function mayReadAuditLog(actor: Actor): boolean {
  return actor.role === 'office';
}

/** SQL condition on `audit_log` left-joined to `users` (the actor of each entry) in the actor's scope. */
export function visibleAuditEntries(actor: Actor): SQL {
  if (!mayReadAuditLog(actor)) return sql`false`;
  const scopedTasks = sql`(select ${tasks.id}::text from ${tasks} join ${plans} on ${plans.id} = ${tasks.planId} where ${anyOf(plans.regionId, actor.regionIds)})`;
  const scopedPlans = sql`(select ${plans.id}::text from ${plans} where ${anyOf(plans.regionId, actor.regionIds)})`;
  return or(
    anyOf(users.regionId, actor.regionIds),
    and(eq(auditLog.entity, 'task'), sql`${auditLog.entityId} in ${scopedTasks}`),
    and(eq(auditLog.entity, 'plan'), sql`${auditLog.entityId} in ${scopedPlans}`),
  ) ?? sql`false`;
}
