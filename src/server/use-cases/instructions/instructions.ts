/**
 * 领导批示: a leader (or the office) writes an instruction on a task, a progress report or a
 * document; the units concerned get it in their inbox (and, through the reminder job's channels,
 * wherever their inbox is copied) and answer it. Written on a task or report, it is recorded on
 * the task (so it shows on the task's timeline); `periodInstructions` hands a period's
 * instructions and answers to the next 工作专报/通报.
 */
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { documents } from '../../../db/document-schema.ts';
import { instructionAnswers, instructions } from '../../../db/instruction-schema.ts';
import { plans, taskUnits, tasks, unitMemberships, units, users } from '../../../db/schema.ts';
import { progressReports } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { documentPlanScope } from '../../policies/document.policy.ts';
import { answeringUnit, assertMayInstruct, visibleInstructions } from '../../policies/instruction.policy.ts';
import { visibleReports } from '../../policies/report.policy.ts';
import { notifyUsers, unitUsers } from '../supervision/notify.ts';
import { loadTaskContext } from '../supervision/task-context.ts';

export type InstructionTarget = 'task' | 'report' | 'document';
export interface InstructionInput { targetKind: InstructionTarget; targetId: number; text: string; unitIds?: number[] }
export type Instruction = typeof instructions.$inferSelect;

interface Target { planId: number; taskId: number | null; label: string; candidates: number[]; defaults: number[] }

/** The units a task's instruction may go to: its units, each collective replaced by its members. */
async function taskUnitsExpanded(tx: Tx, taskId: number, role?: 'lead'): Promise<number[]> {
  const links = await tx.select({ unitId: taskUnits.unitId }).from(taskUnits).where(and(eq(taskUnits.taskId, taskId), role ? eq(taskUnits.role, role) : undefined));
  const ids = links.map((l) => l.unitId);
  const members = ids.length ? await tx.select({ c: unitMemberships.collectiveId, m: unitMemberships.memberId }).from(unitMemberships).where(inArray(unitMemberships.collectiveId, ids)) : [];
  return [...new Set(ids.flatMap((id) => (members.some((m) => m.c === id) ? members.filter((m) => m.c === id).map((m) => m.m) : [id])))];
}

async function resolveTarget(tx: Tx, actor: Actor, kind: InstructionTarget, id: number): Promise<Target> {
  if (kind === 'task') {
    const ctx = await loadTaskContext(tx, actor, id);
    const all = await taskUnitsExpanded(tx, id);
    return { planId: ctx.plan.id, taskId: id, label: `任务${ctx.task.seq}`, candidates: all, defaults: await taskUnitsExpanded(tx, id, 'lead') };
  }
  if (kind === 'report') {
    const [report] = await tx.select({ id: progressReports.id, taskId: progressReports.taskId, unitId: progressReports.unitId, period: progressReports.period })
      .from(progressReports).where(and(eq(progressReports.id, id), visibleReports(actor)));
    if (!report) throw appError('REPORT_NOT_FOUND');
    const ctx = await loadTaskContext(tx, actor, report.taskId);
    return { planId: ctx.plan.id, taskId: report.taskId, label: `任务${ctx.task.seq}的进展报告`, candidates: [report.unitId], defaults: [report.unitId] };
  }
  const [doc] = await tx.select({ id: documents.id, planId: documents.planId, title: documents.title }).from(documents)
    .innerJoin(plans, eq(plans.id, documents.planId)).where(and(eq(documents.id, id), documentPlanScope(actor)));
  if (!doc) throw appError('DOCUMENT_NOT_FOUND');
  const planUnits = await tx.selectDistinct({ id: taskUnits.unitId }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).where(eq(tasks.planId, doc.planId));
  return { planId: doc.planId, taskId: null, label: `《${doc.title}》`, candidates: planUnits.map((u) => u.id), defaults: [] };
}

/** Writes an instruction and notifies the units concerned, in one transaction. */
export async function writeInstruction(db: Db, actor: Actor, input: InstructionInput, now: Date): Promise<Instruction> {
  return db.transaction(async (tx) => {
    const target = await resolveTarget(tx, actor, input.targetKind, input.targetId);
    assertMayInstruct(actor);
    const unitIds = [...new Set(input.unitIds?.length ? input.unitIds : target.defaults)];
    if (!unitIds.length) throw appError('VALIDATION_FAILED', '请选择需要落实批示的单位', { field: 'unitIds' });
    const stranger = unitIds.find((u) => !target.candidates.includes(u));
    if (stranger !== undefined) throw appError('VALIDATION_FAILED', `所选单位（编号 ${stranger}）不是${target.label}涉及的单位`, { field: 'unitIds' });
    const [row] = await tx.insert(instructions).values({
      planId: target.planId, targetKind: input.targetKind, targetId: input.targetId, taskId: target.taskId, text: input.text, unitIds, createdBy: actor.userId, createdAt: now,
    }).returning();
    if (!row) throw appError('INTERNAL');
    await audit(tx, {
      actorUserId: actor.userId, action: 'instruction.write', entity: target.taskId === null ? 'document' : 'task', entityId: target.taskId ?? input.targetId,
      details: { instructionId: row.id, target: input.targetKind, targetId: input.targetId, unitIds, text: input.text },
    });
    await notifyUsers(tx, await unitUsers(tx, unitIds), {
      title: `领导批示：${target.label}`, body: `${actor.displayName}批示：${input.text}（请落实并回复）`, link: target.taskId ? `/tasks/${target.taskId}?tab=instructions` : '/instructions',
    });
    return row;
  });
}

/** A unit answers an instruction addressed to it (answering again replaces its answer). */
export async function answerInstruction(db: Db, actor: Actor, instructionId: number, text: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(instructions).where(and(eq(instructions.id, instructionId), visibleInstructions(actor)));
    if (!row) throw appError('INSTRUCTION_NOT_FOUND');
    const unitId = answeringUnit(actor, row);
    if (unitId === null) throw appError('FORBIDDEN', '只有批示要求落实的单位可以回复');
    await tx.insert(instructionAnswers).values({ instructionId, unitId, text, answeredBy: actor.userId, answeredAt: now })
      .onConflictDoUpdate({ target: [instructionAnswers.instructionId, instructionAnswers.unitId], set: { text, answeredBy: actor.userId, answeredAt: now } });
    await audit(tx, {
      actorUserId: actor.userId, action: 'instruction.answer', entity: row.taskId === null ? 'document' : 'task', entityId: row.taskId ?? row.targetId,
      details: { instructionId, unitId, text },
    });
    await notifyUsers(tx, [row.createdBy], { title: '批示已回复', body: `${actor.unit?.name ?? ''}回复：${text}`, link: row.taskId ? `/tasks/${row.taskId}?tab=instructions` : '/instructions' });
  });
}

export interface InstructionView {
  id: number; planId: number; targetKind: InstructionTarget; targetId: number; taskId: number | null; text: string;
  author: string; createdAt: string; units: { id: number; name: string }[];
  answers: { unitId: number; unit: string; text: string; answeredAt: string }[];
  /** The actor's unit may answer (an addressed unit). */
  mayAnswer: boolean;
}

export interface InstructionFilter { planId?: number; taskId?: number; from?: Date; to?: Date }

/** Instructions the actor may read, newest first, with the answers it may read. */
export async function listInstructions(db: Db | Tx, actor: Actor, filter: InstructionFilter): Promise<InstructionView[]> {
  const rows = await db.select().from(instructions).where(and(
    visibleInstructions(actor),
    filter.planId ? eq(instructions.planId, filter.planId) : undefined, filter.taskId ? eq(instructions.taskId, filter.taskId) : undefined,
    filter.from ? gte(instructions.createdAt, filter.from) : undefined, filter.to ? lte(instructions.createdAt, filter.to) : undefined,
  )).orderBy(asc(instructions.createdAt), asc(instructions.id));
  if (!rows.length) return [];
  const answers = await db.select().from(instructionAnswers).where(inArray(instructionAnswers.instructionId, rows.map((r) => r.id)));
  const unitIds = [...new Set([...rows.flatMap((r) => r.unitIds), ...answers.map((a) => a.unitId)])];
  const names = new Map((await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds.concat(-1)))).map((u) => [u.id, u.name]));
  const authors = new Map((await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, rows.map((r) => r.createdBy)))).map((u) => [u.id, u.name]));
  const ownOnly = actor.role === 'unit';
  return rows.reverse().map((r) => ({
    id: r.id, planId: r.planId, targetKind: r.targetKind, targetId: r.targetId, taskId: r.taskId, text: r.text,
    author: authors.get(r.createdBy) ?? '', createdAt: r.createdAt.toISOString(),
    units: r.unitIds.filter((u) => !ownOnly || u === actor.unit?.id).map((id) => ({ id, name: names.get(id) ?? '' })),
    answers: answers.filter((a) => a.instructionId === r.id && (!ownOnly || a.unitId === actor.unit?.id))
      .map((a) => ({ unitId: a.unitId, unit: names.get(a.unitId) ?? '', text: a.text, answeredAt: a.answeredAt.toISOString() })),
    mayAnswer: answeringUnit(actor, r) !== null,
  }));
}

/**
 * For the documents (工作专报/通报): a plan's instructions written from `from` to `to` (China dates,
 * inclusive) with every unit's answer, oldest first. The caller has checked the plan's scope.
 */
export async function periodInstructions(db: Db | Tx, planId: number, from: string, to: string) {
  const rows = await db.select().from(instructions).where(and(eq(instructions.planId, planId),
    gte(instructions.createdAt, new Date(`${from}T00:00:00+08:00`)), lte(instructions.createdAt, new Date(`${to}T23:59:59.999+08:00`))))
    .orderBy(asc(instructions.createdAt), asc(instructions.id));
  if (!rows.length) return [];
  const answers = await db.select({ a: instructionAnswers, unit: units.name }).from(instructionAnswers).innerJoin(units, eq(units.id, instructionAnswers.unitId))
    .where(inArray(instructionAnswers.instructionId, rows.map((r) => r.id))).orderBy(asc(instructionAnswers.answeredAt));
  return rows.map((r) => ({
    id: r.id, targetKind: r.targetKind, targetId: r.targetId, taskId: r.taskId, text: r.text, createdAt: r.createdAt.toISOString(),
    answers: answers.filter((x) => x.a.instructionId === r.id).map((x) => ({ unitId: x.a.unitId, unit: x.unit, text: x.a.text, answeredAt: x.a.answeredAt.toISOString() })),
  }));
}

/**
 * For a unit merge: instructions addressed to the merged unit are addressed to the kept one; where
 * both answered, the kept unit's answer stays (the foreign keys are moved by the merge itself).
 */
export async function mergeInstructionUnits(tx: Tx, keptId: number, mergedId: number): Promise<void> {
  await tx.execute(sql`update ${instructions} set unit_ids = array(select distinct u from unnest(array_replace(unit_ids, ${mergedId}::int, ${keptId}::int)) as u order by u)
    where ${mergedId}::int = any(unit_ids)`);
  await tx.execute(sql`delete from ${instructionAnswers} m where m.unit_id = ${mergedId}
    and exists (select 1 from ${instructionAnswers} k where k.instruction_id = m.instruction_id and k.unit_id = ${keptId})`);
}
