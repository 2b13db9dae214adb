/**
 * The leader cockpit (领导驾驶舱) of a plan: completion and lights by indicator, by lead unit, by
 * county/district/park, the trend over periods, indicators at risk of missing their annual target
 * (the latest assessment round's rank against 年度目标) and the most lagging units. Every figure
 * is the size of a list the drill-down returns (`cockpitTasks`): both go through `members` and
 * `MEASURES`, so a count always equals the list it counts.
 */
import { parseAnnualTarget } from '../../../evaluation/annual-target.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { loadAssessmentPlan } from '../../policies/assessment.policy.ts';
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

function figures(list: readonly CockpitTask[]): Figures {
  const f = Object.fromEntries(MEASURE_KEYS.map((m) => [m, list.filter(MEASURES[m]).length])) as Record<Measure, number>;
  return { ...f, completionRate: f.total ? Math.round((f.done / f.total) * 1000) / 10 : 0 };
}

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

function unitsOf(data: CockpitData, role: 'lead' | 'any'): Map<number, string> {
  const out = new Map<number, string>();
  for (const t of data.tasks) for (const u of role === 'lead' ? t.leadUnits : [...t.leadUnits, ...t.responsibleUnits]) out.set(u.id, u.name);
  return out;
}

/** Indicators whose latest rank is behind their annual target (前N名), with that rank and target. */
function indicatorRisk(data: CockpitData, indicatorId: number): { targetRank: number | null; latestRank: number | null; atRisk: boolean } {
  const ind = data.indicators.find((i) => i.id === indicatorId);
  const targetRank = parseAnnualTarget(ind?.annualTarget);
  const latestRank = data.round?.ranks.get(indicatorId) ?? null;
  return { targetRank, latestRank, atRisk: targetRank !== null && latestRank !== null && latestRank > targetRank };
}

const LAGGING_LIMIT = 10;

/** The cockpit's figures. */
export function cockpitFigures(data: CockpitData) {
  const byIndicator = data.indicators.map((i) => ({ indicatorId: i.id, name: i.name, annualTarget: i.annualTarget, ...indicatorRisk(data, i.id), ...figures(members(data, 'indicator', i.id)) }));
  const byLeadUnit = [...unitsOf(data, 'lead')].map(([unitId, name]) => ({ unitId, name, ...figures(members(data, 'leadUnit', unitId)) }))
    .sort((a, b) => b.total - a.total || a.unitId - b.unitId);
  const byPlace = data.places.map((p) => ({ regionId: p.regionId, name: p.name, kind: p.kind, ...figures(members(data, 'place', p.regionId)) })).filter((p) => p.total > 0);
  const periods = [...data.history.keys(), data.period].sort();
  const trend = periods.map((period) => ({ period, ...figures(members(data, 'period', period)) }));
  const lagging = [...unitsOf(data, 'any')].map(([unitId, name]) => ({ unitId, name, ...figures(members(data, 'unit', unitId)) }))
    .filter((u) => u.red + u.overdue + u.lateReport > 0)
    .sort((a, b) => b.red - a.red || b.overdue - a.overdue || b.lateReport - a.lateReport || a.completionRate - b.completionRate || a.unitId - b.unitId)
    .slice(0, LAGGING_LIMIT);
  return {
    day: data.day, period: data.period, round: data.round ? { id: data.round.id, title: data.round.title } : null,
    totals: figures(data.tasks), byIndicator, byLeadUnit, byPlace, trend,
    atRisk: byIndicator.filter((i) => i.atRisk), lagging,
  };
}

export type Cockpit = ReturnType<typeof cockpitFigures>;

/** The tasks one figure counts: a dimension's key and a measure. */
export function cockpitTasks(data: CockpitData, dim: Dimension, key: string | number | undefined, measure: Measure): CockpitTask[] {
  if (dim !== 'all' && (key === undefined || key === '')) throw appError('VALIDATION_FAILED', '请指明要查看的指标、单位、地区或报告期', { field: 'key' });
  return members(data, dim, key).filter(MEASURES[measure]);
}

/** Loads the cockpit's data for a plan the actor (office or leader) may see. */
export async function cockpitData(db: Db, actor: Actor, planId: number, day: string, calendar: WorkCalendar): Promise<CockpitData> {
  const plan = await loadAssessmentPlan(db, actor, planId);
  return loadCockpitData(db, plan, day, calendar);
}
