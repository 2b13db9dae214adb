/**
 * Computing and keeping the lights of a plan's tasks for the current period (for the 预警 board
 * and for trends over periods).
 */
import { sql } from 'drizzle-orm';
import { schedulePeriodContaining } from '../../../domain/supervision/plan-periods.ts';
import type { Light } from '../../../domain/supervision/task-light.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { taskLights } from '../../../db/supervision-schema.ts';
import { planStatus } from './plan-status.ts';

export interface TaskLightRow { taskId: number; light: Light; reasons: string[] }

/** Lights of a plan's tasks on `today`, from the supervision model (plan-status.ts). */
export async function planLights(db: Db, planId: number, today: string, calendar: WorkCalendar): Promise<{ period: string; lights: TaskLightRow[] }> {
  const status = await planStatus(db, planId, today, calendar);
  const current = schedulePeriodContaining(status.schedule, today);
  return { period: current.key, lights: status.tasks.map((t) => ({ taskId: t.taskId, light: t.light, reasons: t.reasons })) };
}

/** Computes the lights and stores them as the current period's lights (idempotent). */
export async function recordPlanLights(db: Db, planId: number, today: string, calendar: WorkCalendar, now: Date = new Date(`${today}T12:00:00+08:00`)): Promise<{ period: string; counts: Record<Light, number> }> {
  const { period, lights } = await planLights(db, planId, today, calendar);
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, done: 0 };
  for (const l of lights) counts[l.light]++;
  if (lights.length) {
    await db.insert(taskLights).values(lights.map((l) => ({ taskId: l.taskId, period, light: l.light, reasons: l.reasons, computedAt: now })))
      .onConflictDoUpdate({ target: [taskLights.taskId, taskLights.period], set: { light: sql`excluded.light`, reasons: sql`excluded.reasons`, computedAt: now } });
  }
  return { period, counts };
}
