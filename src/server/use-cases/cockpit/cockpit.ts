/**
 * The leader cockpit (领导驾驶舱) of a plan: completion and lights by indicator, by lead unit, by
 * county/district/park, the trend over periods, indicators at risk of missing their annual target
 * (the latest assessment round's rank against 年度目标) and the most lagging units. Every figure
 * is the size of a list the drill-down returns (`cockpitTasks`): both count through `MEASURES`
 * and the same membership (a task once per indicator, unit or place it is linked to), so a count
 * always equals the list it counts (cockpit tests compare every figure with its list).
 */
import { parseAnnualTarget } from '../../../evaluation/annual-target.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { mayReadAssessment } from '../../policies/assessment.policy.ts';
import { visiblePlan } from '../../policies/plan.policy.ts';
import { loadCockpitData, type CockpitData, type CockpitTask } from './cockpit-data.ts';

export const DIMENSIONS = ['all', 'indicator', 'leadUnit', 'unit', 'place', 'period'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const MEASURE_KEYS = ['total', 'done', 'open', 'green', 'yellow', 'red', 'overdue', 'lateReport'] as const;
export type Measure = (typeof MEASURE_KEYS)[number];

/** Which tasks a measure counts. */
const MEASURES: Record<Measure, (t: Pick<CockpitTask, 'light' | 'overdue' | 'lateReport'>) => boolean> = {
  total: () => true,
  done: (t) => t.light === 'done',
  open: (t) => t.light !== 'done',
  green: (t) => t.light === 'green',
  yellow: (t) => t.light === 'yellow',
  red: (t) => t.light === 'red',
  overdue: (t) => t.overdue,
  lateReport: (t) => t.lateReport,
};

export type Figures = Record<Measure, number> & { completionRate: number };

function linkedUnitIds(t: CockpitTask): number[] {
  return [...t.leadUnits, ...t.responsibleUnits].map((u) => u.id);
}

/** The tasks a dimension's key stands for (before a measure filters them). */
function members(data: CockpitData, dim: Dimension, key: string | number | undefined): CockpitTask[] {
  const id = Number(key);
  switch (dim) {
    case 'all': return data.tasks;
    case 'indicator': return data.tasks.filter((t) => t.indicatorId === id);
    case 'leadUnit': return data.tasks.filter((t) => t.leadUnits.some((u) => u.id === id));
    case 'unit': return data.tasks.filter((t) => linkedUnitIds(t).includes(id));
    case 'place': {
      const place = data.places.find((p) => p.regionId === id);
      if (!place) return [];
      const inPlace = (unitId: number) => place.unitIds.includes(unitId) || (data.members.get(unitId) ?? []).some((m) => place.unitIds.includes(m));
      return data.tasks.filter((t) => linkedUnitIds(t).some(inPlace));
    }
    case 'period': {
      const lights = data.history.get(String(key));
      if (String(key) === data.period) return data.tasks;
      if (!lights) return [];
      return data.tasks.filter((t) => lights.has(t.taskId)).map((t) => ({ ...t, light: lights.get(t.taskId) ?? t.light }));
    }
  }
}

/**
 * Measure counts of tasks added one at a time: every figure in one pass over the tasks. `add`
 * counts what `MEASURES` selects (the drill-down's lists; the cockpit tests hold them equal),
 * inlined: it runs some ten thousand times per request on a province plan.
 */
class Tally {
  total = 0; done = 0; open = 0; green = 0; yellow = 0; red = 0; overdue = 0; lateReport = 0;
  /** The index of the last task added, so a task linked twice (lead and responsible) counts once. */
  last = -1;
  add(t: Pick<CockpitTask, 'light' | 'overdue' | 'lateReport'>): void {
    this.count(t.light, t.overdue, t.lateReport);
  }
  count(light: CockpitTask['light'], overdue: boolean, lateReport: boolean): void {
    this.total++;
    if (light === 'done') this.done++;
    else {
      this.open++;
      if (light === 'green') this.green++;
      else if (light === 'yellow') this.yellow++;
      else if (light === 'red') this.red++;
    }
    if (overdue) this.overdue++;
    if (lateReport) this.lateReport++;
  }
  /** Adds task number `i` unless it was the last one added. */
  addOnce(t: Pick<CockpitTask, 'light' | 'overdue' | 'lateReport'>, i: number): void {
    if (this.last === i) return;
    this.last = i;
    this.add(t);
  }
  figures(): Figures {
    const { total, done, open, green, yellow, red, overdue, lateReport } = this;
    return { total, done, open, green, yellow, red, overdue, lateReport, completionRate: total ? Math.round((done / total) * 1000) / 10 : 0 };
  }
}

/** The tally of `key` in `map`, created on first use. */
function tallyOf<K>(map: Map<K, Tally>, key: K): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = new Tally()));
  return t;
}

/** Indicators whose latest rank is behind their annual target (前N名), with that rank and target. */
function indicatorRisk(data: CockpitData, annualTarget: string | null | undefined, indicatorId: number): { targetRank: number | null; latestRank: number | null; atRisk: boolean } {
  const targetRank = parseAnnualTarget(annualTarget);
  const latestRank = data.round?.ranks.get(indicatorId) ?? null;
  return { targetRank, latestRank, atRisk: targetRank !== null && latestRank !== null && latestRank > targetRank };
}

const LAGGING_LIMIT = 10;

/**
 * The cockpit's figures. Each group counts what `members` would list for its key (a task once
 * per indicator, lead unit, unit or place it belongs to), tallied in one pass over the tasks.
 */
export function cockpitFigures(data: CockpitData) {
  // Each unit's places: its own region's, and (a collective) those of its members.
  const placeOfUnit = new Map<number, number>();
  for (const p of data.places) for (const u of p.unitIds) placeOfUnit.set(u, p.regionId);
  const placeTally = new Map<number, Tally>();
  const addToPlaces = (unitId: number, t: CockpitTask, i: number) => {
    const own = placeOfUnit.get(unitId);
    if (own !== undefined) tallyOf(placeTally, own).addOnce(t, i);
    for (const m of data.members.get(unitId) ?? []) {
      const p = placeOfUnit.get(m);
      if (p !== undefined) tallyOf(placeTally, p).addOnce(t, i);
    }
  };
  const totals = new Tally();
  const byIndicatorTally = new Map<number, Tally>();
  const leadNames = new Map<number, string>();
  const leadTally = new Map<number, Tally>();
  const unitNames = new Map<number, string>();
  const unitTally = new Map<number, Tally>();
  data.tasks.forEach((t, i) => {
    totals.add(t);
    if (t.indicatorId !== null) tallyOf(byIndicatorTally, t.indicatorId).add(t);
    for (const u of t.leadUnits) {
      leadNames.set(u.id, u.name);
      tallyOf(leadTally, u.id).addOnce(t, i);
    }
    for (const list of [t.leadUnits, t.responsibleUnits]) {
      for (const u of list) {
        unitNames.set(u.id, u.name);
        tallyOf(unitTally, u.id).addOnce(t, i);
        addToPlaces(u.id, t, i);
      }
    }
  });
  const none = () => new Tally().figures();
  const byIndicator = data.indicators.map((i) => ({ indicatorId: i.id, name: i.name, annualTarget: i.annualTarget, ...indicatorRisk(data, i.annualTarget, i.id), ...(byIndicatorTally.get(i.id)?.figures() ?? none()) }));
  const byLeadUnit = [...leadNames].map(([unitId, name]) => ({ unitId, name, ...(leadTally.get(unitId)?.figures() ?? none()) }))
    .sort((a, b) => b.total - a.total || a.unitId - b.unitId);
  const byPlace = data.places.map((p) => ({ regionId: p.regionId, name: p.name, kind: p.kind, ...(placeTally.get(p.regionId)?.figures() ?? none()) })).filter((p) => p.total > 0);
  const periods = [...data.history.keys(), data.period].sort();
  const trend = periods.map((period) => {
    const lights = data.history.get(period);
    if (period === data.period || !lights) return { period, ...(period === data.period ? totals.figures() : none()) };
    const tally = new Tally();
    for (const t of data.tasks) {
      const light = lights.get(t.taskId);
      if (light !== undefined) tally.count(light, t.overdue, t.lateReport);
    }
    return { period, ...tally.figures() };
  });
  const lagging = [...unitNames].map(([unitId, name]) => ({ unitId, name, ...(unitTally.get(unitId)?.figures() ?? none()) }))
    .filter((u) => u.red + u.overdue + u.lateReport > 0)
    .sort((a, b) => b.red - a.red || b.overdue - a.overdue || b.lateReport - a.lateReport || a.completionRate - b.completionRate || a.unitId - b.unitId)
    .slice(0, LAGGING_LIMIT);
  return {
    day: data.day, period: data.period, round: data.round ? { id: data.round.id, title: data.round.title } : null,
    totals: totals.figures(), byIndicator, byLeadUnit, byPlace, trend,
    atRisk: byIndicator.filter((i) => i.atRisk), lagging,
  };
}

export type Cockpit = ReturnType<typeof cockpitFigures>;

/** The tasks one figure counts: a dimension's key and a measure. */
export function cockpitTasks(data: CockpitData, dim: Dimension, key: string | number | undefined, measure: Measure): CockpitTask[] {
  if (dim !== 'all' && (key === undefined || key === '')) throw appError('VALIDATION_FAILED', '请指明要查看的指标、单位、地区或报告期', { field: 'key' });
  return members(data, dim, key).filter(MEASURES[measure]);
}

/** Loads the cockpit's data for a plan the actor (office or leader) may see; the tasks' texts for the lists only. */
export async function cockpitData(db: Db, actor: Actor, planId: number, day: string, calendar: WorkCalendar, withTexts = true): Promise<CockpitData> {
  // loadAssessmentPlan's checks, the plan read with the cockpit's data.
  if (!mayReadAssessment(actor)) throw appError('PLAN_NOT_FOUND');
  const data = await loadCockpitData(db, visiblePlan(actor, planId), day, calendar, withTexts);
  if (!data) throw appError('PLAN_NOT_FOUND');
  return data;
}
