/**
 * 表彰通报 input (seed 004). The results it commends come from one function, `assessmentResults`:
 * the results the caller passes in (an office typing the province's published ranks), otherwise
 * the plan's assessment round for the period; the evaluation engine then picks the candidates
 * (indicators that reached their annual target or were named 先进标杆, places ranked at the top).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Period } from '../../../domain/supervision/periods.ts';
import type { Db } from '../../../db/client.ts';
import { assessmentIndicatorRanks, assessmentPlaceRanks, assessmentRounds } from '../../../db/assessment-schema.ts';
import { indicators, regions, taskUnits, tasks, units } from '../../../db/schema.ts';
import { commendationCandidates, type IndicatorAchievement, type PlaceAchievement } from '../../../evaluation/index.ts';
import type { CommendationData } from '../../../reports/index.ts';
import { appError } from '../../../domain/errors.ts';
import { issueInfo, type PlanWithRegion } from './issuing-office.ts';

/** Results typed in by the caller: indicator ranks by plan seq and place ranks by name. */
export interface CommendationResultsInput {
  indicators: { seq: number; rank: number | null; benchmark?: boolean }[];
  places: { name: string; kind: string; rank: number | null }[];
}

/** Indicator ranks (by seq) and place ranks behind one door, so the source can change later. */
export async function assessmentResults(db: Db, planId: number, period: Period, given?: CommendationResultsInput): Promise<CommendationResultsInput> {
  if (given) return given;
  const [round] = await db.select({ id: assessmentRounds.id }).from(assessmentRounds)
    .where(and(eq(assessmentRounds.planId, planId), eq(assessmentRounds.period, period.key))).orderBy(desc(assessmentRounds.id)).limit(1);
  if (!round) throw appError('DOCUMENT_DATA_MISSING', `${period.label}尚无评价结果：请先录入评价结果，或在请求中提供 results（各指标排名、各地排名）`, { field: 'results' });
  const inds = await db.select({ seq: indicators.seq, rank: assessmentIndicatorRanks.rank }).from(assessmentIndicatorRanks)
    .innerJoin(indicators, eq(indicators.id, assessmentIndicatorRanks.indicatorId)).where(eq(assessmentIndicatorRanks.roundId, round.id));
  const places = await db.select({ name: regions.name, kind: assessmentPlaceRanks.kind, rank: assessmentPlaceRanks.rank }).from(assessmentPlaceRanks)
    .innerJoin(regions, eq(regions.id, assessmentPlaceRanks.regionId)).where(eq(assessmentPlaceRanks.roundId, round.id));
  return { indicators: inds, places };
}

/** The indicator's 重点责任单位: the responsible units named most often across its tasks (up to four). */
async function keyResponsibleUnits(db: Db, planId: number): Promise<Map<number, string[]>> {
  const rows = await db.select({ indicatorId: tasks.indicatorId, name: units.name }).from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(and(eq(tasks.planId, planId), inArray(taskUnits.role, ['responsible']))).orderBy(asc(tasks.seq), asc(taskUnits.position));
  const counts = new Map<number, Map<string, number>>();
  for (const r of rows) {
    if (r.indicatorId === null) continue;
    const c = counts.get(r.indicatorId) ?? new Map<string, number>();
    c.set(r.name, (c.get(r.name) ?? 0) + 1);
    counts.set(r.indicatorId, c);
  }
  // Map keeps first-mention order, and sort is stable: ties stay in plan order.
  return new Map([...counts].map(([id, c]) => [id, [...c].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([n]) => n)]));
}

/** The 表彰通报 of a period from the assessment results and the plan's indicators. */
export async function commendationData(db: Db, plan: PlanWithRegion, period: Period, today: string, given?: CommendationResultsInput): Promise<CommendationData> {
  const results = await assessmentResults(db, plan.id, period, given);
  const inds = await db.select().from(indicators).where(eq(indicators.planId, plan.id)).orderBy(asc(indicators.seq));
  const key = await keyResponsibleUnits(db, plan.id);
  const achievements: IndicatorAchievement[] = inds.map((i) => {
    const r = results.indicators.find((x) => x.seq === i.seq);
    return {
      indicator: i.name, seq: i.seq, rank: r?.rank ?? null, annualTarget: i.annualTarget, benchmark: r?.benchmark ?? false,
      leadUnits: i.leadUnits, keyResponsibleUnits: key.get(i.id) ?? [],
    };
  });
  const places: PlaceAchievement[] = results.places.map((p) => ({ kind: p.kind, name: p.name, rank: p.rank }));
  const picked = commendationCandidates(achievements, places);
  const year = Number(period.start.slice(0, 4));
  return {
    issue: issueInfo(plan, today),
    title: `关于对${year}年度优化营商环境工作成绩突出单位予以通报表扬的通报`,
    preamble: [`${period.label}，各地各部门认真落实《${plan.title}》部署要求，攻坚克难、担当作为，我${plan.regionLevel === 'province' ? '省' : '市'}营商环境评价取得较好成绩。为表扬先进、激励担当，经研究，决定对以下单位予以通报表扬。`],
    indicatorAwards: picked.indicatorAwards.map((a) => ({ indicator: a.indicator, leadUnits: a.leadUnits, keyResponsibleUnits: a.keyResponsibleUnits })),
    placeAwards: picked.placeAwards.map((p) => ({ name: p.name, rank: p.rank })),
    supportText: null,
    supportUnits: [],
    closing: ['希望受到表扬的单位珍惜荣誉、再接再厉，在优化营商环境工作中发挥示范带动作用。各地各部门要以先进为榜样，对标一流、真抓实干，推动营商环境持续优化。'],
    practices: [],
  };
}
