/**
 * Batch 催报 / 催办 / 督办单: the office selects tasks (on the 预警 board or a task list) or units (本期未报送
 * 单位) and urges them in one action. Each addressed unit gets ONE record covering all its selected
 * tasks — for a 督办单 one number per unit, consecutive in the region's series — audited and put in
 * the unit's inbox. One transaction: a single bad selection refuses the whole batch.
 */
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { plans, taskUnits, tasks, units } from '../../../db/schema.ts';
import { taskSupervision, urges } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { visiblePlan } from '../../policies/plan.policy.ts';
import { assertOffice } from '../../policies/report.policy.ts';
import { loadPlanWithRegion, orderNumberPrefix } from '../documents/issuing-office.ts';
import { addressedUnits } from '../workbench/receipts.ts';
import { unreportedUnits } from '../workbench/unreported.ts';
import { notifyUsers, unitUsers } from './notify.ts';
import { planSettings } from './task-context.ts';

export const BATCH_MAX_UNITS = 200;

export interface BatchUrgeInput {
  planId: number;
  kind: 'reminder' | 'order';
  message: string;
  replyBy?: string | null;
  /** Selected tasks: each goes to its lead units (each member of a collective). */
  taskIds?: number[];
  /** Selected units: each is urged about the tasks it has not reported this period (催报). */
  unitIds?: number[];
}

export interface BatchUrgeResult { urgeId: number; unitId: number; unitName: string; number: string | null; taskIds: number[] }

type Targets = Map<number, number[]>;

/** Selected tasks → lead units (expanded) → their tasks among the selection, in plan order. */
async function targetsOfTasks(tx: Tx, planId: number, taskIds: number[]): Promise<Targets> {
  const ids = [...new Set(taskIds)];
  const rows = await tx.select({ id: tasks.id, seq: tasks.seq, planId: tasks.planId, completedAt: taskSupervision.completedAt })
    .from(tasks).leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id)).where(inArray(tasks.id, ids)).orderBy(asc(tasks.seq));
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row || row.planId !== planId) throw appError('VALIDATION_FAILED', `所选任务（编号 ${id}）不存在或不属于该方案`, { field: 'taskIds' });
    if (row.completedAt) throw appError('VALIDATION_FAILED', `第 ${row.seq} 项任务已办结，无需催办`, { field: 'taskIds' });
  }
  const links = await tx.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId }).from(taskUnits)
    .where(and(inArray(taskUnits.taskId, ids), eq(taskUnits.role, 'lead'))).orderBy(asc(taskUnits.position));
  const targets: Targets = new Map();
  for (const row of rows) {
    const leads = links.filter((l) => l.taskId === row.id).map((l) => l.unitId);
    if (!leads.length) throw appError('VALIDATION_FAILED', `第 ${row.seq} 项任务没有牵头单位，无法催办`, { field: 'taskIds' });
    for (const unitId of await addressedUnits(tx, leads)) targets.set(unitId, [...(targets.get(unitId) ?? []), row.id]);
  }
  return targets;
}

/** Selected units → the tasks each has not reported this period. */
async function targetsOfUnits(tx: Tx, planId: number, unitIds: number[], today: string, calendar: WorkCalendar): Promise<Targets> {
  const list = await unreportedUnits(tx, planId, today, calendar);
  const targets: Targets = new Map();
  for (const unitId of [...new Set(unitIds)]) {
    const entry = list.units.find((u) => u.unitId === unitId);
    if (!entry) {
      const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, unitId));
      throw appError('VALIDATION_FAILED', unit ? `单位“${unit.name}”本期没有未报送的任务，无需催报` : `单位（编号 ${unitId}）不存在`, { field: 'unitIds' });
    }
    targets.set(unitId, entry.taskIds);
  }
  return targets;
}

function checkInput(input: BatchUrgeInput, today: string): void {
  const byTasks = (input.taskIds?.length ?? 0) > 0;
  const byUnits = (input.unitIds?.length ?? 0) > 0;
  if (byTasks === byUnits) throw appError('VALIDATION_FAILED', byTasks ? '请只选择任务或只选择单位，不能同时选择' : '请至少选择一项任务或一个单位', { field: byTasks ? 'unitIds' : 'taskIds' });
  if (input.kind === 'order' && !input.replyBy) throw appError('VALIDATION_FAILED', '督办单必须写明回复期限', { field: 'replyBy' });
  if (input.replyBy && input.replyBy < today) throw appError('VALIDATION_FAILED', '回复期限不能早于今天', { field: 'replyBy' });
}

/** Issues the batch; returns one record per addressed unit. */
export async function batchUrge(db: Db, actor: Actor, input: BatchUrgeInput, now: Date, calendar: WorkCalendar): Promise<BatchUrgeResult[]> {
  assertOffice(actor);
  const today = chinaDate(now);
  checkInput(input, today);
  return db.transaction(async (tx) => {
    const [plan] = await tx.select({ id: plans.id, title: plans.title, regionId: plans.regionId }).from(plans).where(visiblePlan(actor, input.planId));
    if (!plan) throw appError('PLAN_NOT_FOUND');
    const targets = input.taskIds?.length ? await targetsOfTasks(tx, plan.id, input.taskIds) : await targetsOfUnits(tx, plan.id, input.unitIds ?? [], today, calendar);
    if (targets.size > BATCH_MAX_UNITS) throw appError('VALIDATION_FAILED', `一次最多向 ${BATCH_MAX_UNITS} 个单位催办，本次涉及 ${targets.size} 个，请分批进行`);
    const year = Number(today.slice(0, 4));
    let seq = 0;
    let prefix = '';
    if (input.kind === 'order') {
      // Serialise numbering per region, as a single 督办单 does.
      await tx.execute(`select pg_advisory_xact_lock(hashtext('urge-order-${plan.regionId}-${year}'))`);
      prefix = orderNumberPrefix(await loadPlanWithRegion(tx, plan.id), (await planSettings(tx, plan.id)).orderPrefix);
      const [row] = await tx.select({ n: max(urges.seq) }).from(urges).where(and(eq(urges.regionId, plan.regionId), eq(urges.year, year)));
      seq = row?.n ?? 0;
    }
    const planTasks = await tx.select({ id: tasks.id, seq: tasks.seq, leader: tasks.leader }).from(tasks).where(eq(tasks.planId, plan.id));
    const taskSeqs = new Map(planTasks.map((t) => [t.id, t.seq]));
    // A 督办单 is copied to the tasks' responsible leaders, as a single one is.
    const leadersOf = (ids: number[]) => [...new Set(planTasks.filter((t) => ids.includes(t.id) && t.leader).map((t) => t.leader as string))].join('、') || null;
    const names = new Map((await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, [...targets.keys()]))).map((u) => [u.id, u.name]));
    const out: BatchUrgeResult[] = [];
    for (const [unitId, taskIds] of targets) {
      const numbering = input.kind === 'order' ? { year, seq: ++seq, number: `${prefix}〔${year}〕${seq}号` } : null;
      const seqs = taskIds.map((id) => taskSeqs.get(id)).join('、');
      // The record names every task it covers, so the printed 督办单 and the reply speak of all of them.
      const message = taskIds.length > 1 ? `${input.message}（涉及第 ${seqs} 项任务）` : input.message;
      const [urge] = await tx.insert(urges).values({
        taskId: taskIds[0] as number, taskIds: taskIds.length > 1 ? taskIds : [], unitId, kind: input.kind, regionId: plan.regionId, year: numbering?.year ?? null,
        seq: numbering?.seq ?? null, number: numbering?.number ?? null, message, replyBy: input.replyBy ?? null,
        copiedLeader: input.kind === 'order' ? leadersOf(taskIds) : null, createdBy: actor.userId, createdAt: now,
      }).returning();
      if (!urge) throw appError('INTERNAL');
      await audit(tx, { actorUserId: actor.userId, action: `urge.${input.kind}`, entity: 'task', entityId: urge.taskId, details: { urgeId: urge.id, number: urge.number, unitId, taskIds, batch: true } });
      await notifyUsers(tx, await unitUsers(tx, [unitId]), {
        title: numbering ? `督办单 ${numbering.number}` : input.unitIds?.length ? '催报提醒' : '催办提醒',
        body: `${input.message}（涉及《${plan.title}》第 ${seqs} 项任务${input.replyBy ? `，请于 ${input.replyBy} 前回复` : ''}）`, link: '/dashboard',
      });
      out.push({ urgeId: urge.id, unitId, unitName: names.get(unitId) ?? '', number: urge.number, taskIds });
    }
    return out;
  });
}
