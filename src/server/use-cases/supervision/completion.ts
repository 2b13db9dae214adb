/** 办结审核: the office accepts a task as done (or declines), after which its light is "done". */
import { and, desc, eq } from 'drizzle-orm';
import { chinaDate } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { progressReports, taskSupervision } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertOffice } from '../../policies/report.policy.ts';
import { notifyUsers, unitUsers } from './notify.ts';
import { loadTaskContext } from './task-context.ts';
import { markLightsStale } from './lights.ts';

/** The lead unit's latest accepted report on a task: the evidence 办结审核 rests on. */
export async function latestAcceptedLeadReport(db: Db, taskId: number): Promise<{ status: string; submittedAt: Date | null } | undefined> {
  const [latest] = await db.select({ status: progressReports.status, submittedAt: progressReports.submittedAt }).from(progressReports)
    .where(and(eq(progressReports.taskId, taskId), eq(progressReports.role, 'lead'), eq(progressReports.state, 'accepted')))
    .orderBy(desc(progressReports.submittedAt)).limit(1);
  return latest;
}

/** Records the office's completion review of a task. */
export async function reviewCompletion(db: Db, actor: Actor, taskId: number, accept: boolean, comment: string | undefined, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const ctx = await loadTaskContext(tx, actor, taskId);
    assertOffice(actor);
    if (ctx.supervision?.completedAt) throw appError('TASK_ALREADY_COMPLETED');
    if (!accept && !comment?.trim()) throw appError('COMMENT_REQUIRED');
    if (accept) {
      // Completion is accepted on the evidence of the lead unit's accepted report saying 已完成.
      const latest = await latestAcceptedLeadReport(tx, taskId);
      if (latest?.status !== 'done') throw appError('VALIDATION_FAILED', '牵头单位尚无已审核通过且状态为“已完成”的进展报告，不能办结');
      // The completion date is when the unit reported the work done, not the day of this review.
      const doneOn = chinaDate(latest.submittedAt ?? now);
      const values = { completedAt: now, doneOn, completedBy: actor.userId, completionComment: comment ?? null };
      await tx.insert(taskSupervision).values({ taskId, ...values })
        .onConflictDoUpdate({ target: taskSupervision.taskId, set: values });
      await markLightsStale(tx, taskId);
    }
    await audit(tx, { actorUserId: actor.userId, action: accept ? 'task.complete' : 'task.complete_declined', entity: 'task', entityId: taskId, details: { comment: comment ?? null } });
    await notifyUsers(tx, await unitUsers(tx, ctx.links.map((l) => l.unitId)), {
      title: accept ? '任务已办结' : '办结申请未通过', body: `任务 ${ctx.task.seq}${accept ? '已通过办结审核' : `未通过办结审核：${comment ?? ''}`}`, link: `/tasks?task=${taskId}`,
    });
  });
}
