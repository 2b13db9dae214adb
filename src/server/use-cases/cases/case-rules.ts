/** A plan's case rules (working days by kind, 临期, linked task lights), with the defaults. */
import { eq } from 'drizzle-orm';
import { DEFAULT_CASE_RULES, type CaseRules, type TaskLightRule } from '../../../domain/cases/case-light.ts';
import { CASE_KINDS } from '../../../domain/cases/case-model.ts';
import { audit } from '../../../db/audit.ts';
import { planCaseRules } from '../../../db/case-schema.ts';
import type { Db, Tx } from '../../../db/client.ts';
import type { Actor } from '../../auth/actor.ts';
import { markPlanLightsStale } from '../supervision/lights.ts';

/** The rules of a plan (defaults without a plan or without a saved row). */
export async function caseRulesOf(db: Db | Tx, planId: number | null): Promise<CaseRules> {
  if (planId === null) return DEFAULT_CASE_RULES;
  const [row] = await db.select().from(planCaseRules).where(eq(planCaseRules.planId, planId));
  if (!row) return DEFAULT_CASE_RULES;
  const kindWorkdays = { ...DEFAULT_CASE_RULES.kindWorkdays };
  for (const k of CASE_KINDS) if (typeof row.kindWorkdays[k] === 'number') kindWorkdays[k] = row.kindWorkdays[k];
  return { kindWorkdays, nearWorkdays: row.nearWorkdays, taskLightRule: row.taskLightRule as TaskLightRule };
}

/** Saves a plan's case rules (the office; the caller checked the plan is in its scope). */
export async function saveCaseRules(tx: Tx, actor: Actor, planId: number, rules: CaseRules): Promise<CaseRules> {
  const values = { kindWorkdays: rules.kindWorkdays, nearWorkdays: rules.nearWorkdays, taskLightRule: rules.taskLightRule };
  await tx.insert(planCaseRules).values({ planId, ...values }).onConflictDoUpdate({ target: planCaseRules.planId, set: values });
  // The rule decides how cases weigh on the plan's lights: the stored ones are recomputed on next read.
  await markPlanLightsStale(tx, planId);
  await audit(tx, { actorUserId: actor.userId, action: 'plan.case_rules', entity: 'plan', entityId: planId, details: { ...values } });
  return caseRulesOf(tx, planId);
}
