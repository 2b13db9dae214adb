/**
 * The steps of the problem loop. Each runs in one transaction: the case row moves to its next
 * state (the domain's rules), the step is written to the case's timeline and the audit log, and
 * the people concerned are told through the inbox. The office 交办/审核/回访/销号; the 主办 unit
 * 签收/答复/asks for 延期; 协办 units add progress notes.
 */
import { eq } from 'drizzle-orm';
import { caseDueOn } from '../../../domain/cases/case-light.ts';
import { KIND_LABELS, mayClose, nextState, SATISFACTION_LABELS, STEP_ACTOR, type CaseKind, type CaseStep, type Satisfaction } from '../../../domain/cases/case-model.ts';
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import { audit } from '../../../db/audit.ts';
import { caseEvents, cases } from '../../../db/case-schema.ts';
import type { Db, Tx } from '../../../db/client.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertCaseOffice, caseUnitRole } from '../../policies/case.policy.ts';
import { notifyUsers, regionUsers, unitUsers } from '../supervision/notify.ts';
import { auditOnTasks } from './case-links.ts';
import { caseRulesOf } from './case-rules.ts';
import { loadCase, unitsInScope, type CaseRow } from './create-case.ts';
import { markTasksLightsStale } from '../supervision/lights.ts';

export interface StepContext { tx: Tx; c: CaseRow; today: string; actor: Actor }
export interface StepOutcome { patch?: Partial<CaseRow>; text?: string; details?: Record<string, unknown>; after?: (updated: CaseRow) => Promise<void> }

function assertStepActor(actor: Actor, c: CaseRow, step: CaseStep): void {
  const who = STEP_ACTOR[step];
  if (who === 'office') return assertCaseOffice(actor);
  const role = caseUnitRole(actor, c);
  if (!role || (who === 'lead' && role !== 'lead')) throw appError('FORBIDDEN', who === 'lead' ? '只有主办单位可以执行该操作' : '只有主办或协办单位可以填写办理进展');
}

/** Runs one step of the loop on a case visible to the actor. */
export async function runStep(db: Db, actor: Actor, caseId: number, step: CaseStep, now: Date, body: (s: StepContext) => StepOutcome | Promise<StepOutcome>, satisfaction?: Satisfaction): Promise<CaseRow> {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor, caseId, true);
    assertStepActor(actor, c, step);
    const state = nextState(c.state, step, satisfaction);
    const today = chinaDate(now);
    const out = await body({ tx, c, today, actor });
    const [updated] = await tx.update(cases).set({ ...out.patch, state }).where(eq(cases.id, caseId)).returning();
    if (!updated) throw appError('INTERNAL');
    await tx.insert(caseEvents).values({ caseId, step, day: today, at: now, actorUserId: actor.userId, unitId: actor.unit?.id ?? null, text: out.text ?? '', details: out.details ?? null });
    await audit(tx, { actorUserId: actor.userId, action: `case.${step}`, entity: 'case', entityId: caseId, details: { from: c.state, to: state, ...out.details } });
    await out.after?.(updated);
    // Overdue and 不满意 cases count against their linked tasks' lights (case-pressure.ts).
    await markTasksLightsStale(tx, [...c.taskIds, ...updated.taskIds]);
    return updated;
  });
}

const link = (c: CaseRow) => `/cases/${c.id}`;
const caseUnits = (c: CaseRow) => [c.leadUnitId, ...c.coUnitIds].filter((u): u is number => u !== null);

/** 交办: the office assigns the case to its 主办 unit (and 协办 units); the deadline follows the kind. */
export async function assignCase(db: Db, actor: Actor, caseId: number, input: { leadUnitId: number; coUnitIds?: number[]; kind?: CaseKind; dueOn?: string }, now: Date, calendar: WorkCalendar): Promise<CaseRow> {
  return runStep(db, actor, caseId, 'assign', now, async ({ tx, c, today }) => {
    const coUnitIds = [...new Set(input.coUnitIds ?? [])].filter((u) => u !== input.leadUnitId);
    const found = await unitsInScope(tx, actor, [input.leadUnitId, ...coUnitIds], 'leadUnitId');
    const kind = input.kind ?? (c.kind);
    // A list may fix its own 整改时限; otherwise the kind's working days from today.
    const dueOn = input.dueOn ?? caseDueOn(today, kind, await caseRulesOf(tx, c.planId), calendar);
    const lead = found.find((u) => u.id === input.leadUnitId)?.name ?? '';
    return {
      patch: { leadUnitId: input.leadUnitId, coUnitIds, kind, assignedOn: today, dueOn, originalDueOn: dueOn },
      text: `交办${lead}主办${coUnitIds.length ? `，${found.filter((u) => coUnitIds.includes(u.id)).map((u) => u.name).join('、')}协办` : ''}，${KIND_LABELS[kind]}类，${dueOn}前答复`,
      details: { leadUnitId: input.leadUnitId, coUnitIds, dueOn },
      after: async (u) => {
        await notifyUsers(tx, await unitUsers(tx, caseUnits(u)), { title: '新交办问题', body: `${u.title}（请于 ${dueOn} 前办理答复）`, link: link(u) });
      },
    };
  });
}

/** 签收 by the 主办 unit. */
export function signCase(db: Db, actor: Actor, caseId: number, now: Date): Promise<CaseRow> {
  return runStep(db, actor, caseId, 'sign', now, () => ({ text: '主办单位已签收' }));
}

/** A progress note (办理进展) by the 主办 or a 协办 unit. */
export function noteCase(db: Db, actor: Actor, caseId: number, text: string, now: Date): Promise<CaseRow> {
  return runStep(db, actor, caseId, 'note', now, () => ({ text }));
}

/** 整改/答复 by the 主办 unit; the office is told to review it. */
export function replyCase(db: Db, actor: Actor, caseId: number, text: string, now: Date): Promise<CaseRow> {
  return runStep(db, actor, caseId, 'reply', now, ({ tx, c, today }) => ({
    patch: { repliedOn: today }, text,
    after: async () => notifyUsers(tx, await regionUsers(tx, c.regionId, 'office'), { title: '问题整改/答复待审核', body: c.title, link: link(c) }).then(() => undefined),
  }));
}

/** 审核: the office accepts the reply, or returns it (退回重办) with its reason. */
export function reviewCase(db: Db, actor: Actor, caseId: number, input: { accept: boolean; comment?: string }, now: Date): Promise<CaseRow> {
  if (!input.accept && !input.comment?.trim()) throw appError('COMMENT_REQUIRED');
  return runStep(db, actor, caseId, input.accept ? 'accept' : 'return', now, ({ tx, c, today }) => (input.accept
    ? { patch: { finishedOn: today }, text: input.comment?.trim() || '审核通过' }
    : {
      patch: { returns: c.returns + 1 }, text: input.comment!.trim(),
      after: async () => notifyUsers(tx, await unitUsers(tx, caseUnits(c)), { title: '问题被退回重办', body: `${c.title}：${input.comment}`, link: link(c) }).then(() => undefined),
    }));
}

/**
 * 回访: the enterprise's 满意度. 不满意 reopens the case — back to 办理中 with a new deadline by its
 * kind — and is written on the linked tasks' timelines.
 */
export function visitCase(db: Db, actor: Actor, caseId: number, input: { satisfaction: Satisfaction; comment?: string }, now: Date, calendar: WorkCalendar): Promise<CaseRow> {
  return runStep(db, actor, caseId, 'visit', now, async ({ tx, c, today }) => {
    const text = `回访满意度：${SATISFACTION_LABELS[input.satisfaction]}${input.comment?.trim() ? `。${input.comment.trim()}` : ''}`;
    if (input.satisfaction !== 'dissatisfied') return { patch: { satisfaction: input.satisfaction }, text, details: { satisfaction: input.satisfaction } };
    const dueOn = caseDueOn(today, c.kind, await caseRulesOf(tx, c.planId), calendar);
    return {
      patch: { satisfaction: input.satisfaction, reopens: c.reopens + 1, finishedOn: null, dueOn }, text, details: { satisfaction: input.satisfaction, reopened: true, dueOn },
      after: async () => {
        await notifyUsers(tx, await unitUsers(tx, caseUnits(c)), { title: '企业不满意，问题重新办理', body: `${c.title}（请于 ${dueOn} 前重新答复）`, link: link(c) });
        await auditOnTasks(tx, actor.userId, c.taskIds, 'case.dissatisfied', { caseId: c.id, title: c.title, refNo: c.refNo });
      },
    };
  }, input.satisfaction);
}

/** 销号 by the office, after the 回访 (or after 审核 when there is no enterprise to ask). */
export function closeCase(db: Db, actor: Actor, caseId: number, comment: string | undefined, now: Date): Promise<CaseRow> {
  return runStep(db, actor, caseId, 'close', now, ({ tx, c, today }) => {
    if (!mayClose(c.state, c.enterpriseName !== null)) throw appError('CASE_STATE_INVALID', '有企业的问题须先回访，再销号');
    return {
      patch: { closedOn: today }, text: comment?.trim() || '已销号',
      after: () => auditOnTasks(tx, actor.userId, c.taskIds, 'case.closed', { caseId: c.id, title: c.title, refNo: c.refNo }),
    };
  });
}
