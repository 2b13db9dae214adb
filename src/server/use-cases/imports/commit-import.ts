/**
 * Commit: the reviewed draft becomes a plan — indicators, tasks, unit links (mapped as the office
 * chose), targets — in one transaction with its audit row. Any failure leaves nothing behind.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { planImports } from '../../../db/import-schema.ts';
import { UnitResolver, insertPlan, type UnitChoice } from '../../../db/plans/write-plan.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertMayImport, assertMayImportInto } from '../../policies/import.policy.ts';
import { lockDraftImport, validateDraft, writtenUnitNames } from './import-draft.ts';

export interface CommitInput {
  /** Region of the new plan; default: the import's region. */
  regionId?: number;
  /** Written unit name → existing unit id or 'new'; names left out are matched or created. */
  unitMapping?: Record<string, UnitChoice>;
}

export interface CommitResult { planId: number; indicators: number; tasks: number; targets: number; unitsCreated: { id: number; name: string }[] }

/** Checks that every mapped name occurs in the draft, so a typo is not silently ignored. */
export function unitMappingOf(written: readonly string[], mapping: Record<string, UnitChoice> | undefined): Map<string, UnitChoice> {
  const known = new Set(written);
  const out = new Map<string, UnitChoice>();
  for (const [name, choice] of Object.entries(mapping ?? {})) {
    if (!known.has(name)) throw appError('IMPORT_MAPPING_INVALID', `草稿中没有单位“${name}”，无法设置对应关系。`, { name });
    out.set(name, choice);
  }
  return out;
}

/** Writes the draft of an import as a new plan and marks the import committed. */
export async function commitImport(db: Db, actor: Actor, importId: number, input: CommitInput, now: Date): Promise<CommitResult> {
  assertMayImport(actor);
  return db.transaction(async (tx) => {
    const row = await lockDraftImport(tx, actor, importId);
    const regionId = input.regionId ?? row.regionId;
    assertMayImportInto(actor, regionId);
    const { plan, targets } = validateDraft(row.draft);
    const mapping = unitMappingOf(writtenUnitNames(row.draft), input.unitMapping);
    const resolver = new UnitResolver(tx, regionId, { mapping, mappableRegionIds: actor.regionIds, fuzzy: true });
    const source = { importId, fileName: row.fileName, sha256: row.sha256, format: row.format };
    const planId = await insertPlan(tx, regionId, plan, actor.userId, source, { resolver, targets, createdAt: now });
    await tx.update(planImports).set({ status: 'committed', planId, regionId, updatedAt: now }).where(eq(planImports.id, importId));
    const targetCount = plan.tasks.reduce((n, t) => n + (targets.get(t.seq)?.length ?? 0), 0);
    return { planId, indicators: plan.indicators.length, tasks: plan.tasks.length, targets: targetCount, unitsCreated: resolver.created };
  });
}
