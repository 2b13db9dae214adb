/**
 * Who may see tasks: offices and leaders every task of the plans in their region subtree; a unit
 * only the tasks its unit (or a collective it belongs to, like 各县市区政府) leads or shares.
 * And what the actor may do with a task it sees (sent to the UI with the task as `permissions`).
 */
import { sql, type SQL } from 'drizzle-orm';
import { anyOf } from '../../db/queries/any-of.ts';
import { mayAskExtension } from '../../domain/supervision/due-dates.ts';
import { plans, taskUnits, tasks } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { reportingRole, type TaskLink } from './report.policy.ts';
import { maySupervise } from './supervision.policy.ts';

/** SQL condition on `tasks` selecting the tasks the actor may see. */
export function visibleTasks(actor: Actor): SQL {
  if (actor.role === 'unit') {
    if (actor.unitIds.length === 0) return sql`false`;
    return sql`exists (select 1 from ${taskUnits} where ${taskUnits.taskId} = ${tasks.id} and ${anyOf(taskUnits.unitId, actor.unitIds)})`;
  }
  return sql`${tasks.planId} in (select ${plans.id} from ${plans} where ${anyOf(plans.regionId, actor.regionIds)})`;
}

/** What the server knows of a task's state that decides what may be done with it. */
export interface TaskFacts {
  links: TaskLink[];
  /** The current due date (after an approved extension), null for a task without one. */
  dueOn: string | null;
  completed: boolean;
  /** The lead unit's latest accepted report says 已完成 (the evidence for 办结). */
  leadReportedDone: boolean;
  /** Today in China (the injectable clock). */
  today: string;
}

export interface TaskPermissions {
  /** 修改任务 (offices). */
  edit: boolean;
  /** 填报进展: the actor's unit (or its collective) leads or shares the task. */
  report: boolean;
  /** 汇总: the actor's unit leads the task and consolidates the responsible units' reports. */
  consolidate: boolean;
  /** 申请延期: a reporting unit, not yet completed, with a due date not yet passed. */
  requestExtension: boolean;
  /** 催办 / 督办单 (offices). */
  urge: boolean;
  /** 办结审核 (offices), once the lead unit's accepted report says 已完成. */
  complete: boolean;
}

/** What the actor may do with a visible task. */
export function taskPermissions(actor: Actor, facts: TaskFacts): TaskPermissions {
  const office = actor.role === 'office';
  const role = reportingRole(actor, facts.links);
  const report = role !== null;
  return {
    edit: office,
    report,
    consolidate: role === 'lead',
    requestExtension: report && mayAskExtension(facts.dueOn, facts.completed, facts.today),
    urge: maySupervise(actor),
    complete: office && !facts.completed && facts.leadReportedDone,
  };
}
