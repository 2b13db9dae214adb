/**
 * Who may see the supervision records addressed to units: 催办/督办 (urges) and 延期申请
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

/** Whether the actor may reply to an urge: only a user of the unit it is addressed to. */
export function mayReplyToUrge(actor: Actor, urge: { unitId: number }): boolean {
  return actor.role === 'unit' && actor.unit?.id === urge.unitId;
}

/** SQL condition on `extension_requests` selecting those the actor may see. */
export function visibleExtensionRequests(actor: Actor): SQL | undefined {
  if (actor.role !== 'unit') return undefined;
  return actor.unit ? eq(extensionRequests.unitId, actor.unit.id) : sql`false`;
}
