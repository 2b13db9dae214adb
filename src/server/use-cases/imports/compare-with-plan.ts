/** Re-import: the stored plan's tasks in the diff's shape, and the diff of a draft against them. */
import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { indicators, taskUnits, tasks } from '../../../db/schema.ts';
import { progressReports } from '../../../db/supervision-schema.ts';
import { diffPlan, type PlanDiff, type StoredDiffTask } from '../../../domain/plan-diff.ts';
import type { PlanImport } from '../../../domain/plan-import.ts';
import { toDiffTask } from './import-draft.ts';

/** The plan's tasks with indicator seq and written unit names, in plan order. */
export async function storedTasks(db: Db | Tx, planId: number): Promise<StoredDiffTask[]> {
  const rows = await db.select({ t: tasks, indicatorSeq: indicators.seq }).from(tasks)
    .leftJoin(indicators, eq(indicators.id, tasks.indicatorId)).where(eq(tasks.planId, planId)).orderBy(asc(tasks.seq));
  const links = rows.length === 0 ? [] : await db.select().from(taskUnits)
    .where(inArray(taskUnits.taskId, rows.map((r) => r.t.id))).orderBy(asc(taskUnits.taskId), asc(taskUnits.role), asc(taskUnits.position));
  const names = (taskId: number, role: 'lead' | 'responsible'): string[] =>
    links.filter((l) => l.taskId === taskId && l.role === role).map((l) => l.writtenName);
  return rows.map(({ t, indicatorSeq }) => ({
    id: t.id, seq: t.seq, indicatorSeq, subIndicatorCode: t.subIndicatorCode, subIndicator: t.subIndicator, text: t.text, leader: t.leader,
    leadUnits: names(t.id, 'lead'), responsibleUnits: names(t.id, 'responsible'), responsibleUnitsOpen: t.responsibleUnitsOpen,
    deadline: t.deadline, deadlineRaw: t.deadlineRaw, annualTarget: t.annualTarget, basis: t.basis, remarks: t.remarks, notes: t.notes,
  }));
}

/** Number of progress reports per task id (what a removal would destroy). */
export async function reportCounts(db: Db | Tx, taskIds: number[]): Promise<Map<number, number>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db.select({ taskId: progressReports.taskId, n: count() }).from(progressReports)
    .where(inArray(progressReports.taskId, taskIds)).groupBy(progressReports.taskId);
  return new Map(rows.map((r) => [r.taskId, r.n]));
}

export interface PlanComparison { diff: PlanDiff; stored: StoredDiffTask[] }

/** The diff of a reviewed draft against the stored plan. */
export async function compareWithPlan(db: Db | Tx, planId: number, plan: PlanImport): Promise<PlanComparison> {
  const stored = await storedTasks(db, planId);
  return { diff: diffPlan(plan.tasks.map(toDiffTask), stored), stored };
}
