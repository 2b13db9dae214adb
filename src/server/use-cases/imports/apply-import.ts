/**
 * Re-import: applies the changes the office chose from the diff of a revised document to the
 * stored plan, in one transaction with an audit row per change. Tasks that stay keep their ids,
 * so their progress reports, urges, lights and extension requests stay attached; changed tasks
 * are updated in place; a removed task with progress reports is only deleted with `force`.
 */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { audit } from '../../../db/audit.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { planImports } from '../../../db/import-schema.ts';
import { UnitResolver, targetRows, taskRow, unitLinks, type PlanTarget, type UnitChoice } from '../../../db/plans/write-plan.ts';
import { indicators, plans, taskUnits, tasks } from '../../../db/schema.ts';
import { taskTargets } from '../../../db/supervision-schema.ts';
import type { ChangedTask, PlanDiff, StoredDiffTask } from '../../../domain/plan-diff.ts';
import type { ImportedTask, PlanImport } from '../../../domain/plan-import.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertMayImport, manageablePlan } from '../../policies/import.policy.ts';
import { unitMappingOf } from './commit-import.ts';
import { ambientNow } from '../../../db/clock.ts';
import { recordAssignments } from '../workbench/receipts.ts';
import { compareWithPlan, reportCounts } from './compare-with-plan.ts';
import { lockDraftImport, validateDraft, writtenUnitNames } from './import-draft.ts';

export interface ApplyInput {
  /** Seqs (in the revised document) of new tasks to add. */
  added: number[];
  /** Seqs (in the revised document) of changed tasks to update. */
  changed: number[];
  /** Seqs (in the stored plan) of tasks to delete. */
  removed: number[];
  /** Delete removed tasks even when they have progress reports. */
  force?: boolean;
  unitMapping?: Record<string, UnitChoice>;
}

export interface AppliedChange { seq: number; taskId: number }
export interface ApplyResult { planId: number; added: AppliedChange[]; changed: AppliedChange[]; removed: AppliedChange[] }

interface Chosen { added: ImportedTask[]; changed: { change: ChangedTask; task: ImportedTask }[]; removed: StoredDiffTask[] }

function unknownChange(kind: string, seq: number): never {
  throw appError('IMPORT_CHANGE_UNKNOWN', `所选的${kind}任务（序号 ${seq}）不在当前差异中，请刷新后重试。`, { kind, seq });
}

/** The chosen changes, each checked against the diff computed now (the plan may have moved on). */
function pickChanges(diff: PlanDiff, plan: PlanImport, input: ApplyInput): Chosen {
  const draftTask = new Map(plan.tasks.map((t) => [t.seq, t]));
  const addable = new Set(diff.added.map((a) => a.seq));
  const changes = new Map(diff.changed.map((c) => [c.seq, c]));
  const removable = new Map(diff.removed.map((r) => [r.seq, r]));
  return {
    added: [...new Set(input.added)].map((seq) => (addable.has(seq) ? draftTask.get(seq) : undefined) ?? unknownChange('新增', seq)),
    changed: [...new Set(input.changed)].map((seq) => {
      const change = changes.get(seq);
      const task = draftTask.get(seq);
      return change && task ? { change, task } : unknownChange('变更', seq);
    }),
    removed: [...new Set(input.removed)].map((seq) => removable.get(seq) ?? unknownChange('删除', seq)),
  };
}

/** Refuses a result where two tasks would share a seq (e.g. an addition without the renumbering). */
function assertSeqsUnique(stored: StoredDiffTask[], chosen: Chosen): void {
  const removed = new Set(chosen.removed.map((r) => r.id));
  const renumbered = new Map(chosen.changed.map((c) => [c.change.taskId, c.task.seq]));
  const seqs = [...stored.filter((s) => !removed.has(s.id)).map((s) => renumbered.get(s.id) ?? s.seq), ...chosen.added.map((a) => a.seq)];
  const seen = new Set<number>();
  const dup = [...new Set(seqs.filter((s) => seen.size === seen.add(s).size))];
  if (dup.length) throw appError('IMPORT_SEQ_CONFLICT', `应用后任务序号 ${dup.join('、')} 重复，请同时应用相关任务的变更或删除。`, { seqs: dup });
}

async function assertNoReports(tx: Tx, removed: StoredDiffTask[], force: boolean): Promise<void> {
  if (force || removed.length === 0) return;
  const counts = await reportCounts(tx, removed.map((r) => r.id));
  const blocked = removed.filter((r) => (counts.get(r.id) ?? 0) > 0).map((r) => ({ seq: r.seq, taskId: r.id, reports: counts.get(r.id) ?? 0 }));
  if (blocked.length) {
    throw appError('IMPORT_TASK_HAS_REPORTS', `任务 ${blocked.map((b) => b.seq).join('、')} 已有进展报告，删除会一并删除这些报告；确认删除请选择强制删除。`, { tasks: blocked });
  }
}

/** Indicator id by seq in the stored plan; an indicator new in the revision is created on first use. */
function indicatorIds(tx: Tx, planId: number, plan: PlanImport): (seq: number | null) => Promise<number | null> {
  let ids: Map<number, number> | null = null;
  return async (seq) => {
    if (seq === null) return null;
    ids ??= new Map((await tx.select({ id: indicators.id, seq: indicators.seq }).from(indicators).where(eq(indicators.planId, planId))).map((r) => [r.seq, r.id]));
    const known = ids.get(seq);
    if (known !== undefined) return known;
    const i = plan.indicators.find((x) => x.seq === seq);
    if (!i) return null;
    const [row] = await tx.insert(indicators).values({
      planId, seq, kind: i.kind, name: i.name, scope: i.scope, leader: i.leader, annualTarget: i.annualTarget, aliases: i.aliases, leadUnits: i.leadUnits,
    }).returning({ id: indicators.id });
    if (row) ids.set(seq, row.id);
    return row?.id ?? null;
  };
}

/** Rewrites a task's targets position by position, so target ids (used in reports) survive where they can. */
async function syncTargets(tx: Tx, taskId: number, targets: readonly PlanTarget[]): Promise<void> {
  const existing = await tx.select({ id: taskTargets.id, position: taskTargets.position }).from(taskTargets).where(eq(taskTargets.taskId, taskId));
  const byPosition = new Map(existing.map((e) => [e.position, e.id]));
  for (const row of targetRows(taskId, targets)) {
    const id = byPosition.get(row.position);
    if (id === undefined) await tx.insert(taskTargets).values(row);
    else await tx.update(taskTargets).set(row).where(eq(taskTargets.id, id));
  }
  await tx.delete(taskTargets).where(and(eq(taskTargets.taskId, taskId), gte(taskTargets.position, targets.length)));
}

interface Writer { tx: Tx; actor: Actor; importId: number; planId: number; plan: PlanImport; targets: Map<number, PlanTarget[]>; resolver: UnitResolver }

async function removeTasks(w: Writer, removed: StoredDiffTask[]): Promise<AppliedChange[]> {
  if (removed.length === 0) return [];
  await w.tx.delete(tasks).where(inArray(tasks.id, removed.map((r) => r.id)));
  for (const r of removed) {
    await audit(w.tx, { actorUserId: w.actor.userId, action: 'task.reimport_remove', entity: 'task', entityId: r.id, details: { importId: w.importId, planId: w.planId, seq: r.seq, text: r.text } });
  }
  return removed.map((r) => ({ seq: r.seq, taskId: r.id }));
}

async function updateTasks(w: Writer, changed: Chosen['changed'], indicatorId: (seq: number | null) => Promise<number | null>): Promise<AppliedChange[]> {
  // Park renumbered tasks on negative seqs first: (plan, seq) is unique and numbers may rotate.
  const moving = changed.filter((c) => c.change.fields.seq).map((c) => c.change.taskId);
  if (moving.length) await w.tx.update(tasks).set({ seq: sql`-${tasks.id}` }).where(inArray(tasks.id, moving));
  for (const { change, task } of changed) {
    const { planId: _planId, ...row } = taskRow(w.planId, await indicatorId(task.indicatorSeq), task);
    await w.tx.update(tasks).set(row).where(eq(tasks.id, change.taskId));
    if (change.fields.leadUnits || change.fields.responsibleUnits) {
      const before = (await w.tx.select({ unitId: taskUnits.unitId }).from(taskUnits).where(eq(taskUnits.taskId, change.taskId))).map((l) => l.unitId);
      await w.tx.delete(taskUnits).where(eq(taskUnits.taskId, change.taskId));
      const links = await unitLinks(w.resolver, change.taskId, task);
      if (links.length) await w.tx.insert(taskUnits).values(links);
      // A unit the revised plan newly names signs for the task (签收).
      await recordAssignments(w.tx, w.actor, change.taskId, links.map((l) => l.unitId).filter((id) => !before.includes(id)), ambientNow());
    }
    if (change.fields.text) await syncTargets(w.tx, change.taskId, w.targets.get(task.seq) ?? []);
    await audit(w.tx, { actorUserId: w.actor.userId, action: 'task.reimport_change', entity: 'task', entityId: change.taskId, details: { importId: w.importId, planId: w.planId, seq: task.seq, fields: change.fields } });
  }
  return changed.map((c) => ({ seq: c.task.seq, taskId: c.change.taskId }));
}

async function addTasks(w: Writer, added: ImportedTask[], indicatorId: (seq: number | null) => Promise<number | null>): Promise<AppliedChange[]> {
  const out: AppliedChange[] = [];
  for (const t of added) {
    const [row] = await w.tx.insert(tasks).values(taskRow(w.planId, await indicatorId(t.indicatorSeq), t)).returning({ id: tasks.id });
    if (!row) throw appError('INTERNAL');
    const links = await unitLinks(w.resolver, row.id, t);
    if (links.length) await w.tx.insert(taskUnits).values(links);
    await recordAssignments(w.tx, w.actor, row.id, links.map((l) => l.unitId), ambientNow());
    const targets = targetRows(row.id, w.targets.get(t.seq) ?? []);
    if (targets.length) await w.tx.insert(taskTargets).values(targets);
    await audit(w.tx, { actorUserId: w.actor.userId, action: 'task.reimport_add', entity: 'task', entityId: row.id, details: { importId: w.importId, planId: w.planId, seq: t.seq, text: t.text } });
    out.push({ seq: t.seq, taskId: row.id });
  }
  return out;
}

/** Applies the chosen added / changed / removed tasks of a re-import to its target plan. */
export async function applyImport(db: Db, actor: Actor, importId: number, input: ApplyInput, now: Date): Promise<ApplyResult> {
  assertMayImport(actor);
  return db.transaction(async (tx) => {
    const row = await lockDraftImport(tx, actor, importId);
    if (row.targetPlanId === null) throw appError('IMPORT_NO_TARGET_PLAN');
    const [target] = await tx.select({ id: plans.id, regionId: plans.regionId }).from(plans).where(manageablePlan(actor, row.targetPlanId)).for('update');
    if (!target) throw appError('PLAN_NOT_FOUND', undefined, { field: 'targetPlanId' });
    const { plan, targets } = validateDraft(row.draft);
    const { diff, stored } = await compareWithPlan(tx, target.id, plan);
    const chosen = pickChanges(diff, plan, input);
    assertSeqsUnique(stored, chosen);
    await assertNoReports(tx, chosen.removed, input.force ?? false);
    const mapping = unitMappingOf(writtenUnitNames(row.draft), input.unitMapping);
    const resolver = new UnitResolver(tx, target.regionId, { mapping, mappableRegionIds: actor.regionIds, fuzzy: true });
    const w: Writer = { tx, actor, importId, planId: target.id, plan, targets, resolver };
    const indicatorId = indicatorIds(tx, target.id, plan);
    const removed = await removeTasks(w, chosen.removed);
    const changed = await updateTasks(w, chosen.changed, indicatorId);
    const added = await addTasks(w, chosen.added, indicatorId);
    await tx.update(planImports).set({ status: 'committed', planId: target.id, updatedAt: now }).where(eq(planImports.id, importId));
    await audit(tx, {
      actorUserId: actor.userId, action: 'plan_import.apply', entity: 'plan', entityId: target.id,
      details: { importId, added: added.length, changed: changed.length, removed: removed.length, unitsCreated: resolver.created.length },
    });
    return { planId: target.id, added, changed, removed };
  });
}
