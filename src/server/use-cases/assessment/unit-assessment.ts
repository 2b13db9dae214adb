/**
 * The internal unit assessment (标准量化) of a plan for a period: supervision figures per unit
 * (unit-figures.ts), scored and ranked by the evaluation engine with the plan's weights, with
 * the period's best (骏马) and worst (蜗牛) units as seed 003 names them.
 */
import { eq, inArray } from 'drizzle-orm';
import {
  isOwedPeriod, planStart, scheduleNextPeriod, schedulePeriodContaining, type CycleHistory, type PlanSchedule,
} from '../../../domain/supervision/plan-periods.ts';
import { parsePeriod, periodContaining, previousPeriod, reportDueDate, type Period } from '../../../domain/supervision/periods.ts';
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import { assessUnits } from '../../../evaluation/index.ts';
import type { AssessmentWeights } from '../../../evaluation/index.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { taskUnits, tasks, units } from '../../../db/schema.ts';
import { extensionRequests, progressReports, taskSupervision } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertMayManageAssessment, loadAssessmentPlan } from '../../policies/assessment.policy.ts';
import { completionDate, planSchedule } from '../supervision/plan-status.ts';
import { planSettings } from '../supervision/task-context.ts';
import { loadAssessmentSettings, saveAssessmentSettings } from './assessment-settings.ts';
import { unitFigures, type UnitFigures } from './unit-figures.ts';

export interface UnitAssessmentView {
  period: { key: string; label: string; start: string; end: string };
  weights: AssessmentWeights;
  units: (UnitFigures & { score: number | null; rank: number | null; parts: AssessmentWeights })[];
  best: { unitId: number; unit: string }[];
  worst: { unitId: number; unit: string }[];
}

/** Reporting periods of the cycle inside the period; a period shorter than the cycle gets the cycle period it ends in. */
function reportingPeriods(p: Period, cycles: CycleHistory, calendar: WorkCalendar, dueWorkdays: number): { key: string; start: string; dueOn: string }[] {
  const out: Period[] = [];
  for (let c = schedulePeriodContaining(cycles, p.start); c.end <= p.end; c = scheduleNextPeriod(cycles, c)) if (c.start >= p.start) out.push(c);
  if (!out.length) out.push(schedulePeriodContaining(cycles, p.end));
  return out.map((c) => ({ key: c.key, start: c.start, dueOn: reportDueDate(c, calendar, dueWorkdays) }));
}

const day = (d: Date | null): string | null => (d ? chinaDate(d) : null);

/**
 * The default assessment month of a plan on `today`: the last whole month within the plan's
 * supervision (from its start to its year's end); the plan's first month while none has ended.
 */
export function defaultAssessmentPeriod(schedule: PlanSchedule, today: string): string {
  const first = periodContaining(planStart(schedule), 'month');
  const last = periodContaining(`${schedule.year}-12-01`, 'month');
  if (today > last.end) return last.key;
  const lastWhole = previousPeriod(periodContaining(today, 'month'));
  return lastWhole.start < first.start ? first.key : lastWhole.key;
}

/** Scores and ranks the units of a plan for a period (YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY; default: see above). */
export async function unitAssessment(db: Db, actor: Actor, planId: number, periodKey: string | undefined, now: Date, calendar: WorkCalendar): Promise<UnitAssessmentView> {
  const plan = await loadAssessmentPlan(db, actor, planId);
  const { schedule } = await planSchedule(db, plan.id);
  const today = chinaDate(now);
  periodKey ??= defaultAssessmentPeriod(schedule, today);
  const period = parsePeriod(periodKey);
  if (!period || period.kind === 'xun') throw appError('PERIOD_INVALID', `考核期“${periodKey}”不正确，例如 2023-06、2023-Q2、2023-H1、2023`, { field: 'period' });
  const settings = await planSettings(db, plan.id);
  const { weights } = await loadAssessmentSettings(db, plan.id);
  const taskRows = await db.select({ id: tasks.id, dueOn: tasks.dueOn, completedAt: taskSupervision.completedAt, doneOn: taskSupervision.doneOn })
    .from(tasks).leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id)).where(eq(tasks.planId, plan.id));
  const ids = taskRows.map((t) => t.id).concat(-1);
  const links = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, unitName: units.name })
    .from(taskUnits).innerJoin(units, eq(units.id, taskUnits.unitId)).where(inArray(taskUnits.taskId, ids));
  const reports = await db.select({ taskId: progressReports.taskId, unitId: progressReports.unitId, period: progressReports.period, state: progressReports.state, submittedAt: progressReports.submittedAt })
    .from(progressReports).where(inArray(progressReports.taskId, ids));
  const extensions = await db.select({ unitId: extensionRequests.unitId, createdAt: extensionRequests.createdAt, state: extensionRequests.state })
    .from(extensionRequests).where(inArray(extensionRequests.taskId, ids));
  const figures = unitFigures({
    period, today, asOf: today < period.end ? today : period.end,
    // Periods that began before the plan existed owed no report.
    reportingPeriods: reportingPeriods(period, settings, calendar, settings.dueWorkdays).filter((rp) => isOwedPeriod(rp, schedule)),
    tasks: taskRows.map((t) => ({ id: t.id, dueOn: t.dueOn, completedOn: completionDate(t) })),
    links,
    reports: reports.map((r) => ({ ...r, submittedOn: day(r.submittedAt) })),
    extensions: extensions.map((e) => ({ unitId: e.unitId, state: e.state, createdOn: chinaDate(e.createdAt) })),
  });
  // The engine keys units by name; names are unique within a region, ids give the client its links.
  const idOf = new Map(figures.map((f) => [f.unit, f.unitId]));
  const [assessed] = assessUnits(figures.map(({ unitId: _id, ...f }) => f), weights);
  const ref = (unit: string) => ({ unitId: idOf.get(unit) ?? 0, unit });
  const byName = new Map(figures.map((f) => [f.unit, f]));
  return {
    period: { key: period.key, label: period.label, start: period.start, end: period.end },
    weights,
    units: (assessed?.units ?? []).flatMap((u) => {
      const f = byName.get(u.unit);
      return f ? [{ ...f, score: u.score, rank: u.rank, parts: u.parts }] : [];
    }),
    best: (assessed?.best ?? []).map(ref),
    worst: (assessed?.worst ?? []).map(ref),
  };
}

/** Sets the plan's unit assessment weights (null = back to the default 25/35/20/10/10). */
export async function putUnitWeights(db: Db, actor: Actor, planId: number, weights: AssessmentWeights | null, now: Date): Promise<AssessmentWeights> {
  return db.transaction(async (tx) => {
    const plan = await loadAssessmentPlan(tx, actor, planId);
    assertMayManageAssessment(actor, plan);
    if (weights && !Object.values(weights).some((w) => w > 0)) throw appError('VALIDATION_FAILED', '至少一项权重须大于 0', { field: 'weights' });
    await saveAssessmentSettings(tx, plan.id, { unitWeights: weights }, now);
    await audit(tx, { actorUserId: actor.userId, action: 'assessment.unit-weights.put', entity: 'plan', entityId: plan.id, details: { weights } });
    return (await loadAssessmentSettings(tx, plan.id)).weights;
  });
}
