/**
 * Loading a task as the supervision use cases need it: the task in the actor's scope, its unit
 * links, its plan and the plan's supervision settings (created with defaults on first use).
 */
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { isMemoised, memoised } from '../../../db/request-memo.ts';
import { planSchedules } from './plan-status.ts';
import { plans, taskUnits, tasks } from '../../../db/schema.ts';
import { planSupervision, taskSupervision } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import type { TaskLink } from '../../policies/report.policy.ts';
import { visibleTasks } from '../../policies/task.policy.ts';

export type PlanSettings = typeof planSupervision.$inferSelect;

export interface TaskContext {
  task: typeof tasks.$inferSelect;
  plan: typeof plans.$inferSelect;
  links: TaskLink[];
  settings: PlanSettings;
  supervision: typeof taskSupervision.$inferSelect | null;
  /** Effective due date: the extended one after an approved extension, else the plan's. */
  dueOn: string | null;
}

/** The plan's supervision settings, inserting the defaults the first time. */
export async function planSettings(db: Db | Tx, planId: number): Promise<PlanSettings> {
  // Memoised for the request on the pool only: in a transaction the row may just have changed.
  // There it is read along with the plan's schedule, which the same screen usually wants too.
  if (isMemoised(db)) await planSchedules(db, [planId]);
  return memoised(db, `settings:${planId}`, () => loadPlanSettings(db, planId));
}

/** The settings row read (and the defaults inserted the first time) with no memo. */
export async function loadPlanSettings(db: Db | Tx, planId: number): Promise<PlanSettings> {
  const [found] = await db.select().from(planSupervision).where(eq(planSupervision.planId, planId));
  if (found) return found;
  await db.insert(planSupervision).values({ planId }).onConflictDoNothing();
  const [created] = await db.select().from(planSupervision).where(eq(planSupervision.planId, planId));
  if (!created) throw new Error(`plan ${planId} has no supervision settings`);
  return created;
}

/** Loads a task visible to the actor with everything supervision needs, or TASK_NOT_FOUND. */
export async function loadTaskContext(db: Db | Tx, actor: Actor, taskId: number): Promise<TaskContext> {
  const [row] = await db.select({ task: tasks, plan: plans }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(eq(tasks.id, taskId), visibleTasks(actor)));
  if (!row) throw appError('TASK_NOT_FOUND');
  const links = await db.select({ unitId: taskUnits.unitId, role: taskUnits.role }).from(taskUnits).where(eq(taskUnits.taskId, taskId));
  const [supervision] = await db.select().from(taskSupervision).where(eq(taskSupervision.taskId, taskId));
  return {
    ...row, links, settings: await planSettings(db, row.plan.id), supervision: supervision ?? null,
    dueOn: supervision?.extendedDueOn ?? row.task.dueOn,
  };
}
