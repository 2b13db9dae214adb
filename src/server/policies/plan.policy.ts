/**
 * Who may see and manage plans. Offices manage the plans of their region and everything below
 * it; leaders read them; a unit sees a plan only through the tasks its unit leads or shares.
 * A plan outside the caller's scope does not exist for them (404, never 403).
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { anyOf } from '../../db/queries/any-of.ts';
import { plans, taskUnits, tasks } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';

/** SQL condition on `plans` selecting the plans the actor may see. */
export function visiblePlans(actor: Actor): SQL {
  if (actor.role === 'unit') {
    if (actor.unitIds.length === 0) return sql`false`;
    return sql`exists (select 1 from ${tasks} join ${taskUnits} on ${taskUnits.taskId} = ${tasks.id}
      where ${tasks.planId} = ${plans.id} and ${anyOf(taskUnits.unitId, actor.unitIds)})`;
  }
  return anyOf(plans.regionId, actor.regionIds);
}

/** SQL condition for one plan id within the actor's scope. */
export function visiblePlan(actor: Actor, planId: number): SQL {
  return and(eq(plans.id, planId), visiblePlans(actor)) ?? sql`false`;
}

/** What the actor may do with a plan in its scope (sent to the UI with the record). */
export function planPermissions(actor: Actor, plan: { regionId: number }): { manage: boolean } {
  return { manage: actor.role === 'office' && actor.regionIds.includes(plan.regionId) };
}
