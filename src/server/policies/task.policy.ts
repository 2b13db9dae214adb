/**
 * Who may see tasks: offices and leaders every task of the plans in their region subtree; a unit
 * only the tasks its unit (or a collective it belongs to, like 各县市区政府) leads or shares.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import { plans, taskUnits, tasks } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';

/** SQL condition on `tasks` selecting the tasks the actor may see. */
export function visibleTasks(actor: Actor): SQL {
  if (actor.role === 'unit') {
    if (actor.unitIds.length === 0) return sql`false`;
    return sql`exists (select 1 from ${taskUnits} where ${taskUnits.taskId} = ${tasks.id} and ${inArray(taskUnits.unitId, actor.unitIds)})`;
  }
  return sql`${tasks.planId} in (select ${plans.id} from ${plans} where ${inArray(plans.regionId, actor.regionIds)})`;
}

/** What the actor may do with a visible task (reporting etc. arrive with the supervision loop). */
export function taskPermissions(actor: Actor, linkedUnitIds: number[]): { edit: boolean; report: boolean } {
  return {
    edit: actor.role === 'office',
    report: actor.role === 'unit' && linkedUnitIds.some((id) => actor.unitIds.includes(id)),
  };
}
