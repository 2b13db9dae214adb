/**
 * A plan's assessment settings: its own consequence rules (none until the office sets them — seed
 * 000's are a template, never a default), and with their defaults the bands
 * (等次) per subject and the unit assessment weights. Stored values are validated again on read,
 * so a bad row fails loudly rather than being silently replaced by a default.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DEFAULT_ASSESSMENT_WEIGHTS, parseBands, parseConsequenceRules, rulesForPlan } from '../../../evaluation/index.ts';
import type { AssessmentWeights, Band, ConsequenceRuleSet } from '../../../evaluation/index.ts';
import { AssessmentWeightsSchema } from '../../../evaluation/unit-assessment.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { planAssessmentSettings, type FieldSizes } from '../../../db/assessment-schema.ts';
import { audit } from '../../../db/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertMayManageAssessment, loadAssessmentPlan } from '../../policies/assessment.policy.ts';

/** Bands per subject (indicator, county, district, park). */
export type BandSet = Record<string, Band[]>;

const rank = (from: number, to?: number) => ({ kind: 'rank-range' as const, from, ...(to === undefined ? {} : { to }) });

/**
 * Seed 000 names only the 良好等次 ranges (indicators 11—14, counties 62—86, districts 27—36,
 * parks 94—134); the ranks above them are the better band, which we call 优秀.
 */
export const DEFAULT_BANDS: BandSet = {
  indicator: [{ key: 'excellent', label: '优秀', when: rank(1, 10) }, { key: 'good', label: '良好', when: rank(11) }],
  county: [{ key: 'excellent', label: '优秀', when: rank(1, 61) }, { key: 'good', label: '良好', when: rank(62) }],
  district: [{ key: 'excellent', label: '优秀', when: rank(1, 26) }, { key: 'good', label: '良好', when: rank(27) }],
  park: [{ key: 'excellent', label: '优秀', when: rank(1, 93) }, { key: 'good', label: '良好', when: rank(94) }],
};

/** The place kinds a round ranks, in the order tables and sheets show them. */
export const PLACE_KINDS = ['county', 'district', 'park'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Chinese names of the subjects, for tables and sheets. */
export const SUBJECT_LABELS: Record<'indicator' | PlaceKind, string> = { indicator: '评价指标', county: '县市', district: '市辖区', park: '园区' };

/** Field sizes from a rule set (14 / 86 / 36 / 134 for seed 000; Hunan's sizes when the plan has no rules). */
export function defaultFieldSizes(rules: ConsequenceRuleSet | null): FieldSizes {
  const size = (k: string, fallback: number): number => rules?.subjects[k]?.total ?? fallback;
  return { indicator: size('indicator', 14), county: size('county', 86), district: size('district', 36), park: size('park', 134) };
}

/** Validates a band set: every subject's list by the engine's band schema. */
export function parseBandSet(data: unknown): BandSet {
  const record = z.record(z.string(), z.unknown()).parse(data);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, parseBands(v)]));
}

export interface AssessmentSettings {
  /** null: the plan has no assessment rules, so no consequences are computed. */
  rules: ConsequenceRuleSet | null;
  bands: BandSet;
  weights: AssessmentWeights;
  /** Which values are the plan's own (false = default). */
  custom: { rules: boolean; bands: boolean; weights: boolean };
}

/** The plan's settings, defaults filled in. */
export async function loadAssessmentSettings(db: Db | Tx, planId: number): Promise<AssessmentSettings> {
  const [row] = await db.select().from(planAssessmentSettings).where(eq(planAssessmentSettings.planId, planId));
  const stored = { rules: row?.consequenceRules ?? null, bands: row?.bands ?? null, weights: row?.unitWeights ?? null };
  return {
    rules: rulesForPlan({ consequenceRules: stored.rules }),
    bands: stored.bands === null ? DEFAULT_BANDS : parseBandSet(stored.bands),
    weights: stored.weights === null ? DEFAULT_ASSESSMENT_WEIGHTS : AssessmentWeightsSchema.parse(stored.weights),
    custom: { rules: stored.rules !== null, bands: stored.bands !== null, weights: stored.weights !== null },
  };
}

/** Writes some settings of a plan (undefined = unchanged, null = none for rules, back to the default otherwise). */
export async function saveAssessmentSettings(
  tx: Tx,
  planId: number,
  values: { consequenceRules?: unknown; bands?: unknown; unitWeights?: unknown },
  now: Date,
): Promise<void> {
  const set = { ...values, updatedAt: now };
  await tx.insert(planAssessmentSettings).values({ planId, ...set }).onConflictDoUpdate({ target: planAssessmentSettings.planId, set });
}

/** Sets a plan's consequence rules and/or bands (validated by the engine; null = no rules / default bands). */
export async function putAssessmentRules(
  db: Db,
  actor: Actor,
  planId: number,
  input: { consequenceRules?: unknown; bands?: unknown },
  now: Date,
): Promise<AssessmentSettings> {
  return db.transaction(async (tx) => {
    const plan = await loadAssessmentPlan(tx, actor, planId);
    assertMayManageAssessment(actor, plan);
    const rules = input.consequenceRules === undefined || input.consequenceRules === null ? input.consequenceRules : parseConsequenceRules(input.consequenceRules);
    const values: { consequenceRules?: unknown; bands?: unknown } = {};
    if (rules !== undefined) values.consequenceRules = rules;
    if (input.bands !== undefined) values.bands = input.bands === null ? null : parseBandSet(input.bands);
    await saveAssessmentSettings(tx, plan.id, values, now);
    // The audit names the rule set and its basis, so "who made 永州 cite which 文号" is answerable.
    const rulesNote = rules === undefined ? 'unchanged' : rules === null ? 'none' : { id: rules.id, label: rules.label, source: rules.source ?? null, count: rules.rules.length };
    const bandsNote = values.bands === undefined ? 'unchanged' : values.bands === null ? 'default' : 'custom';
    await audit(tx, { actorUserId: actor.userId, action: 'assessment.rules.put', entity: 'plan', entityId: plan.id, details: { rules: rulesNote, bands: bandsNote } });
    return loadAssessmentSettings(tx, plan.id);
  });
}
