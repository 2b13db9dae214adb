/**
 * 延期 (the 主办 unit asks before the deadline, the office approves or refuses) and 催办/督办单
 * on a case. A 督办单 reuses the supervision urging: a numbered order on the linked task the
 * 主办 unit works on, so it is counted, printed and answered like every other 督办单.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { stepAllowed, STATE_LABELS } from '../../../domain/cases/case-model.ts';
import { chinaDate } from '../../../domain/supervision/work-calendar.ts';
import { audit } from '../../../db/audit.ts';
import { caseEvents, cases } from '../../../db/case-schema.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { taskUnits } from '../../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertCaseOffice, caseUnitRole } from '../../policies/case.policy.ts';
import { notifyUsers, regionUsers, unitUsers } from '../supervision/notify.ts';
import { urgeTask } from '../supervision/urges.ts';
import { loadCase, type CaseRow } from './create-case.ts';

function assertState(c: CaseRow, step: 'extend' | 'urge'): void {
  if (!stepAllowed(c.state, step)) throw appError('CASE_STATE_INVALID', `问题当前为“${STATE_LABELS[c.state]}”，不能${step === 'extend' ? '申请延期' : '催办'}`);
}

async function record(tx: Tx, actor: Actor, c: CaseRow, step: string, now: Date, text: string, details: Record<string, unknown>): Promise<void> {
  await tx.insert(caseEvents).values({ caseId: c.id, step, day: chinaDate(now), at: now, actorUserId: actor.userId, unitId: actor.unit?.id ?? null, text, details });
  await audit(tx, { actorUserId: actor.userId, action: `case.${step}`, entity: 'case', entityId: c.id, details });
}

/** The 主办 unit asks for a later deadline, before the current one has passed. */
export async function requestCaseExtension(db: Db, actor: Actor, caseId: number, input: { proposedDueOn: string; reason: string }, now: Date): Promise<CaseRow> {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor, caseId, true);
    if (caseUnitRole(actor, c) !== 'lead') throw appError('FORBIDDEN', '只有主办单位可以申请延期');
    assertState(c, 'extend');
    const today = chinaDate(now);
    if (!c.dueOn || c.dueOn < today) throw appError('EXTENSION_AFTER_DEADLINE', '已超过办理时限，不能再申请延期');
    if (input.proposedDueOn <= c.dueOn) throw appError('EXTENSION_DATE_INVALID', '延期后的时限必须晚于原时限', { field: 'proposedDueOn' });
    if (c.extensionRequest) throw appError('VALIDATION_FAILED', '已有待审批的延期申请');
    const request = { proposedDueOn: input.proposedDueOn, reason: input.reason.trim(), requestedOn: today, unitId: actor.unit!.id };
    const [updated] = await tx.update(cases).set({ extensionRequest: request }).where(eq(cases.id, caseId)).returning();
    await record(tx, actor, c, 'extension_request', now, input.reason.trim(), { proposedDueOn: input.proposedDueOn });
    await notifyUsers(tx, await regionUsers(tx, c.regionId, 'office'), { title: '问题延期申请待审批', body: `${c.title}：申请延期至 ${input.proposedDueOn}`, link: `/cases/${c.id}` });
    return updated!;
  });
}

/** The office approves (the deadline moves) or refuses a pending extension request. */
export async function decideCaseExtension(db: Db, actor: Actor, caseId: number, input: { approve: boolean; comment?: string }, now: Date): Promise<CaseRow> {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor, caseId, true);
    assertCaseOffice(actor);
    const req = c.extensionRequest;
    if (!req) throw appError('EXTENSION_NOT_PENDING');
    if (!input.approve && !input.comment?.trim()) throw appError('COMMENT_REQUIRED');
    const [updated] = await tx.update(cases).set({ extensionRequest: null, ...(input.approve ? { dueOn: req.proposedDueOn } : {}) }).where(eq(cases.id, caseId)).returning();
    const text = input.approve ? `同意延期至 ${req.proposedDueOn}` : `不同意延期：${input.comment!.trim()}`;
    await record(tx, actor, c, input.approve ? 'extension_approve' : 'extension_refuse', now, text, { proposedDueOn: req.proposedDueOn, previousDueOn: c.dueOn });
    await notifyUsers(tx, await unitUsers(tx, [req.unitId]), { title: input.approve ? '问题延期已批准' : '问题延期未获批准', body: `${c.title}：${text}`, link: `/cases/${c.id}` });
    return updated!;
  });
}

/**
 * 催办 (a reminder in the 主办 unit's inbox) or 督办单 (a numbered order through the supervision
 * urging, on a linked task the 主办 unit leads or shares).
 */
export async function urgeCase(db: Db, actor: Actor, caseId: number, input: { kind: 'reminder' | 'order'; message: string; replyBy?: string | null }, now: Date): Promise<CaseRow> {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor, caseId, true);
    assertCaseOffice(actor);
    assertState(c, 'urge');
    let number: string | null = null;
    if (input.kind === 'order') {
      const [task] = c.taskIds.length && c.leadUnitId ? await tx.select({ taskId: taskUnits.taskId }).from(taskUnits)
        .where(and(eq(taskUnits.unitId, c.leadUnitId), inArray(taskUnits.taskId, c.taskIds))).orderBy(asc(taskUnits.taskId)).limit(1) : [];
      const taskId = task?.taskId;
      if (!taskId) throw appError('VALIDATION_FAILED', '下发督办单需先关联主办单位承担的方案任务；可改用催办', { field: 'kind' });
      // The supervision urging opens its own transaction; inside ours it is a savepoint.
      const [urge] = await urgeTask(tx, actor, taskId, { kind: 'order', unitId: c.leadUnitId!, message: `【问题督办】${c.title}：${input.message}`, replyBy: input.replyBy ?? null }, now);
      number = urge?.number ?? null;
    } else {
      await notifyUsers(tx, await unitUsers(tx, [c.leadUnitId!]), { title: '问题催办', body: `${c.title}：${input.message}`, link: `/cases/${c.id}` });
    }
    await record(tx, actor, c, 'urge', now, input.message, { kind: input.kind, number });
    return c;
  });
}
