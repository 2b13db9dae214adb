/**
 * Who may see and change assessment data (rounds, ranks, results, unit assessment, weights).
 * Offices write within their region subtree; leaders read; units never see assessment data, and
 * for them it does not exist (404, never 403), like anything else outside their scope.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { assessmentRounds } from '../../db/assessment-schema.ts';
import { plans } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';
import { visiblePlan, visiblePlans } from './plan.policy.ts';

export type Plan = typeof plans.$inferSelect;
export type Round = typeof assessmentRounds.$inferSelect;

/** Whether the actor may see assessment data of a plan in its scope at all. */
export function mayReadAssessment(actor: Actor): boolean {
  return actor.role === 'office' || actor.role === 'leader';
}

/** What the actor may do with a plan's assessment (sent to the UI with the record). */
export function assessmentPermissions(actor: Actor, plan: { regionId: number }): { manage: boolean } {
  return { manage: mayManageAssessment(actor) && actor.regionIds.includes(plan.regionId) };
}

/** Whether the actor maintains assessment data at all (offices, each over its region subtree). */
export function mayManageAssessment(actor: Actor): boolean {
  return actor.role === 'office';
}

/** Throws FORBIDDEN unless the actor may change the plan's assessment data (an office over its region). */
export function assertMayManageAssessment(actor: Actor, plan: { regionId: number }): void {
  if (!assessmentPermissions(actor, plan).manage) throw appError('FORBIDDEN', '只有本区域的优化办可以维护评价数据');
}

/** Loads a plan whose assessment the actor may read, or PLAN_NOT_FOUND. */
export async function loadAssessmentPlan(db: Db | Tx, actor: Actor, planId: number): Promise<Plan> {
  if (!mayReadAssessment(actor)) throw appError('PLAN_NOT_FOUND');
  const [plan] = await db.select().from(plans).where(visiblePlan(actor, planId));
  if (!plan) throw appError('PLAN_NOT_FOUND');
  return plan;
}

/** Loads a round (with its plan) the actor may read, or ASSESSMENT_ROUND_NOT_FOUND. */
export async function loadRound(db: Db | Tx, actor: Actor, roundId: number): Promise<{ round: Round; plan: Plan }> {
  if (!mayReadAssessment(actor)) throw appError('ASSESSMENT_ROUND_NOT_FOUND');
  const [row] = await db.select({ round: assessmentRounds, plan: plans }).from(assessmentRounds)
    .innerJoin(plans, eq(plans.id, assessmentRounds.planId))
    .where(and(eq(assessmentRounds.id, roundId), visiblePlans(actor)));
  if (!row) throw appError('ASSESSMENT_ROUND_NOT_FOUND');
  return row;
}
