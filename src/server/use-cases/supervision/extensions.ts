/**
 * 延期申请: a unit asks to move a task's deadline — only before the deadline — with reason,
 * proposed date and progress; the unit's head confirms; the office approves (fixing the new date)
 * or refuses. The plan's original deadline is kept for assessment; the approved date only moves
 * the task's effective due date for lights and reminders.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { chinaDate } from '../../../domain/supervision/work-calendar.ts';
import { mayAskExtension } from '../../../domain/supervision/due-dates.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { users } from '../../../db/schema.ts';
import { extensionRequests, taskSupervision, unitHeads } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertMayReport, assertOffice } from '../../policies/report.policy.ts';
import { mayConfirmExtension } from '../../policies/supervision.policy.ts';
import { notifyUsers, regionUsers, unitUsers } from './notify.ts';
import { loadTaskContext } from './task-context.ts';
import { markLightsStale } from './lights.ts';

export type ExtensionRequest = typeof extensionRequests.$inferSelect;

/** Files an extension request for the actor's unit. */
export async function requestExtension(db: Db, actor: Actor, taskId: number, input: { reason: string; proposedDueOn: string; progress: string }, now: Date): Promise<ExtensionRequest> {
  return db.transaction(async (tx) => {
    const ctx = await loadTaskContext(tx, actor, taskId);
    const { unitId } = assertMayReport(actor, ctx.links);
    if (ctx.supervision?.completedAt) throw appError('TASK_ALREADY_COMPLETED');
    const today = chinaDate(now);
    if (!ctx.dueOn) throw appError('VALIDATION_FAILED', '该任务没有明确的完成时限，无需申请延期');
    if (!mayAskExtension(ctx.dueOn, false, today)) throw appError('EXTENSION_AFTER_DEADLINE');
    if (input.proposedDueOn <= ctx.dueOn) throw appError('EXTENSION_DATE_INVALID', undefined, { field: 'proposedDueOn' });
    const [pending] = await tx.select({ id: extensionRequests.id }).from(extensionRequests)
      .where(and(eq(extensionRequests.taskId, taskId), eq(extensionRequests.unitId, unitId), eq(extensionRequests.state, 'pending_head')));
    if (pending) throw appError('VALIDATION_FAILED', '本单位已有待确认的延期申请');
    // A unit without an active head has nobody to confirm: its requests go straight to the office.
    const heads = (await tx.select({ id: unitHeads.userId }).from(unitHeads).innerJoin(users, eq(users.id, unitHeads.userId))
      .where(and(eq(unitHeads.unitId, unitId), isNull(users.disabledAt)))).map((h) => h.id);
    const [created] = await tx.insert(extensionRequests).values({
      taskId, unitId, reason: input.reason, progress: input.progress, originalDueOn: ctx.dueOn, proposedDueOn: input.proposedDueOn,
      createdBy: actor.userId, createdAt: now, state: heads.length ? 'pending_head' : 'pending_office',
    }).returning();
    if (!created) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'extension.request', entity: 'task', entityId: taskId, details: { extensionId: created.id, proposedDueOn: input.proposedDueOn, noUnitHead: !heads.length } });
    if (heads.length) await notifyUsers(tx, heads, { title: '延期申请待确认', body: `任务 ${ctx.task.seq} 申请延期至 ${input.proposedDueOn}，请单位负责人确认。`, link: `/tasks?task=${taskId}` });
    else await notifyUsers(tx, await regionUsers(tx, ctx.plan.regionId, 'office'), { title: '延期申请待审批', body: `任务 ${ctx.task.seq} 申请延期至 ${input.proposedDueOn}（该单位未设负责人，由优化办直接审批）。`, link: `/tasks?task=${taskId}` });
    return created;
  });
}

async function loadPending(db: Db, actor: Actor, id: number, state: ExtensionRequest['state']) {
  const [req] = await db.select().from(extensionRequests).where(eq(extensionRequests.id, id));
  if (!req) throw appError('EXTENSION_NOT_FOUND');
  const ctx = await loadTaskContext(db, actor, req.taskId).catch(() => { throw appError('EXTENSION_NOT_FOUND'); });
  if (req.state !== state) throw appError('EXTENSION_NOT_PENDING');
  return { req, ctx };
}

/** The unit's head confirms the request, sending it to the office. */
export async function confirmExtension(db: Db, actor: Actor, id: number, now: Date): Promise<ExtensionRequest> {
  const { req, ctx } = await loadPending(db, actor, id, 'pending_head');
  if (!mayConfirmExtension(actor, req)) throw appError('FORBIDDEN', '只有申请单位的负责人可以确认延期申请');
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(extensionRequests).set({ state: 'pending_office', headConfirmedBy: actor.userId, headConfirmedAt: now })
      .where(and(eq(extensionRequests.id, id), eq(extensionRequests.state, 'pending_head'))).returning();
    if (!updated) throw appError('EXTENSION_NOT_PENDING');
    await audit(tx, { actorUserId: actor.userId, action: 'extension.confirm', entity: 'task', entityId: req.taskId, details: { extensionId: id } });
    await notifyUsers(tx, await regionUsers(tx, ctx.plan.regionId, 'office'), { title: '延期申请待审批', body: `任务 ${ctx.task.seq} 申请延期至 ${req.proposedDueOn}。`, link: `/tasks?task=${req.taskId}` });
    return updated;
  });
}

/** The office approves (with the new date it fixes) or refuses a confirmed request. */
export async function decideExtension(db: Db, actor: Actor, id: number, input: { approve: boolean; newDueOn?: string; comment?: string }, now: Date): Promise<ExtensionRequest> {
  assertOffice(actor);
  const { req, ctx } = await loadPending(db, actor, id, 'pending_office');
  if (!input.approve && !input.comment?.trim()) throw appError('COMMENT_REQUIRED');
  const newDueOn = input.approve ? (input.newDueOn ?? req.proposedDueOn) : null;
  if (newDueOn && newDueOn <= req.originalDueOn) throw appError('EXTENSION_DATE_INVALID', undefined, { field: 'newDueOn' });
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(extensionRequests)
      .set({ state: input.approve ? 'approved' : 'refused', decidedBy: actor.userId, decidedAt: now, decisionComment: input.comment ?? null, newDueOn })
      .where(and(eq(extensionRequests.id, id), eq(extensionRequests.state, 'pending_office'))).returning();
    if (!updated) throw appError('EXTENSION_NOT_PENDING');
    if (newDueOn) {
      await tx.insert(taskSupervision).values({ taskId: req.taskId, extendedDueOn: newDueOn })
        .onConflictDoUpdate({ target: taskSupervision.taskId, set: { extendedDueOn: newDueOn } });
      await markLightsStale(tx, req.taskId);
    }
    await audit(tx, { actorUserId: actor.userId, action: input.approve ? 'extension.approve' : 'extension.refuse', entity: 'task', entityId: req.taskId, details: { extensionId: id, newDueOn, originalDueOn: req.originalDueOn } });
    await notifyUsers(tx, await unitUsers(tx, [req.unitId]), {
      title: input.approve ? '延期申请已批准' : '延期申请未获批准',
      body: input.approve ? `任务 ${ctx.task.seq} 的完成时限调整为 ${newDueOn}。` : `任务 ${ctx.task.seq} 的延期申请未获批准：${input.comment ?? ''}`,
      link: `/tasks?task=${req.taskId}`,
    });
    return updated;
  });
}
