/**
 * 督办单 input from a supervision order (urges of kind order): the task as the plan states it, the
 * unit it was sent to, the number it got when it was issued and the reply date it set.
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Period } from '../../../domain/supervision/periods.ts';
import { chinaDate } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { indicators, taskUnits, tasks, units } from '../../../db/schema.ts';
import { taskSupervision, urges } from '../../../db/supervision-schema.ts';
import { formatChineseDate, type SupervisionOrderData } from '../../../reports/index.ts';
import { appError } from '../../../domain/errors.ts';
import { issueInfo, type PlanWithRegion } from './issuing-office.ts';

/** Ids of the plan's supervision orders issued within the period, oldest first. */
export async function periodOrders(db: Db, planId: number, period: Period): Promise<number[]> {
  const rows = await db.select({ id: urges.id }).from(urges).innerJoin(tasks, eq(tasks.id, urges.taskId))
    .where(and(eq(tasks.planId, planId), eq(urges.kind, 'order'),
      gte(urges.createdAt, new Date(`${period.start}T00:00:00+08:00`)), lte(urges.createdAt, new Date(`${period.end}T23:59:59.999+08:00`))))
    .orderBy(asc(urges.createdAt), asc(urges.id));
  return rows.map((r) => r.id);
}

/** Picks the order a 督办单 prints: the one named, else the period's only order. */
export async function chooseOrder(db: Db, planId: number, period: Period, urgeId: number | undefined): Promise<number> {
  if (urgeId !== undefined) return urgeId;
  const ids = await periodOrders(db, planId, period);
  if (ids.length === 1 && ids[0] !== undefined) return ids[0];
  if (ids.length === 0) throw appError('DOCUMENT_DATA_MISSING', `${period.label}没有下发督办单`, { field: 'orderId' });
  throw appError('DOCUMENT_DATA_MISSING', `${period.label}下发了 ${ids.length} 份督办单，请用 orderId 指定一份（${ids.join('、')}）`, { field: 'orderId', orderIds: ids });
}

// Dates in the text are written as a 公文 writes them (2023年6月6日), never ISO.
function problemOf(dueOn: string | null, deadlineRaw: string | null, completed: boolean, on: string): string {
  const asOf = `截至${formatChineseDate(on)}`;
  if (completed) return `${asOf}，该项任务已办结，请巩固成效`;
  if (dueOn && dueOn < on) return `${asOf}，该项任务已超过完成时限（${deadlineRaw ?? formatChineseDate(dueOn)}），仍未办结`;
  return `${asOf}，该项任务进度滞后于计划，存在不能按期完成的风险`;
}

/** 抄送: the organ of the region's government that follows supervision for its leaders (not a person). */
export function orderCopyTo(plan: Pick<PlanWithRegion, 'regionName'>): string {
  return `${plan.regionName}人民政府办公室`;
}

type OrderTask = SupervisionOrderData['task'];

/** Each task as a 督办单 states it, and what is wrong with it on the order's day, in plan order. */
async function orderTasks(db: Db, planId: number, taskIds: number[], on: string): Promise<{ task: OrderTask; problem: string }[]> {
  const rows = await db.select({ t: tasks, indicator: indicators.name, extendedDueOn: taskSupervision.extendedDueOn, completedAt: taskSupervision.completedAt })
    .from(tasks).leftJoin(indicators, eq(indicators.id, tasks.indicatorId)).leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id))
    .where(and(inArray(tasks.id, taskIds), eq(tasks.planId, planId))).orderBy(asc(tasks.seq));
  const links = await db.select({ taskId: taskUnits.taskId, role: taskUnits.role, name: units.name }).from(taskUnits).innerJoin(units, eq(units.id, taskUnits.unitId))
    .where(inArray(taskUnits.taskId, taskIds)).orderBy(asc(taskUnits.position));
  return rows.map((row) => {
    const mine = links.filter((l) => l.taskId === row.t.id);
    return {
      task: {
        seq: row.t.seq, indicator: row.indicator ?? '', text: row.t.text, deadlineRaw: row.t.deadlineRaw, deadline: row.t.deadline,
        leadUnits: mine.filter((l) => l.role === 'lead').map((l) => l.name), responsibleUnits: mine.filter((l) => l.role === 'responsible').map((l) => l.name),
        leader: row.t.leader,
      },
      problem: problemOf(row.extendedDueOn ?? row.t.dueOn, row.t.deadlineRaw, row.completedAt !== null && chinaDate(row.completedAt) <= on, on),
    };
  });
}

/** The 督办单 of one order of the plan (every task of a batch order), or DOCUMENT_DATA_MISSING when it is not one. */
export async function supervisionOrderData(db: Db, plan: PlanWithRegion, urgeId: number): Promise<SupervisionOrderData> {
  const [row] = await db.select({ u: urges, unit: units.name })
    .from(urges).innerJoin(tasks, eq(tasks.id, urges.taskId)).innerJoin(units, eq(units.id, urges.unitId))
    .where(and(eq(urges.id, urgeId), eq(urges.kind, 'order'), eq(tasks.planId, plan.id)));
  if (!row) throw appError('DOCUMENT_DATA_MISSING', `督办单 ${urgeId} 不存在或不属于该方案`, { field: 'orderId' });
  const on = chinaDate(row.u.createdAt);
  const issue = issueInfo(plan, on);
  const replyBy = row.u.replyBy ?? on;
  const [first, ...more] = await orderTasks(db, plan.id, row.u.taskIds.length ? row.u.taskIds : [row.u.taskId], on);
  if (!first) throw appError('DOCUMENT_DATA_MISSING', `督办单 ${urgeId} 不存在或不属于该方案`, { field: 'orderId' });
  return {
    issue: { ...issue, docNumber: row.u.number, addressee: row.unit, cc: [orderCopyTo(plan)] },
    planTitle: plan.title,
    // A single order names the leader it was copied to; a batch names each task's own leader.
    task: more.length ? first.task : { ...first.task, leader: row.u.copiedLeader ?? first.task.leader },
    problem: first.problem,
    ...(more.length ? { moreTasks: more } : {}),
    // The reply date is stated once, by the engine's closing paragraph (请于…前…书面报送).
    requirements: [row.u.message],
    replyBy,
    contact: null,
  };
}
