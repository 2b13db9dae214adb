/**
 * Linking a problem to the plan: the suggestion from its text and units, and the office's
 * confirmation, which also puts the problem on each linked task's timeline.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { suggestLinks, type CandidateTask, type LinkSuggestion } from '../../../domain/cases/link-suggestion.ts';
import { audit } from '../../../db/audit.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { indicators, taskUnits, tasks } from '../../../db/schema.ts';
import { appError } from '../../../domain/errors.ts';

/** The tasks of a plan as candidates for linking. */
export async function candidateTasks(db: Db | Tx, planId: number): Promise<CandidateTask[]> {
  const rows = await db.select({ id: tasks.id, seq: tasks.seq, text: tasks.text, indicatorId: tasks.indicatorId, indicatorName: indicators.name })
    .from(tasks).leftJoin(indicators, eq(indicators.id, tasks.indicatorId)).where(eq(tasks.planId, planId)).orderBy(asc(tasks.seq));
  const links = rows.length ? await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, role: taskUnits.role }).from(taskUnits).where(inArray(taskUnits.taskId, rows.map((r) => r.id))) : [];
  return rows.map((r) => ({
    ...r,
    leadUnitIds: links.filter((l) => l.taskId === r.id && l.role === 'lead').map((l) => l.unitId),
    unitIds: links.filter((l) => l.taskId === r.id).map((l) => l.unitId),
  }));
}

/** A plan's candidates kept across the rows of one import. */
export type CandidateCache = Map<number, CandidateTask[]>;

/** Suggested tasks for a problem's text and 主办 unit within a plan. */
export async function suggestCaseLinks(db: Db | Tx, planId: number | null, text: string, leadUnitId: number | null, cache?: CandidateCache): Promise<LinkSuggestion[]> {
  if (planId === null) return [];
  let candidates = cache?.get(planId);
  if (!candidates) {
    candidates = await candidateTasks(db, planId);
    cache?.set(planId, candidates);
  }
  return suggestLinks(text, leadUnitId, candidates);
}

/** Checks the tasks belong to the plan and the indicator too; returns the indicator to keep. */
export async function validateLinks(tx: Tx, planId: number | null, taskIds: number[], indicatorId: number | null): Promise<number | null> {
  if (planId === null) {
    if (taskIds.length || indicatorId !== null) throw appError('VALIDATION_FAILED', '问题未指定方案，不能关联任务或指标', { field: 'planId' });
    return null;
  }
  if (taskIds.length) {
    const found = await tx.select({ id: tasks.id, indicatorId: tasks.indicatorId }).from(tasks).where(and(eq(tasks.planId, planId), inArray(tasks.id, taskIds)));
    const missing = taskIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw appError('VALIDATION_FAILED', `关联的任务不属于该方案：${missing.join('、')}`, { field: 'taskIds' });
    if (indicatorId === null) return found[0]?.indicatorId ?? null;
  }
  if (indicatorId !== null) {
    const [ind] = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.id, indicatorId), eq(indicators.planId, planId)));
    if (!ind) throw appError('VALIDATION_FAILED', '关联的指标不属于该方案', { field: 'indicatorId' });
  }
  return indicatorId;
}

/** Writes a line on each task's timeline about the problem (audit rows of the task). */
export async function auditOnTasks(tx: Tx, actorUserId: number | null, taskIds: number[], action: string, details: Record<string, unknown>): Promise<void> {
  for (const taskId of taskIds) await audit(tx, { actorUserId, action, entity: 'task', entityId: taskId, details });
}
