/**
 * Which audit rows an office reads (审计日志 and its export): those of users of its region subtree,
 * and those recorded on tasks and plans of its region subtree. Callers join `users` on the actor.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, plans, tasks, users } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';

/** SQL condition on `audit_log` left-joined with `users` (the row's actor). */
export function visibleAuditRows(actor: Actor): SQL {
  const scopedTasks = sql`(select ${tasks.id}::text from ${tasks} join ${plans} on ${plans.id} = ${tasks.planId} where ${inArray(plans.regionId, actor.regionIds)})`;
  const scopedPlans = sql`(select ${plans.id}::text from ${plans} where ${inArray(plans.regionId, actor.regionIds)})`;
  return or(inArray(users.regionId, actor.regionIds), and(eq(auditLog.entity, 'task'), sql`${auditLog.entityId} in ${scopedTasks}`), and(eq(auditLog.entity, 'plan'), sql`${auditLog.entityId} in ${scopedPlans}`)) ?? sql`false`;
}
