/**
 * 催办 (a reminder to a unit about a task) and 督办单 (a numbered formal supervision order with a
 * required reply date, copied to the responsible leader). Order numbers are consecutive per
 * region and year: 邵优化督〔2023〕12号.
 */
import { and, asc, eq, max } from 'drizzle-orm';
import { chinaDate } from '../../../domain/supervision/work-calendar.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { unitMemberships } from '../../../db/schema.ts';
import { audit } from '../../../db/audit.ts';
import { urges } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertOffice } from '../../policies/report.policy.ts';
import { loadPlanWithRegion, orderNumberPrefix } from '../documents/issuing-office.ts';
import { mayReplyToUrge } from '../../policies/supervision.policy.ts';
import { notifyUsers, unitUsers } from './notify.ts';
import { loadTaskContext } from './task-context.ts';

export type Urge = typeof urges.$inferSelect;

export interface UrgeInput { kind: 'reminder' | 'order'; unitId: number; message: string; replyBy?: string | null }

/** The units an urge addressed to `unitId` goes to: each member of a collective (各县市区政府), or the unit. */
async function addressees(tx: Tx, unitId: number): Promise<number[]> {
  const members = await tx.select({ id: unitMemberships.memberId }).from(unitMemberships).where(eq(unitMemberships.collectiveId, unitId)).orderBy(asc(unitMemberships.memberId));
  return members.length ? members.map((m) => m.id) : [unitId];
}

/**
 * Issues a reminder or a numbered supervision order to one of the task's units. A collective has
 * no users of its own: addressed to one, the urge goes to each member as its own record (its own
 * 督办单 number), which each member sees and answers. Returns the records, in member order.
 */
export async function urgeTask(db: Db, actor: Actor, taskId: number, input: UrgeInput, now: Date): Promise<Urge[]> {
  return db.transaction(async (tx) => {
    const ctx = await loadTaskContext(tx, actor, taskId);
    assertOffice(actor);
    if (!ctx.links.some((l) => l.unitId === input.unitId)) throw appError('VALIDATION_FAILED', '被催办单位不是该任务的牵头或责任单位', { field: 'unitId' });
    if (input.kind === 'order' && !input.replyBy) throw appError('VALIDATION_FAILED', '督办单必须写明回复期限', { field: 'replyBy' });
    const today = chinaDate(now);
    if (input.replyBy && input.replyBy < today) throw appError('VALIDATION_FAILED', '回复期限不能早于今天', { field: 'replyBy' });
    const year = Number(today.slice(0, 4));
    // Serialise numbering per region: the unique index would reject a race, the lock avoids it.
    if (input.kind === 'order') await tx.execute(`select pg_advisory_xact_lock(hashtext('urge-order-${ctx.plan.regionId}-${year}'))`);
    const prefix = input.kind === 'order' ? orderNumberPrefix(await loadPlanWithRegion(tx, ctx.plan.id), ctx.settings.orderPrefix) : '';
    const created: Urge[] = [];
    for (const unitId of await addressees(tx, input.unitId)) {
      let numbering: { year: number; seq: number; number: string } | null = null;
      if (input.kind === 'order') {
        const [row] = await tx.select({ n: max(urges.seq) }).from(urges).where(and(eq(urges.regionId, ctx.plan.regionId), eq(urges.year, year)));
        const seq = (row?.n ?? 0) + 1;
        numbering = { year, seq, number: `${prefix}〔${year}〕${seq}号` };
      }
      const [urge] = await tx.insert(urges).values({
        taskId, unitId, kind: input.kind, regionId: ctx.plan.regionId, year: numbering?.year ?? null, seq: numbering?.seq ?? null,
        number: numbering?.number ?? null, message: input.message, replyBy: input.replyBy ?? null,
        copiedLeader: input.kind === 'order' ? ctx.task.leader : null, createdBy: actor.userId, createdAt: now,
      }).returning();
      if (!urge) throw appError('INTERNAL');
      await audit(tx, { actorUserId: actor.userId, action: `urge.${input.kind}`, entity: 'task', entityId: taskId, details: { urgeId: urge.id, number: urge.number, unitId, addressedTo: input.unitId } });
      await notifyUsers(tx, await unitUsers(tx, [unitId]), {
        title: input.kind === 'order' ? `督办单 ${urge.number}` : '催办提醒',
        body: `${input.message}${input.replyBy ? `（请于 ${input.replyBy} 前回复）` : ''}`, link: `/tasks?task=${taskId}`,
      });
      created.push(urge);
    }
    return created;
  });
}

/** The unit replies to a reminder or supervision order addressed to it. */
export async function replyToUrge(db: Db, actor: Actor, urgeId: number, reply: string, now: Date): Promise<Urge> {
  return db.transaction(async (tx) => {
    const [urge] = await tx.select().from(urges).where(eq(urges.id, urgeId));
    if (!urge || !mayReplyToUrge(actor, urge)) throw appError('URGE_NOT_FOUND');
    await loadTaskContext(tx, actor, urge.taskId);
    const [updated] = await tx.update(urges).set({ reply, repliedAt: now, acknowledgedAt: urge.acknowledgedAt ?? now, acknowledgedBy: urge.acknowledgedBy ?? actor.userId }).where(eq(urges.id, urgeId)).returning();
    if (!updated) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'urge.reply', entity: 'task', entityId: urge.taskId, details: { urgeId } });
    return updated;
  });
}
