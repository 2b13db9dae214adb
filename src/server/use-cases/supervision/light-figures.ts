/**
 * A plan's dashboard figures from the stored lights (lights.ts): the lights, 逾期 and 临期 of the
 * caller's visible tasks of the plan — the figures the 预警 board and the cockpit show for them.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { Light } from '../../../domain/supervision/task-light.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { tasks } from '../../../db/schema.ts';
import { currentPlanStatus } from './lights.ts';

export interface PlanLightFigures { overdue: number; nearDue: number; lights: Record<Light, number> }

/** Figures of the plan's tasks in `visible`, or null when the caller sees none of them. */
export async function planLightFigures(db: Db, planId: number, visible: SQL, today: string, calendar: WorkCalendar): Promise<PlanLightFigures | null> {
  const ids = new Set((await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.planId, planId), visible))).map((r) => r.id));
  if (!ids.size) return null;
  // The whole plan's stored status (what the board reads and keeps fresh), then the visible part of it.
  const { tasks: status } = await currentPlanStatus(db, planId, today, calendar);
  const out: PlanLightFigures = { overdue: 0, nearDue: 0, lights: { green: 0, yellow: 0, red: 0, done: 0 } };
  for (const t of status) {
    if (!ids.has(t.taskId)) continue;
    out.lights[t.light]++;
    if (t.overdue) out.overdue++;
    if (t.nearDue) out.nearDue++;
  }
  return out;
}
