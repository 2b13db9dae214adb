/**
 * A plan's dashboard figures from the stored lights (lights.ts): the lights, 逾期 and 临期 of the
 * caller's visible tasks of the plan — the figures the 预警 board and the cockpit show for them.
 */
import type { Light } from '../../../domain/supervision/task-light.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { currentPlanStatus } from './lights.ts';

export interface PlanLightFigures { overdue: number; nearDue: number; lights: Record<Light, number> }

/** Figures of the plan's tasks `visibleIds` (the caller's, read with the dashboard's counts), or null when there are none. */
export async function planLightFigures(db: Db, planId: number, visibleIds: readonly number[], today: string, calendar: WorkCalendar): Promise<PlanLightFigures | null> {
  const ids = new Set(visibleIds);
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
