/**
 * Writing to the in-app inbox inside the caller's transaction. Outbound copies (e-mail, group
 * robots) are queued by the reminder job, not here, so a rolled-back change notifies nobody.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { ambientNow } from '../../../db/clock.ts';
import { users } from '../../../db/schema.ts';
import { notifications } from '../../../db/supervision-schema.ts';

export interface Message { title: string; body: string; link?: string; dedupeKey?: string }

/** Puts a message in each user's inbox; with a dedupe key, a user gets it at most once. */
export async function notifyUsers(tx: Tx, userIds: number[], message: Message): Promise<number> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return 0;
  const rows = await tx.insert(notifications)
    .values(unique.map((userId) => ({ userId, title: message.title, body: message.body, link: message.link ?? null, dedupeKey: message.dedupeKey ?? null, createdAt: ambientNow() })))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

/** Users acting for any of the given units. */
export async function unitUsers(tx: Tx, unitIds: number[]): Promise<number[]> {
  if (unitIds.length === 0) return [];
  return (await tx.select({ id: users.id }).from(users).where(inArray(users.unitId, unitIds))).map((u) => u.id);
}

/** Users of a role in one region (the plan's office, its leaders). */
export async function regionUsers(tx: Tx, regionId: number, role: 'office' | 'leader'): Promise<number[]> {
  return (await tx.select({ id: users.id }).from(users).where(and(eq(users.regionId, regionId), eq(users.role, role)))).map((u) => u.id);
}
