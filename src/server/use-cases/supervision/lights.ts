/**
 * The lights of a plan's tasks for the current period: computed by the daily job (and kept per
 * period for trends), marked stale by the events that change them (a report filed or reviewed, a
 * completion accepted, an extension decided, a deadline edited), and read by the 预警 board and
 * 我的任务 from the table. A task whose stored light is missing or stale (not computed today, or
 * marked by an event) is computed on read and stored, so a board is right even before the day's
 * job has run.
 */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { schedulePeriodContaining } from '../../../domain/supervision/plan-periods.ts';
import type { Light } from '../../../domain/supervision/task-light.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { ambientNow } from '../../../db/clock.ts';
import { tasks } from '../../../db/schema.ts';
import { taskLights } from '../../../db/supervision-schema.ts';
import { planSchedule, planStatus } from './plan-status.ts';

export interface TaskLightRow { taskId: number; light: Light; reasons: string[] }

/** A stored light counts as stale from this moment on (an event changed what it depends on). */
const STALE = new Date(0);

/** Lights of a plan's tasks (or of some of them) on `today`, computed from the supervision model (plan-status.ts). */
export async function planLights(db: Db, planId: number, today: string, calendar: WorkCalendar, taskIds?: number[]): Promise<{ period: string; lights: TaskLightRow[] }> {
  const status = await planStatus(db, planId, today, calendar, taskIds ? { taskIds } : {});
  const current = schedulePeriodContaining(status.schedule, today);
  return { period: current.key, lights: status.tasks.map((t) => ({ taskId: t.taskId, light: t.light, reasons: t.reasons })) };
}

async function storeLights(db: Db, period: string, lights: TaskLightRow[], now: Date): Promise<void> {
  if (!lights.length) return;
  await db.insert(taskLights).values(lights.map((l) => ({ taskId: l.taskId, period, light: l.light, reasons: l.reasons, computedAt: now })))
    .onConflictDoUpdate({ target: [taskLights.taskId, taskLights.period], set: { light: sql`excluded.light`, reasons: sql`excluded.reasons`, computedAt: now } });
}

/** Computes the lights and stores them as the current period's lights (idempotent): the daily job. */
export async function recordPlanLights(db: Db, planId: number, today: string, calendar: WorkCalendar, now: Date = new Date(`${today}T12:00:00+08:00`)): Promise<{ period: string; counts: Record<Light, number> }> {
  const { period, lights } = await planLights(db, planId, today, calendar);
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, done: 0 };
  for (const l of lights) counts[l.light]++;
  await storeLights(db, period, lights, now);
  return { period, counts };
}

/**
 * The current period's stored lights of a plan's tasks (all, or `taskIds`); those missing or stale
 * are computed now and stored.
 */
export async function currentPlanLights(db: Db, planId: number, today: string, calendar: WorkCalendar, taskIds?: number[]): Promise<{ period: string; lights: TaskLightRow[] }> {
  const { schedule } = await planSchedule(db, planId);
  const period = schedulePeriodContaining(schedule, today).key;
  const dayStart = new Date(`${today}T00:00:00+08:00`);
  const scope = and(eq(tasks.planId, planId), taskIds ? inArray(tasks.id, taskIds.length ? taskIds : [-1]) : undefined);
  const [wanted, stored] = await Promise.all([
    db.select({ id: tasks.id }).from(tasks).where(scope),
    db.select({ taskId: taskLights.taskId, light: taskLights.light, reasons: taskLights.reasons }).from(taskLights).innerJoin(tasks, eq(tasks.id, taskLights.taskId))
      .where(and(scope, eq(taskLights.period, period), gte(taskLights.computedAt, dayStart))),
  ]);
  const have = new Set(stored.map((s) => s.taskId));
  const missing = wanted.map((w) => w.id).filter((id) => !have.has(id));
  if (!missing.length) return { period, lights: stored };
  const computed = await planLights(db, planId, today, calendar, missing.length === wanted.length && !taskIds ? undefined : missing);
  await storeLights(db, period, computed.lights, ambientNow());
  return { period, lights: [...stored, ...computed.lights] };
}

/** Marks a task's stored lights stale, in the transaction of the event that changes them. */
export async function markLightsStale(tx: Tx | Db, taskId: number): Promise<void> {
  await tx.update(taskLights).set({ computedAt: STALE }).where(and(eq(taskLights.taskId, taskId), gte(taskLights.computedAt, new Date(ambientNow().getTime() - 120 * 86_400_000))));
}

/** Marks the stored lights of several tasks stale (a case linked to them changed). */
export async function markTasksLightsStale(tx: Tx | Db, taskIds: readonly number[]): Promise<void> {
  if (!taskIds.length) return;
  await tx.update(taskLights).set({ computedAt: STALE }).where(inArray(taskLights.taskId, [...new Set(taskIds)]));
}

/** Marks every stored light of a plan stale (a plan-wide rule that feeds the lights changed). */
export async function markPlanLightsStale(tx: Tx | Db, planId: number): Promise<void> {
  await tx.update(taskLights).set({ computedAt: STALE }).where(inArray(taskLights.taskId, tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, planId))));
}
