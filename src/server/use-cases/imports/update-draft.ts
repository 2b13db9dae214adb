/** Review: the office's edited draft replaces the stored one once it validates. */
import { eq } from 'drizzle-orm';
import { audit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { planImports } from '../../../db/import-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertMayImport } from '../../policies/import.policy.ts';
import { lockDraftImport, validateDraft } from './import-draft.ts';
import { assertSameVersion } from '../content-version.ts';

/** Stores an edited draft (PLAN_DRAFT_INVALID naming the field when it does not validate). */
export async function updateDraft(db: Db, actor: Actor, importId: number, draft: unknown, now: Date, expectedVersion?: string): Promise<void> {
  assertMayImport(actor);
  const { plan } = validateDraft(draft);
  await db.transaction(async (tx) => {
    const row = await lockDraftImport(tx, actor, importId);
    assertSameVersion(row.draft, expectedVersion, '该导入草稿');
    await tx.update(planImports).set({ draft, updatedAt: now }).where(eq(planImports.id, importId));
    await audit(tx, { actorUserId: actor.userId, action: 'plan_import.edit', entity: 'plan_import', entityId: importId, details: { tasks: plan.tasks.length } });
  });
}
