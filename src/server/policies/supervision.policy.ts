/**
 * Who may see and act on the supervision records addressed to units: 催办/督办 (urges) and 延期申请
 * (extension requests). A unit user sees only those of its own unit — not its fellow members' in a
 * collective (各县市区政府: the counties of one city are rivals in its ranking), nor the other units'
 * of a shared task. Offices and leaders see them on every task they may see (the caller has
 * already checked the task is visible).
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { extensionRequests, urges } from '../../db/supervision-schema.ts';
import type { Actor } from '../auth/actor.ts';

/** SQL condition on `urges` selecting those the actor may see. */
export function visibleUrges(actor: Actor): SQL | undefined {
  if (actor.role !== 'unit') return undefined;
  return actor.unit ? eq(urges.unitId, actor.unit.id) : sql`false`;
}

/** Whether the actor may reply to an urge: only a user of the unit it is addressed to, once. */
export function mayReplyToUrge(actor: Actor, urge: { unitId: number }): boolean {
  return actor.role === 'unit' && actor.unit?.id === urge.unitId;
}

/** What the actor may do with an urge it sees (sent with the record as `permissions`). */
export function urgePermissions(actor: Actor, urge: { unitId: number; repliedAt: unknown }): { reply: boolean } {
  return { reply: urge.repliedAt === null && mayReplyToUrge(actor, urge) };
}

/** SQL condition on `extension_requests` selecting those the actor may see. */
export function visibleExtensionRequests(actor: Actor): SQL | undefined {
  if (actor.role !== 'unit') return undefined;
  return actor.unit ? eq(extensionRequests.unitId, actor.unit.id) : sql`false`;
}

/** Whether the actor may confirm an extension request: only the head of the unit that asked. */
export function mayConfirmExtension(actor: Actor, request: { unitId: number }): boolean {
  return actor.role === 'unit' && actor.isUnitHead && actor.unit?.id === request.unitId;
}

/** Only offices urge, decide on extensions and review completion. */
export function maySupervise(actor: Actor): boolean {
  return actor.role === 'office';
}

export type ExtensionState = 'pending_head' | 'pending_office' | 'approved' | 'refused' | 'withdrawn';

/** What the actor may do with an extension request it sees (sent with the record as `permissions`). */
export function extensionPermissions(actor: Actor, request: { unitId: number; state: ExtensionState }): { confirm: boolean; decide: boolean } {
  return {
    confirm: request.state === 'pending_head' && mayConfirmExtension(actor, request),
    decide: request.state === 'pending_office' && maySupervise(actor),
  };
}

/** Whether the actor sees a plan's lights (预警): offices and leaders; units get 404. */
export function mayReadLights(actor: Actor): boolean {
  return actor.role !== 'unit';
}
