/**
 * Progress reports: who files, who consolidates, who reviews and who may see them.
 * - A unit user files for its own unit on tasks its unit (or a collective it belongs to) leads
 *   or shares; on a task its unit leads it files the consolidated report (role lead).
 * - The lead unit sees its task's responsible reports (to consolidate) and may return them.
 * - The office reviews lead reports within its region; leaders read; others get 404.
 */
import { and, inArray, or, sql, type SQL } from 'drizzle-orm';
import { plans, taskUnits, tasks, unitMemberships } from '../../db/schema.ts';
import { progressReports } from '../../db/supervision-schema.ts';
import type { Actor } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';
import { anyOf } from '../../db/queries/any-of.ts';

export interface TaskLink { unitId: number; role: 'lead' | 'responsible' }

/** Whether the actor files progress reports at all: a unit user with a unit. */
export function mayFileReports(actor: Actor): boolean {
  return actor.role === 'unit' && actor.unit !== null;
}

/** The role in which the actor's unit reports on a task, or null when it may not report. */
export function reportingRole(actor: Actor, links: TaskLink[]): 'lead' | 'responsible' | null {
  if (!mayFileReports(actor)) return null;
  const mine = links.filter((l) => actor.unitIds.includes(l.unitId));
  if (mine.some((l) => l.role === 'lead')) return 'lead';
  return mine.length ? 'responsible' : null;
}

/** Throws FORBIDDEN unless the actor may file reports on the task. */
export function assertMayReport(actor: Actor, links: TaskLink[]): { unitId: number; role: 'lead' | 'responsible' } {
  const role = reportingRole(actor, links);
  if (!role || !actor.unit) throw appError('FORBIDDEN', '只有任务的牵头单位或责任单位可以填报进展');
  return { unitId: actor.unit.id, role };
}

/**
 * SQL condition on `progress_reports` selecting the reports the actor may see. A unit sees its own;
 * on a task its own unit leads, every report (it consolidates them). On a task a collective it
 * belongs to leads (各县市区政府), each member reports for itself as lead: it sees the responsible
 * units' reports but never a fellow member's (the counties of a city are ranked against each other).
 */
export function visibleReports(actor: Actor): SQL {
  if (actor.role === 'unit') {
    if (!actor.unit) return sql`false`;
    const own = sql`${progressReports.unitId} = ${actor.unit.id}`;
    const ledByUnit = sql`${progressReports.taskId} in (select ${taskUnits.taskId} from ${taskUnits} where ${taskUnits.role} = 'lead' and ${taskUnits.unitId} = ${actor.unit.id})`;
    const collectives = actor.unitIds.filter((id) => id !== actor.unit?.id);
    if (!collectives.length) return or(own, ledByUnit) ?? sql`false`;
    const ledByCollective = and(
      sql`${progressReports.taskId} in (select ${taskUnits.taskId} from ${taskUnits} where ${taskUnits.role} = 'lead' and ${inArray(taskUnits.unitId, collectives)})`,
      sql`${progressReports.role} = 'responsible'`,
      sql`${progressReports.unitId} not in (select ${unitMemberships.memberId} from ${unitMemberships} where ${inArray(unitMemberships.collectiveId, collectives)})`,
    );
    return or(own, ledByUnit, ledByCollective) ?? sql`false`;
  }
  return sql`${progressReports.taskId} in (select ${tasks.id} from ${tasks} join ${plans} on ${plans.id} = ${tasks.planId} where ${anyOf(plans.regionId, actor.regionIds)})`;
}

/** Whether the actor may review (accept/return) a submitted report of the given role on a task. */
export function mayReview(actor: Actor, reportRole: 'lead' | 'responsible', links: TaskLink[]): boolean {
  if (reportRole === 'lead') return actor.role === 'office';
  // The lead unit reviews its responsible units' reports before consolidating.
  return reportingRole(actor, links) === 'lead';
}

/** Only offices decide on completion, extensions and supervision orders. */
export function assertOffice(actor: Actor): void {
  if (actor.role !== 'office') throw appError('FORBIDDEN');
}

/** What the server knows of a report that decides what may be done with it. */
export interface ReportFacts {
  role: 'lead' | 'responsible';
  state: 'draft' | 'submitted' | 'returned' | 'accepted';
  status: 'not_started' | 'in_progress' | 'done' | 'blocked';
  /** The links of the report's task (who leads, who shares). */
  links: TaskLink[];
  taskCompleted: boolean;
}

export interface ReportPermissions {
  /** 通过 / 退回: a submitted report, by the office (lead reports) or the lead unit (responsible ones). */
  review: boolean;
  /** 办结审核 on the strength of this report: an accepted lead report saying 已完成, task not yet completed. */
  completeTask: boolean;
}

/** What the actor may do with a report it sees (sent with the record as `permissions`). */
export function reportPermissions(actor: Actor, report: ReportFacts): ReportPermissions {
  return {
    review: report.state === 'submitted' && mayReview(actor, report.role, report.links),
    completeTask: actor.role === 'office' && report.role === 'lead' && report.state === 'accepted' && report.status === 'done' && !report.taskCompleted,
  };
}

/** Whether the actor may read the queue of reports awaiting review (units never: 403). */
export function mayReadReviewQueue(actor: Actor): boolean {
  return actor.role !== 'unit';
}
