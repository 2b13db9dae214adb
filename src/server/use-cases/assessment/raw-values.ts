/**
 * Raw indicator data of a round (per place, topic and component) and the methodology scores
 * computed from it with the evaluation engine. Stored values are validated against the round's
 * methodology on write, so a stored round always scores; scores are computed on read.
 */
import { asc, eq } from 'drizzle-orm';
import { evaluate, getMethodology, validateEvaluationInput, type EvaluationResult } from '../../../evaluation/index.ts';
import { isAppError } from '../../../domain/errors.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { assessmentRawValues } from '../../../db/assessment-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertMayManageAssessment, loadRound, type Round } from '../../policies/assessment.policy.ts';

export interface RawValue { place: string; topic: string; component: string; value: number | string | null }

function methodologyOf(round: Round): string {
  if (!round.methodologyKey) throw appError('VALIDATION_FAILED', '该评价轮次未指定评价方法（如 db2020、china_template），无法按原始数据计分', { field: 'methodologyKey' });
  return round.methodologyKey;
}

/** Groups raw values into the engine's input: one place per name, topics of components. */
function evaluationInput(methodology: string, values: readonly RawValue[]): unknown {
  const places = new Map<string, Record<string, Record<string, number | string | null>>>();
  for (const v of values) {
    const topics = places.get(v.place) ?? {};
    (topics[v.topic] ??= {})[v.component] = v.value;
    places.set(v.place, topics);
  }
  return { methodology, places: [...places.entries()].map(([id, topics]) => ({ id, topics })), groups: [] };
}

/** Replaces the round's raw data after validating it against the methodology; one transaction. */
export async function putRawValues(db: Db, actor: Actor, roundId: number, values: RawValue[]): Promise<void> {
  const { round, plan } = await loadRound(db, actor, roundId);
  assertMayManageAssessment(actor, plan);
  const methodology = methodologyOf(round);
  getMethodology(methodology);
  try {
    validateEvaluationInput(evaluationInput(methodology, values));
  } catch (e) {
    // The engine names the place, topic and key; the client sent them, so it is a 400.
    if (isAppError(e)) throw appError('VALIDATION_FAILED', e.message, { ...e.details, engineCode: e.code });
    throw e;
  }
  await db.transaction(async (tx) => {
    await tx.delete(assessmentRawValues).where(eq(assessmentRawValues.roundId, roundId));
    if (values.length) await tx.insert(assessmentRawValues).values(values.map((v) => ({ roundId, ...v })));
    await audit(tx, { actorUserId: actor.userId, action: 'assessment.raw_values', entity: 'assessment_round', entityId: roundId, details: { count: values.length, places: new Set(values.map((v) => v.place)).size } });
  });
}

/** The round's raw data and the scores and ranks the methodology gives it. */
export async function rawScores(db: Db, actor: Actor, roundId: number): Promise<{ values: RawValue[]; result: EvaluationResult | null }> {
  const { round } = await loadRound(db, actor, roundId);
  const rows = await db.select().from(assessmentRawValues).where(eq(assessmentRawValues.roundId, roundId))
    .orderBy(asc(assessmentRawValues.place), asc(assessmentRawValues.topic), asc(assessmentRawValues.component));
  const values = rows.map((r) => ({ place: r.place, topic: r.topic, component: r.component, value: r.value ?? null }));
  if (!values.length || !round.methodologyKey) return { values, result: null };
  return { values, result: evaluate(validateEvaluationInput(evaluationInput(round.methodologyKey, values))) };
}
