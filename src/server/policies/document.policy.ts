/**
 * Who may see and write the office's documents and practice notes: the offices and leaders whose
 * region covers the plan see them; only offices create, edit, issue and delete. Units never see
 * them (404, as for anything outside one's scope): a draft names laggards before it is issued.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { plans } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';
import { anyOf } from '../../db/queries/any-of.ts';

/** SQL condition on `plans` for a plan whose documents the actor may read. */
export function documentPlanScope(actor: Actor, planId?: number): SQL {
  if (!mayReadDocuments(actor)) return sql`false`;
  return and(anyOf(plans.regionId, actor.regionIds), planId === undefined ? undefined : eq(plans.id, planId)) ?? sql`false`;
}

/** Whether the actor reads documents, practice notes and the responsibility table at all. */
export function mayReadDocuments(actor: Actor): boolean {
  return actor.role !== 'unit';
}

/** Whether the actor writes documents and practice notes (offices). */
export function mayWriteDocuments(actor: Actor): boolean {
  return actor.role === 'office';
}

/** Throws FORBIDDEN unless the actor writes documents (offices); callers check scope first (404). */
export function assertDocumentWriter(actor: Actor): void {
  if (!mayWriteDocuments(actor)) throw appError('FORBIDDEN', '只有优化办可以起草、修改和印发公文');
}

/** What the actor may do with a document it can see (sent to the UI with the record). */
export function documentPermissions(actor: Actor, status: 'draft' | 'issued'): { edit: boolean; issue: boolean } {
  const office = mayWriteDocuments(actor);
  return { edit: office && status === 'draft', issue: office && status === 'draft' };
}
