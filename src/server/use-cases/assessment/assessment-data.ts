/**
 * Reading what a round's results are computed from: the plan's indicators with the lead and
 * responsible units of their tasks (task_units), the places of the plan's region (counties,
 * districts, parks) and the ranks entered for the round.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { assessmentIndicatorRanks, assessmentPlaceRanks } from '../../../db/assessment-schema.ts';
import { indicators, regions, taskUnits, tasks, units } from '../../../db/schema.ts';
import type { Plan, Round } from '../../policies/assessment.policy.ts';
import { loadAssessmentSettings, PLACE_KINDS, type PlaceKind } from './assessment-settings.ts';
import type { AssessmentData, UnitRef } from './results-compute.ts';

/** The plan's evaluation indicators (sections of prose plans are not ranked) with their task units. */
export async function planIndicators(db: Db | Tx, planId: number): Promise<Omit<AssessmentData['indicators'][number], 'rank' | 'score'>[]> {
  const rows = await db.select({ id: indicators.id, seq: indicators.seq, name: indicators.name, annualTarget: indicators.annualTarget })
    .from(indicators).where(and(eq(indicators.planId, planId), eq(indicators.kind, 'indicator'))).orderBy(asc(indicators.seq));
  const links = rows.length === 0 ? [] : await db
    .select({ indicatorId: tasks.indicatorId, role: taskUnits.role, unitId: units.id, name: units.name })
    .from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(inArray(tasks.indicatorId, rows.map((r) => r.id)))
    .orderBy(asc(tasks.seq), asc(taskUnits.role), asc(taskUnits.position));
  return rows.map((r) => {
    const add = (list: UnitRef[], u: { unitId: number; name: string }): void => {
      if (!list.some((x) => x.id === u.unitId)) list.push({ id: u.unitId, name: u.name });
    };
    const leadUnits: UnitRef[] = [];
    const responsibleUnits: UnitRef[] = [];
    for (const l of links) if (l.indicatorId === r.id) add(l.role === 'lead' ? leadUnits : responsibleUnits, l);
    return { ...r, leadUnits, responsibleUnits };
  });
}

/** Counties, districts and parks under the plan's region, in tree order (id). */
export async function planPlaces(db: Db | Tx, plan: Plan): Promise<{ regionId: number; name: string; kind: PlaceKind }[]> {
  const all = await db.select({ regionId: regions.id, name: regions.name, kind: regions.level, parentId: regions.parentId }).from(regions).orderBy(asc(regions.id));
  // Regions are few (hundreds): walk the tree in memory rather than a recursive query.
  const inTree = new Set([plan.regionId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of all) {
      if (r.parentId === null || !inTree.has(r.parentId) || inTree.has(r.regionId)) continue;
      inTree.add(r.regionId);
      grew = true;
    }
  }
  return all.filter((r): r is typeof r & { kind: PlaceKind } => inTree.has(r.regionId) && (PLACE_KINDS as readonly string[]).includes(r.kind))
    .map(({ regionId, name, kind }) => ({ regionId, name, kind }));
}

/** Everything the results of a round are computed from. */
export async function loadAssessmentData(db: Db | Tx, round: Round, plan: Plan): Promise<AssessmentData> {
  const settings = await loadAssessmentSettings(db, plan.id);
  const indicatorRanks = await db.select().from(assessmentIndicatorRanks).where(eq(assessmentIndicatorRanks.roundId, round.id));
  const placeRanks = await db.select().from(assessmentPlaceRanks).where(eq(assessmentPlaceRanks.roundId, round.id));
  const byIndicator = new Map(indicatorRanks.map((r) => [r.indicatorId, r]));
  const byPlace = new Map(placeRanks.map((r) => [r.regionId, r]));
  return {
    round: {
      id: round.id, planId: round.planId, title: round.title, period: round.period,
      methodologyKey: round.methodologyKey, methodologyVersion: round.methodologyVersion, fieldSizes: round.fieldSizes,
    },
    rules: settings.rules,
    bands: settings.bands,
    indicators: (await planIndicators(db, plan.id)).map((i) => ({ ...i, rank: byIndicator.get(i.id)?.rank ?? null, score: byIndicator.get(i.id)?.score ?? null })),
    places: (await planPlaces(db, plan)).map((p) => ({ ...p, rank: byPlace.get(p.regionId)?.rank ?? null, score: byPlace.get(p.regionId)?.score ?? null })),
  };
}
