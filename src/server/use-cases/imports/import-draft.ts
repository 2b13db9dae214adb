/**
 * What the import use cases share: validating a stored or edited draft, the written unit names it
 * contains, and loading an import row within the caller's scope.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../../db/client.ts';
import { planImports } from '../../../db/import-schema.ts';
import { targetsBySeq, type PlanTarget } from '../../../db/plans/write-plan.ts';
import { AppError } from '../../../domain/errors.ts';
import { CommittableTaskSchema, EditableTaskSchema, EditableWarningSchema, type ImportWarning } from '../../../domain/plan-draft.schema.ts';
import { planImportFromDraft, type ImportedTask, type PlanImport } from '../../../domain/plan-import.ts';
import type { DiffTask } from '../../../domain/plan-diff.ts';
import { matchUnit, type CanonicalUnit } from '../../../domain/unit-names.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { visibleImports } from '../../policies/import.policy.ts';

export type ImportRow = typeof planImports.$inferSelect;

// Parts of the one draft schema (domain/plan-draft.schema.ts) that these use cases read.
const DraftTargets = z.object({ tasks: z.array(CommittableTaskSchema.pick({ seq: true, targets: true })) });
const DraftUnits = z.object({ tasks: z.array(EditableTaskSchema.pick({ lead_units: true, responsible_units: true })) });
const DraftWarnings = z.object({ warnings: z.array(EditableWarningSchema).nullish() });

export interface ValidDraft { plan: PlanImport; targets: Map<number, PlanTarget[]> }

/** Validates a draft (engine output or the review screen's edit); errors name the field path. */
export function validateDraft(draft: unknown): ValidDraft {
  const plan = planImportFromDraft(draft);
  // Cannot fail once planImportFromDraft has passed: it checked the same task schema, targets included.
  const { tasks } = DraftTargets.parse(draft);
  const seqs = new Set<number>();
  for (const [i, t] of plan.tasks.entries()) {
    // Two tasks with one number cannot both be stored (tasks are unique per plan and seq).
    if (seqs.has(t.seq)) throw new AppError('PLAN_DRAFT_INVALID', `第${i + 1}项任务的“序号”不正确：序号 ${t.seq} 与前面的任务重复`, { path: `tasks.${i}.seq` });
    seqs.add(t.seq);
  }
  return { plan, targets: targetsBySeq(tasks) };
}

/** A reader or layout note for the reviewer: where in the source, and the source text there. */
export type { ImportWarning };

/** The draft's warnings (reader and layout notes for the reviewer). */
export function draftWarnings(draft: unknown): ImportWarning[] {
  const parsed = DraftWarnings.safeParse(draft);
  return parsed.success ? (parsed.data.warnings ?? []).map((w) => ({ message: w.message, ref: w.ref ?? {}, ...(w.excerpt ? { excerpt: w.excerpt } : {}) })) : [];
}

/**
 * Every distinct unit name the draft's tasks write, in order of first appearance. Read leniently:
 * a draft that does not validate yet (no title) still shows its units for review.
 */
export function writtenUnitNames(draft: unknown): string[] {
  const parsed = DraftUnits.safeParse(draft);
  if (!parsed.success) return [];
  return [...new Set(parsed.data.tasks.flatMap((t) => [...(t.lead_units ?? []), ...(t.responsible_units ?? [])]))];
}

/** Each written name with the catalogue unit it matches (by name, alias or dictionary), or null. */
export function matchWrittenUnits(names: readonly string[], catalogue: readonly CanonicalUnit[]): { name: string; unit: { id: number; name: string } | null }[] {
  const byId = new Map(catalogue.map((u) => [u.id, u]));
  return names.map((name) => {
    const id = matchUnit(name, catalogue);
    const unit = id === null ? undefined : byId.get(id);
    return { name, unit: unit ? { id: Number(unit.id), name: unit.name } : null };
  });
}

/** A draft task in the diff's comparable shape. */
export function toDiffTask(t: ImportedTask): DiffTask {
  return {
    seq: t.seq, indicatorSeq: t.indicatorSeq, subIndicatorCode: t.subIndicatorCode, subIndicator: t.subIndicator, text: t.text, leader: t.leader,
    leadUnits: t.units.lead, responsibleUnits: t.units.responsible, responsibleUnitsOpen: t.units.open, deadline: t.deadline,
    deadlineRaw: t.deadlineRaw, annualTarget: t.annualTarget, basis: t.basis, remarks: t.remarks, notes: t.notes,
  };
}

/** The import with this id if the actor may see it, else IMPORT_NOT_FOUND. */
export async function findImport(db: Db | Tx, actor: Actor, id: number): Promise<ImportRow> {
  const [row] = await db.select().from(planImports).where(and(eq(planImports.id, id), visibleImports(actor)));
  if (!row) throw appError('IMPORT_NOT_FOUND');
  return row;
}

/** Locks a draft import for a change (commit, apply, edit, discard); a finished one is IMPORT_NOT_DRAFT. */
export async function lockDraftImport(tx: Tx, actor: Actor, id: number): Promise<ImportRow> {
  // FOR UPDATE: a double-clicked commit waits for the first and then sees it committed.
  const [row] = await tx.select().from(planImports).where(and(eq(planImports.id, id), visibleImports(actor))).for('update');
  if (!row) throw appError('IMPORT_NOT_FOUND');
  if (row.status !== 'draft') throw appError('IMPORT_NOT_DRAFT', undefined, { status: row.status });
  return row;
}
