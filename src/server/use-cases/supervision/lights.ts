/**
 * Computing and keeping the lights of a plan's tasks for the current period (for the 预警 board
 * and for trends over periods).
 */
import { sql } from 'drizzle-orm';
import { periodContaining, previousPeriod, reportDueDate } from '../../../domain/supervision/periods.ts';
import { taskLight, type Light } from '../../../domain/supervision/task-light.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { taskLights } from '../../../db/supervision-schema.ts';
import { reportFacts } from './report-status.ts';
import { planSettings } from './task-context.ts';

export interface TaskLightRow { taskId: number; light: Light; reasons: string[] }

/** Lights of a plan's tasks on `today`; a report is late when last period's is past due and missing. */
export async function planLights(db: Db, planId: number, today: string, calendar: WorkCalendar): Promise<{ period: string; lights: TaskLightRow[] }> {
  const settings = await planSettings(db, planId);
  const current = periodContaining(today, settings.cycle);
  const last = previousPeriod(current);
  const lastDue = reportDueDate(last, calendar, settings.dueWorkdays);
  const facts = await reportFacts(db, planId, last.key);
  const rules = { yellowWithinDays: settings.yellowWithinDays, redAfterReturns: settings.redAfterReturns };
  const lights = facts.map((f) => {
    const lead = f.links.filter((l) => l.role === 'lead').map((l) => l.unitId);
    // Only tasks still open in the last period owe its report.
    const owed = !f.completed && (f.dueOn === null || f.dueOn >= last.start);
    const lateReport = owed && today > lastDue && lead.length > 0 && !lead.some((u) => f.filedUnits.has(u));
    const result = taskLight({ dueOn: f.dueOn, completed: f.completed, reportedDone: f.reportedDone, lateReport, consecutiveReturns: f.consecutiveReturns }, today, rules);
    return { taskId: f.taskId, ...result };
  });
  return { period: current.key, lights };
}

/** Computes the lights and stores them as the current period's lights (idempotent). */
export async function recordPlanLights(db: Db, planId: number, today: string, calendar: WorkCalendar): Promise<{ period: string; counts: Record<Light, number> }> {
  const { period, lights } = await planLights(db, planId, today, calendar);
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, done: 0 };
  for (const l of lights) counts[l.light]++;
  if (lights.length) {
    await db.insert(taskLights).values(lights.map((l) => ({ taskId: l.taskId, period, light: l.light, reasons: l.reasons })))
      .onConflictDoUpdate({ target: [taskLights.taskId, taskLights.period], set: { light: sql`excluded.light`, reasons: sql`excluded.reasons`, computedAt: sql`now()` } });
  }
  return { period, counts };
}
