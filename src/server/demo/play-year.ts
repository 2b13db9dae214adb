/**
 * Plays the demo year: reads each played plan's tasks, draws its script (demo-script.ts) and
 * milestones (demo-plays.ts), and performs every event in date order through the use cases at its
 * simulated moment. Stops between events when the server is asked to stop.
 */
import { and, eq, sql } from 'drizzle-orm';
import { periodContaining, nextPeriod, reportDueDate } from '../../domain/supervision/periods.ts';
import type { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import type { Db } from '../../db/client.ts';
import { plans, taskUnits, tasks } from '../../db/schema.ts';
import { planSettings } from '../use-cases/supervision/task-context.ts';
import { setCycle } from './demo-actions.ts';
import { DemoActors } from './demo-actors.ts';
import { DemoActions, type ActionContext } from './demo-actions.ts';
import { DEMO_PLAYS, type DemoPlay, type Milestone } from './demo-plays.ts';
import { DemoCaseActions } from './demo-case-actions.ts';
import { caseScript, type CaseAction } from './demo-case-script.ts';
import { seededRandom } from './demo-random.ts';
import { planScript, type DemoAction, type ScriptPeriod, type ScriptPlan, type ScriptTask } from './demo-script.ts';

export interface PlayResult { events: number; byKind: Record<string, number>; msByKind: Record<string, number>; plans: number; milliseconds: number }

type Step = { day: string; minute: number; context: ActionContext } & ({ action: DemoAction } | { milestone: Milestone } | { caseAction: CaseAction } | { sweep: string });

/** The moment of an event: its day at its minute of the day, China time. */
export function momentOf(day: string, minute: number): Date {
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return new Date(`${day}T${hh}:${mm}:00+08:00`);
}

async function scriptTasks(db: Db, planId: number): Promise<ScriptTask[]> {
  const rows = await db.select({ id: tasks.id, text: tasks.text, dueOn: tasks.dueOn }).from(tasks).where(eq(tasks.planId, planId)).orderBy(tasks.seq, tasks.id);
  const links = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, role: taskUnits.role }).from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).where(eq(tasks.planId, planId)).orderBy(taskUnits.taskId, taskUnits.role, taskUnits.position);
  return rows.map((t) => {
    const mine = links.filter((l) => l.taskId === t.id);
    const lead = mine.find((l) => l.role === 'lead')?.unitId ?? null;
    return { ...t, lead, responsible: [...new Set(mine.filter((l) => l.role === 'responsible' && l.unitId !== lead).map((l) => l.unitId))] };
  });
}

/** The plan's reporting periods from its year's start whose reports fall due by `until`. */
async function scriptPeriods(db: Db, planId: number, start: string, until: string, calendar: WorkCalendar): Promise<ScriptPeriod[]> {
  const settings = await planSettings(db, planId);
  const out: ScriptPeriod[] = [];
  for (let p = periodContaining(start, settings.cycle); ; p = nextPeriod(p)) {
    const dueOn = reportDueDate(p, calendar, settings.dueWorkdays);
    if (dueOn > until) break;
    out.push({ key: p.key, start: p.start, end: p.end, dueOn });
  }
  return out;
}

/** Days the daily run's lights are kept: the working day after each period's reports fall due, and the last day. */
function lightsDays(script: ScriptPlan, calendar: WorkCalendar): string[] {
  const days = script.periods.map((p) => calendar.addWorkdays(p.dueOn, 1)).filter((d) => d < script.until);
  return [...new Set([...days, script.until])];
}

/** The plan's problems and, on each working day from the first, the daily case sweep (临期, 超期) before work starts. */
function caseSteps(script: ScriptPlan, count: number, calendar: WorkCalendar, context: ActionContext): Step[] {
  if (count === 0) return [];
  const events = caseScript({ tasks: script.tasks, start: script.start, until: script.until, seed: script.seed + 17, count }, calendar);
  const first = events[0]?.day;
  const sweeps: Step[] = [];
  for (let d = first ? calendar.addWorkdays(first, 1) : script.until; first && d <= script.until; d = calendar.addWorkdays(d, 1)) sweeps.push({ day: d, minute: 470, context, sweep: d });
  return [...events.map((e) => ({ day: e.day, minute: e.minute, context, caseAction: e.action })), ...sweeps];
}

async function planSteps(db: Db, play: DemoPlay, actors: DemoActors, calendar: WorkCalendar): Promise<Step[]> {
  const [plan] = await db.select().from(plans).where(and(sql`${plans.source}->>'seed' = ${play.seed}`, sql`${plans.source}->>'demo' = 'true'`));
  if (!plan) return [];
  if (play.cycle) await setCycle(db, await actors.office(play.office), plan.id, play.cycle);
  // Periods run from the plan's issue (a plan asks for no report before it exists).
  const start = plan.issuedOn ?? `${plan.year}-01-01`;
  const script: ScriptPlan = {
    planId: plan.id, tasks: await scriptTasks(db, plan.id), periods: await scriptPeriods(db, plan.id, start, play.until, calendar),
    start, until: play.until, seed: play.seed32,
  };
  const context: ActionContext = { db, calendar, actors, office: play.office, planId: plan.id, rng: seededRandom(play.seed32 + 1) };
  return [
    ...planScript(script, calendar).map((e) => ({ day: e.day, minute: e.minute, context, action: e.action })),
    ...caseSteps(script, play.cases ?? 0, calendar, context),
    ...play.milestones.map((m) => ({ day: m.day, minute: m.minute, context, milestone: m })),
    ...lightsDays(script, calendar).map((day) => ({ day, minute: 480, context, milestone: { kind: 'lights' as const, day, minute: 480 } })),
  ];
}

function stepKind(step: Step): string {
  if ('action' in step) return step.action.kind;
  if ('caseAction' in step) return step.caseAction.kind;
  if ('sweep' in step) return 'case-sweep';
  return step.milestone.kind === 'document' ? `document:${step.milestone.docKind}` : step.milestone.kind;
}

/** Plays the demo year on a database just loaded with the seed plans. */
export async function playDemoYear(db: Db, options: { calendar: WorkCalendar; signal?: AbortSignal; log?: (m: string) => void }): Promise<PlayResult> {
  const started = Date.now();
  const actors = new DemoActors(db);
  const actions = new DemoActions(db);
  const caseActions = new DemoCaseActions(db);
  const steps: Step[] = [];
  let played = 0;
  for (const play of DEMO_PLAYS) {
    const s = await planSteps(db, play, actors, options.calendar);
    if (s.length) played++;
    steps.push(...s);
  }
  // Stable sort: within a moment, events keep the order they were drawn in.
  steps.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.minute - b.minute));
  const byKind: Record<string, number> = {};
  const msByKind: Record<string, number> = {};
  for (const [i, step] of steps.entries()) {
    if (options.signal?.aborted) throw new Error('演示数据生成已中止 (demo year aborted)');
    const now = momentOf(step.day, step.minute);
    const kind = stepKind(step);
    const t0 = Date.now();
    try {
      if ('action' in step) await actions.perform(step.context, step.action, now);
      else if ('caseAction' in step) await caseActions.perform(step.context, step.caseAction, now);
      else if ('sweep' in step) await caseActions.sweep(step.context, step.sweep, now);
      else await actions.milestone(step.context, step.milestone, now);
    } catch (e) {
      throw new Error(`演示数据第 ${i + 1} 步（${step.day} ${kind}）失败：${(e as Error).message}`, { cause: e });
    }
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    msByKind[kind] = (msByKind[kind] ?? 0) + Date.now() - t0;
    if (options.log && i > 0 && i % 1000 === 0) options.log(`  演示数据：已执行 ${i} / ${steps.length} 步（${step.day}）`);
  }
  return { events: steps.length, byKind, msByKind, plans: played, milliseconds: Date.now() - started };
}
