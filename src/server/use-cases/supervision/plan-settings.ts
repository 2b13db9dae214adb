/**
 * Changing a plan's supervision settings. A change of reporting cycle takes effect from the next
 * period (see changeCycle in the domain), so reports already filed keep their periods.
 */
import { eq } from 'drizzle-orm';
import { changeCycle } from '../../../domain/supervision/plan-periods.ts';
import type { ReportingCycle } from '../../../domain/supervision/periods.ts';
import { audit } from '../../../db/audit.ts';
import type { Tx } from '../../../db/client.ts';
import { planSupervision } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { planSchedule } from './plan-status.ts';
import { planSettings, type PlanSettings } from './task-context.ts';

export type SettingsInput = Partial<Omit<PlanSettings, 'planId' | 'previousCycle' | 'cycleFrom'>> & { cycle?: ReportingCycle };

/** Saves the office's settings on `today` (China date) and audits them; returns the stored settings. */
export async function savePlanSettings(tx: Tx, actor: Actor, planId: number, input: SettingsInput, today: string): Promise<PlanSettings> {
  await planSettings(tx, planId);
  const { schedule } = await planSchedule(tx, planId);
  const cycle = input.cycle ? changeCycle(schedule, input.cycle, today) : {};
  await tx.update(planSupervision).set({ ...input, ...cycle }).where(eq(planSupervision.planId, planId));
  await audit(tx, { actorUserId: actor.userId, action: 'plan.supervision_settings', entity: 'plan', entityId: planId, details: { ...input, ...cycle } });
  return planSettings(tx, planId);
}
