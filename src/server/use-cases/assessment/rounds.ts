/**
 * Evaluation rounds of a plan and the ranks entered for them. Every write is one transaction with
 * its audit row; ranks are checked against the round's field sizes (1—14, 1—86 …) before anything
 * is written, and a PUT replaces the whole list so the stored ranks are exactly what was sent.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { methodologyIds } from '../../../evaluation/index.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { ambientNow } from '../../../db/clock.ts';
import { audit } from '../../../db/audit.ts';
import { assessmentIndicatorRanks, assessmentPlaceRanks, assessmentRounds, type FieldSizes } from '../../../db/assessment-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertMayManageAssessment, loadAssessmentPlan, loadRound, type Plan, type Round } from '../../policies/assessment.policy.ts';
import { planIndicators, planPlaces } from './assessment-data.ts';
import { defaultFieldSizes, loadAssessmentSettings, SUBJECT_LABELS } from './assessment-settings.ts';

export interface RoundInput {
  title: string;
  period: string;
  methodologyKey?: string | null;
  methodologyVersion?: string | null;
  fieldSizes?: Partial<FieldSizes>;
}

export interface IndicatorRankInput { indicatorId: number; rank: number; score?: number | null }
export interface PlaceRankInput { regionId: number; rank: number; score?: number | null }

function checkMethodology(key: string | null | undefined): void {
  if (key && !methodologyIds().includes(key)) {
    throw appError('VALIDATION_FAILED', `未知的评价方法“${key}”，可用：${methodologyIds().join('、')}`, { field: 'methodologyKey' });
  }
}

async function assertTitleFree(tx: Tx, planId: number, title: string, exceptId = 0): Promise<void> {
  const [dup] = await tx.select({ id: assessmentRounds.id }).from(assessmentRounds)
    .where(and(eq(assessmentRounds.planId, planId), eq(assessmentRounds.title, title), ne(assessmentRounds.id, exceptId)));
  if (dup) throw appError('ASSESSMENT_ROUND_TITLE_TAKEN', `本方案已有评价轮次“${title}”`);
}

/** Creates a round; field sizes default to the plan's rule set (seed 000: 14 / 86 / 36 / 134). */
export async function createRound(db: Db, actor: Actor, planId: number, input: RoundInput, now: Date): Promise<Round> {
  return db.transaction(async (tx) => {
    const plan = await loadAssessmentPlan(tx, actor, planId);
    assertMayManageAssessment(actor, plan);
    checkMethodology(input.methodologyKey);
    await assertTitleFree(tx, plan.id, input.title);
    const { rules } = await loadAssessmentSettings(tx, plan.id);
    const fieldSizes = { ...defaultFieldSizes(rules), ...input.fieldSizes };
    const [round] = await tx.insert(assessmentRounds).values({
      planId: plan.id, title: input.title, period: input.period, methodologyKey: input.methodologyKey ?? null,
      methodologyVersion: input.methodologyVersion ?? null, fieldSizes, createdBy: actor.userId, createdAt: now, updatedAt: now,
    }).returning();
    if (!round) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'assessment.round.create', entity: 'assessment_round', entityId: round.id, details: { planId: plan.id, title: round.title } });
    return round;
  });
}

/** Rounds of a plan with how many ranks each holds. */
export async function listRounds(db: Db, actor: Actor, planId: number): Promise<{ plan: Plan; rounds: (Round & { indicatorRanks: number; placeRanks: number })[] }> {
  const plan = await loadAssessmentPlan(db, actor, planId);
  const rounds = await db.select().from(assessmentRounds).where(eq(assessmentRounds.planId, plan.id)).orderBy(asc(assessmentRounds.id));
  const ids = rounds.map((r) => r.id).concat(-1);
  const count = sql<number>`count(*)::int`;
  const ind = await db.select({ id: assessmentIndicatorRanks.roundId, n: count }).from(assessmentIndicatorRanks).where(inArray(assessmentIndicatorRanks.roundId, ids)).groupBy(assessmentIndicatorRanks.roundId);
  const pl = await db.select({ id: assessmentPlaceRanks.roundId, n: count }).from(assessmentPlaceRanks).where(inArray(assessmentPlaceRanks.roundId, ids)).groupBy(assessmentPlaceRanks.roundId);
  return { plan, rounds: rounds.map((r) => ({ ...r, indicatorRanks: ind.find((x) => x.id === r.id)?.n ?? 0, placeRanks: pl.find((x) => x.id === r.id)?.n ?? 0 })) };
}

/** Throws ASSESSMENT_RANK_INVALID unless rank is an integer in 1..total; `where` names the field or cell. */
export function checkRank(rank: number | null, total: number, subject: string, where: string): void {
  if (rank === null) return;
  if (!Number.isInteger(rank) || rank < 1 || rank > total) {
    throw appError('ASSESSMENT_RANK_INVALID', `${subject}的排名 ${rank} 不正确：应为 1—${total} 的整数（${where}）`, { where, subject, rank, total });
  }
}

/** Changes a round's title, period, methodology or field sizes; the entered ranks must still fit. */
export async function updateRound(db: Db, actor: Actor, roundId: number, input: Partial<RoundInput>, now: Date): Promise<Round> {
  return db.transaction(async (tx) => {
    const { round, plan } = await loadRound(tx, actor, roundId);
    assertMayManageAssessment(actor, plan);
    checkMethodology(input.methodologyKey);
    if (input.title !== undefined) await assertTitleFree(tx, plan.id, input.title, round.id);
    const fieldSizes = { ...round.fieldSizes, ...input.fieldSizes };
    const ind = await tx.select({ rank: assessmentIndicatorRanks.rank }).from(assessmentIndicatorRanks).where(eq(assessmentIndicatorRanks.roundId, round.id));
    for (const r of ind) checkRank(r.rank, fieldSizes.indicator, SUBJECT_LABELS.indicator, 'fieldSizes.indicator');
    const places = await tx.select({ rank: assessmentPlaceRanks.rank, kind: assessmentPlaceRanks.kind }).from(assessmentPlaceRanks).where(eq(assessmentPlaceRanks.roundId, round.id));
    for (const p of places) if (p.kind === 'county' || p.kind === 'district' || p.kind === 'park') checkRank(p.rank, fieldSizes[p.kind], SUBJECT_LABELS[p.kind], `fieldSizes.${p.kind}`);
    const { fieldSizes: _sizes, ...rest } = input;
    const [updated] = await tx.update(assessmentRounds).set({ ...rest, fieldSizes, updatedAt: now }).where(eq(assessmentRounds.id, round.id)).returning();
    if (!updated) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'assessment.round.update', entity: 'assessment_round', entityId: round.id, details: { ...input } });
    return updated;
  });
}

/** Checks indicator ranks against the plan and the field size; throws naming the item. */
export async function checkIndicatorRanks(tx: Db | Tx, round: Round, items: readonly IndicatorRankInput[], where: (i: number) => string): Promise<void> {
  const known = new Map((await planIndicators(tx, round.planId)).map((i) => [i.id, i.name]));
  const seen = new Set<number>();
  items.forEach((item, n) => {
    const name = known.get(item.indicatorId);
    if (name === undefined) throw appError('ASSESSMENT_SUBJECT_UNKNOWN', `指标 ${item.indicatorId} 不是本方案的评价指标（${where(n)}）`, { where: where(n) });
    if (seen.has(item.indicatorId)) throw appError('VALIDATION_FAILED', `指标“${name}”重复（${where(n)}）`, { where: where(n) });
    seen.add(item.indicatorId);
    checkRank(item.rank, round.fieldSizes.indicator, `指标“${name}”`, where(n));
  });
}

/** Checks place ranks against the plan's places and their field sizes; returns each place's kind. */
export async function checkPlaceRanks(tx: Db | Tx, round: Round, plan: Plan, items: readonly PlaceRankInput[], where: (i: number) => string): Promise<Map<number, 'county' | 'district' | 'park'>> {
  const known = new Map((await planPlaces(tx, plan)).map((p) => [p.regionId, p]));
  const kinds = new Map<number, 'county' | 'district' | 'park'>();
  items.forEach((item, n) => {
    const place = known.get(item.regionId);
    if (!place) throw appError('ASSESSMENT_SUBJECT_UNKNOWN', `地区 ${item.regionId} 不是本方案所辖的县市区或园区（${where(n)}）`, { where: where(n) });
    if (kinds.has(item.regionId)) throw appError('VALIDATION_FAILED', `“${place.name}”重复（${where(n)}）`, { where: where(n) });
    kinds.set(item.regionId, place.kind);
    checkRank(item.rank, round.fieldSizes[place.kind], `${SUBJECT_LABELS[place.kind]}“${place.name}”`, where(n));
  });
  return kinds;
}

/** Replaces the round's indicator ranks and/or place ranks (already checked) in the caller's transaction. */
export async function replaceRanks(tx: Tx, roundId: number, ranks: { indicators?: readonly IndicatorRankInput[]; places?: readonly (PlaceRankInput & { kind: 'county' | 'district' | 'park' })[] }): Promise<void> {
  if (ranks.indicators) {
    await tx.delete(assessmentIndicatorRanks).where(eq(assessmentIndicatorRanks.roundId, roundId));
    if (ranks.indicators.length) await tx.insert(assessmentIndicatorRanks).values(ranks.indicators.map((i) => ({ roundId, indicatorId: i.indicatorId, rank: i.rank, score: i.score ?? null })));
  }
  if (ranks.places) {
    await tx.delete(assessmentPlaceRanks).where(eq(assessmentPlaceRanks.roundId, roundId));
    if (ranks.places.length) await tx.insert(assessmentPlaceRanks).values(ranks.places.map((p) => ({ roundId, regionId: p.regionId, kind: p.kind, rank: p.rank, score: p.score ?? null })));
  }
  await tx.update(assessmentRounds).set({ updatedAt: ambientNow() }).where(eq(assessmentRounds.id, roundId));
}

/** PUT of the city's indicator ranks (the whole list). */
export async function putIndicatorRanks(db: Db, actor: Actor, roundId: number, items: IndicatorRankInput[]): Promise<void> {
  await db.transaction(async (tx) => {
    const { round, plan } = await loadRound(tx, actor, roundId);
    assertMayManageAssessment(actor, plan);
    await checkIndicatorRanks(tx, round, items, (n) => `items[${n}]`);
    await replaceRanks(tx, round.id, { indicators: items });
    await audit(tx, { actorUserId: actor.userId, action: 'assessment.indicator-ranks.put', entity: 'assessment_round', entityId: round.id, details: { count: items.length } });
  });
}

/** PUT of the ranks of the counties, districts and parks (the whole list). */
export async function putPlaceRanks(db: Db, actor: Actor, roundId: number, items: PlaceRankInput[]): Promise<void> {
  await db.transaction(async (tx) => {
    const { round, plan } = await loadRound(tx, actor, roundId);
    assertMayManageAssessment(actor, plan);
    const kinds = await checkPlaceRanks(tx, round, plan, items, (n) => `items[${n}]`);
    await replaceRanks(tx, round.id, { places: items.map((p) => ({ ...p, kind: kinds.get(p.regionId) ?? 'county' })) });
    await audit(tx, { actorUserId: actor.userId, action: 'assessment.place-ranks.put', entity: 'assessment_round', entityId: round.id, details: { count: items.length } });
  });
}
