/**
 * What the leader cockpit (领导驾驶舱) counts, read once per request: the supervision state of every
 * task (the stored lights of lights.ts, the 预警 board's), the tasks' indicators and units, the places
 * (counties, districts, parks) of the plan's region with the units in each, the latest assessment
 * round's indicator ranks, and the recorded lights of earlier periods.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { assessmentIndicatorRanks, assessmentRounds } from '../../../db/assessment-schema.ts';
import { indicators, taskUnits, tasks, unitMemberships, units } from '../../../db/schema.ts';
import { taskLights } from '../../../db/supervision-schema.ts';
import type { Plan } from '../../policies/assessment.policy.ts';
import { planPlaces } from '../assessment/assessment-data.ts';
import { currentPlanStatus } from '../supervision/lights.ts';
import type { TaskStatus } from '../supervision/plan-status.ts';

export interface CockpitTask extends TaskStatus {
  text: string;
  indicatorName: string | null;
  leadUnits: { id: number; name: string }[];
  responsibleUnits: { id: number; name: string }[];
}

export interface CockpitData {
  day: string;
  period: string;
  tasks: CockpitTask[];
  indicators: { id: number; seq: number; name: string; annualTarget: string | null }[];
  places: { regionId: number; name: string; kind: string; unitIds: number[] }[];
  /** Collective units (各县市区政府) → their member units. */
  members: Map<number, number[]>;
  round: { id: number; title: string; ranks: Map<number, number> } | null;
  /** Recorded lights of earlier periods: period → task id → light. */
  history: Map<string, Map<number, TaskStatus['light']>>;
}

async function latestRound(db: Db, planId: number): Promise<CockpitData['round']> {
  const [round] = await db.select({ id: assessmentRounds.id, title: assessmentRounds.title }).from(assessmentRounds)
    .where(eq(assessmentRounds.planId, planId)).orderBy(desc(assessmentRounds.period), desc(assessmentRounds.id)).limit(1);
  if (!round) return null;
  const ranks = await db.select({ indicatorId: assessmentIndicatorRanks.indicatorId, rank: assessmentIndicatorRanks.rank })
    .from(assessmentIndicatorRanks).where(eq(assessmentIndicatorRanks.roundId, round.id));
  return { ...round, ranks: new Map(ranks.map((r) => [r.indicatorId, r.rank])) };
}

/** Loads everything the cockpit of one plan counts on `day`. */
export async function loadCockpitData(db: Db, plan: Plan, day: string, calendar: WorkCalendar): Promise<CockpitData> {
  // The stored lights (the 预警 board's), computed and stored where stale.
  const status = await currentPlanStatus(db, plan.id, day, calendar);
  const period = status.period;
  const inds = await db.select({ id: indicators.id, seq: indicators.seq, name: indicators.name, annualTarget: indicators.annualTarget })
    .from(indicators).where(eq(indicators.planId, plan.id)).orderBy(asc(indicators.seq));
  const texts = await db.select({ id: tasks.id, text: tasks.text }).from(tasks).where(eq(tasks.planId, plan.id));
  const ids = texts.map((t) => t.id).concat(-1);
  const links = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, role: taskUnits.role, name: units.name, regionId: units.regionId })
    .from(taskUnits).innerJoin(units, eq(units.id, taskUnits.unitId)).where(inArray(taskUnits.taskId, ids)).orderBy(asc(taskUnits.position));
  const textOf = new Map(texts.map((t) => [t.id, t.text]));
  const indName = new Map(inds.map((i) => [i.id, i.name]));
  const linksOf = new Map<number, typeof links>();
  for (const l of links) {
    const list = linksOf.get(l.taskId);
    if (list) list.push(l);
    else linksOf.set(l.taskId, [l]);
  }
  const cockpitTasks = status.tasks.map((t): CockpitTask => {
    const mine = linksOf.get(t.taskId) ?? [];
    const ref = (l: (typeof mine)[number]) => ({ id: l.unitId, name: l.name });
    return {
      ...t, text: textOf.get(t.taskId) ?? '', indicatorName: t.indicatorId === null ? null : (indName.get(t.indicatorId) ?? null),
      leadUnits: mine.filter((l) => l.role === 'lead').map(ref), responsibleUnits: mine.filter((l) => l.role === 'responsible').map(ref),
    };
  });
  const memberRows = await db.select({ c: unitMemberships.collectiveId, m: unitMemberships.memberId }).from(unitMemberships);
  const members = new Map<number, number[]>();
  for (const r of memberRows) members.set(r.c, [...(members.get(r.c) ?? []), r.m]);
  const places = await planPlaces(db, plan);
  const placeUnits = places.length ? await db.select({ id: units.id, regionId: units.regionId }).from(units).where(inArray(units.regionId, places.map((p) => p.regionId))) : [];
  const recorded = await db.select({ taskId: taskLights.taskId, period: taskLights.period, light: taskLights.light }).from(taskLights)
    .where(and(inArray(taskLights.taskId, ids)));
  const history = new Map<string, Map<number, TaskStatus['light']>>();
  for (const r of recorded) {
    if (r.period === period) continue;
    history.set(r.period, (history.get(r.period) ?? new Map<number, TaskStatus['light']>()).set(r.taskId, r.light));
  }
  return {
    day, period, tasks: cockpitTasks, indicators: inds, members, round: await latestRound(db, plan.id), history,
    places: places.map((p) => ({ ...p, unitIds: placeUnits.filter((u) => u.regionId === p.regionId).map((u) => u.id) })),
  };
}
