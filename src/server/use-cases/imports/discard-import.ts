/** Discarding a draft: it stays on record (who uploaded what) but can no longer be committed. */
import { eq } from 'drizzle-orm';
import { audit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { planImports } from '../../../db/import-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertMayImport } from '../../policies/import.policy.ts';
import { lockDraftImport } from './import-draft.ts';

/** Marks a draft import discarded. */
export async function discardImport(db: Db, actor: Actor, importId: number, now: Date): Promise<void> {
  assertMayImport(actor);
  await db.transaction(async (tx) => {
    const row = await lockDraftImport(tx, actor, importId);
    await tx.update(planImports).set({ status: 'discarded', updatedAt: now }).where(eq(planImports.id, importId));
    await audit(tx, { actorUserId: actor.userId, action: 'plan_import.discard', entity: 'plan_import', entityId: importId, details: { fileName: row.fileName } });
  });
}
