/**
 * 表彰通报 input (seed 004). The results it commends come from one function, `assessmentResults`:
 * the results the caller passes in (an office typing the province's published ranks), otherwise
 * the plan's assessment round for the period; the evaluation engine then picks the candidates
 * (indicators that reached their annual target or were named 先进标杆, places ranked at the top).
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Period } from '../../../domain/supervision/periods.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { assessmentIndicatorRanks, assessmentPlaceRanks, assessmentRounds, type FieldSizes } from '../../../db/assessment-schema.ts';
import { indicators, regions, taskUnits, tasks, units } from '../../../db/schema.ts';
import { commendationCandidates, parseAnnualTarget, type IndicatorAchievement, type PlaceAchievement } from '../../../evaluation/index.ts';
import { indicatorWorstLaggards, officeTodo, type CommendationData } from '../../../reports/index.ts';
import { appError } from '../../../domain/errors.ts';
import { chineseNumber } from '../../../domain/documents/document-structure.ts';
import { issueInfo, type PlanWithRegion } from './issuing-office.ts';
import { practiceAttachment, type PracticeAward } from './commendation-practices.ts';
import { reportDate } from './progress-data.ts';
import { planProgress } from './task-progress.ts';

/** Results typed in by the caller: indicator ranks by plan seq and place ranks by name. */
export interface CommendationResultsInput {
  indicators: { seq: number; rank: number | null; benchmark?: boolean }[];
  places: { name: string; kind: string; rank: number | null }[];
}

/** Indicator ranks (by seq) and place ranks behind one door, so the source can change later. */
export async function assessmentResults(db: Db, planId: number, period: Period, given?: CommendationResultsInput): Promise<CommendationResultsInput & { fieldSizes?: FieldSizes }> {
  if (given) return given;
  const [round] = await db.select({ id: assessmentRounds.id, fieldSizes: assessmentRounds.fieldSizes }).from(assessmentRounds)
    .where(and(eq(assessmentRounds.planId, planId), eq(assessmentRounds.period, period.key))).orderBy(desc(assessmentRounds.id)).limit(1);
  if (!round) throw appError('DOCUMENT_DATA_MISSING', `${period.label}尚无评价结果：请先录入评价结果，或在请求中提供 results（各指标排名、各地排名）`, { field: 'results' });
  const inds = await db.select({ seq: indicators.seq, rank: assessmentIndicatorRanks.rank }).from(assessmentIndicatorRanks)
    .innerJoin(indicators, eq(indicators.id, assessmentIndicatorRanks.indicatorId)).where(eq(assessmentIndicatorRanks.roundId, round.id));
  const places = await db.select({ name: regions.name, kind: assessmentPlaceRanks.kind, rank: assessmentPlaceRanks.rank }).from(assessmentPlaceRanks)
    .innerJoin(regions, eq(regions.id, assessmentPlaceRanks.regionId)).where(eq(assessmentPlaceRanks.roundId, round.id));
  return { indicators: inds, places, fieldSizes: round.fieldSizes };
}

/** The indicator's responsible units, the most often named across its tasks first (ties in plan order). */
async function responsibleUnitsByWeight(db: Db, planId: number): Promise<Map<number, string[]>> {
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
  return new Map([...counts].map(([id, c]) => [id, [...c].sort((a, b) => b[1] - a[1]).map(([n]) => n)]));
}

/** Group names of places as the province ranks them. */
const PLACE_GROUPS: Record<string, string> = { county: '县（市）', district: '区', park: '园区' };

const groupOrder = (kind: string): number => {
  const i = Object.keys(PLACE_GROUPS).indexOf(kind);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
};

/**
 * Why ranks restart per group: the province ranks counties, districts and parks separately, so
 * “排名第三” is third among its own group (with the group's size when the round records it).
 */
export function placeGroupNote(kinds: readonly string[], sizes?: Partial<FieldSizes>): string | null {
  const groups = [...new Set(kinds)].sort((a, b) => groupOrder(a) - groupOrder(b));
  const sized = (k: string) => {
    const n = sizes?.[k as keyof FieldSizes];
    return n ? `${PLACE_GROUPS[k] ?? k}组${n}个` : null;
  };
  const counts = groups.map(sized).filter((x): x is string => x !== null);
  const within = counts.length ? `（参评${counts.join('、')}）` : '';
  if (groups.length > 1) {
    return `省营商环境评价对${groups.map((k) => PLACE_GROUPS[k] ?? k).join('、')}分组评价、分别排名${within}，以下名次为各地在本组中的名次。`;
  }
  return within ? `以下名次为在全省同类地区中的名次${within}。` : null;
}

/** The closing call: learn from the commended, and the indicators short of their annual target named. */
function closingCall(achievements: readonly IndicatorAchievement[]): string[] {
  const short = achievements.filter((a) => {
    const target = parseAnnualTarget(a.annualTarget);
    return a.rank !== null && target !== null && a.rank > target;
  });
  const call = '希望受到表扬的单位珍惜荣誉、再接再厉，充分发挥示范带动作用。各地各部门要以受表扬单位为榜样，学习借鉴附件所列典型经验做法，对标一流、真抓实干，推动营商环境持续优化。';
  if (!short.length) return [call];
  // Ranks in Chinese numerals, as the places' ranks above and seed 004 write them (排名第七).
  const named = short.map((a) => `${a.indicator}（排名第${chineseNumber(a.rank ?? 0)}，目标${a.annualTarget ?? ''}）`);
  return [call, `${named.join('、')}${short.length > 1 ? `等${short.length}个指标` : '指标'}未达到年度目标，牵头单位要深入分析短板弱项，逐项制定提升措施，并于下一评价周期前向市优化办书面报告整改情况。`];
}

/**
 * The 表彰通报 of a period from the assessment results and the plan's indicators. A unit that is
 * the worst laggard of an indicator in the period (most overdue tasks of it as of the report date)
 * is not commended for that indicator; an indicator left without a lead unit is not commended.
 */
export async function commendationData(db: Db, plan: PlanWithRegion, period: Period, today: string, calendar: WorkCalendar, given?: CommendationResultsInput): Promise<CommendationData> {
  const results = await assessmentResults(db, plan.id, period, given);
  const inds = await db.select().from(indicators).where(eq(indicators.planId, plan.id)).orderBy(asc(indicators.seq));
  const key = await responsibleUnitsByWeight(db, plan.id);
  const progress = await planProgress(db, plan.id, reportDate(period, today), calendar, today);
  const achievements: IndicatorAchievement[] = inds.map((i) => {
    const r = results.indicators.find((x) => x.seq === i.seq);
    const worst = new Set(indicatorWorstLaggards(progress.tasks, i.seq));
    return {
      indicator: i.name, seq: i.seq, rank: r?.rank ?? null, annualTarget: i.annualTarget, benchmark: r?.benchmark ?? false,
      leadUnits: i.leadUnits.filter((u) => !worst.has(u)),
      keyResponsibleUnits: (key.get(i.id) ?? []).filter((u) => !worst.has(u) && !i.leadUnits.includes(u)).slice(0, 4),
    };
  });
  const places: PlaceAchievement[] = results.places.map((p) => ({ kind: p.kind, name: p.name, rank: p.rank }));
  const candidates = commendationCandidates(achievements.filter((a) => a.leadUnits.length > 0), places);
  // Places by group (县（市）, 区, 园区), by rank within each: the order section 二 prints them in.
  const picked = { ...candidates, placeAwards: [...candidates.placeAwards].sort((a, b) => groupOrder(a.kind) - groupOrder(b.kind) || a.rank - b.rank) };
  const year = Number(period.start.slice(0, 4));
  const awards: PracticeAward[] = [
    ...picked.indicatorAwards.map((a) => ({ heading: `${a.indicator}指标`, units: [...a.leadUnits, ...a.keyResponsibleUnits], leadUnits: a.leadUnits, place: null })),
    ...picked.placeAwards.map((p) => ({ heading: p.name, units: [], leadUnits: [p.name], place: p.name })),
  ];
  const grouped = new Set(picked.placeAwards.map((p) => p.kind)).size > 1;
  return {
    issue: issueInfo(plan, today),
    // The period commended: 2023年度 for a year, 2023年上半年 for a half (not the whole year).
    title: `关于对${period.kind === 'year' ? `${year}年度` : period.label}优化营商环境工作成绩突出单位予以通报表扬的通报`,
    preamble: [`${period.label}，各地各部门认真落实《${plan.title}》部署要求，攻坚克难、担当作为，我${plan.regionLevel === 'province' ? '省' : '市'}营商环境评价取得较好成绩。为表扬先进、激励担当，经研究，决定对以下单位予以通报表扬。`],
    indicatorAwards: picked.indicatorAwards.map((a) => ({ indicator: a.indicator, leadUnits: a.leadUnits, keyResponsibleUnits: a.keyResponsibleUnits })),
    placeAwards: picked.placeAwards.map((p) => ({ name: p.name, rank: p.rank, ...(grouped ? { group: PLACE_GROUPS[p.kind] ?? p.kind } : {}) })),
    placeNote: placeGroupNote(picked.placeAwards.map((p) => p.kind), results.fieldSizes),
    // Section 三 needs names the data does not hold (统计调查、工商联 …): the office writes it or removes it.
    supportText: officeTodo('请填写为评价工作提供重要保障支撑的单位及其贡献；没有的删除本节。'),
    supportUnits: [],
    closing: closingCall(achievements),
    practices: await practiceAttachment(db, plan.id, period, awards),
  };
}
