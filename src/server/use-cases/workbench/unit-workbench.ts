/**
 * A unit's 工作台: what is due this period (reports not yet filed), what came back to it (returned
 * reports, 催办/督办单 to answer), 签收 pending, and for the unit's head the extension requests to
 * confirm. Built on 我的任务 (the supervision model's working period) so its counts match that page.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { tasks } from '../../../db/schema.ts';
import { extensionRequests, urges } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { myTasks, type MyTask } from '../supervision/work-queues.ts';
import { receiptItems } from './receipt-items.ts';
import { excerpt, item, section, type WorkItem, type WorkSection } from './workbench-types.ts';

/** A report still to file this period: none yet, or a draft. */
export function isDue(t: MyTask): boolean {
  return t.report === null || t.report.state === 'draft';
}

function taskItem(t: MyTask): WorkItem {
  return item({
    key: `task-${t.taskId}`, title: `第 ${t.seq} 项 · ${t.period.label}进展`, detail: `${t.planTitle} · ${excerpt(t.text)}`,
    link: `/my-tasks?report=${t.taskId}`, overdue: t.period.late, dueOn: t.period.dueOn, planId: t.planId, taskId: t.taskId,
  });
}

async function urgeItems(db: Db, unitId: number, today: string): Promise<WorkItem[]> {
  const rows = await db.select({ id: urges.id, taskId: urges.taskId, taskIds: urges.taskIds, kind: urges.kind, number: urges.number, replyBy: urges.replyBy, message: urges.message, seq: tasks.seq, planId: tasks.planId })
    .from(urges).innerJoin(tasks, eq(tasks.id, urges.taskId))
    .where(and(eq(urges.unitId, unitId), isNull(urges.repliedAt))).orderBy(asc(urges.replyBy), asc(urges.id));
  return rows.map((r) => item({
    key: `urge-${r.id}`, title: r.kind === 'order' ? `督办单 ${r.number ?? ''}` : '催办提醒',
    detail: `${r.taskIds.length > 1 ? `第 ${r.seq} 项等 ${r.taskIds.length} 项任务：` : `第 ${r.seq} 项任务：`}${excerpt(r.message, 60)}`,
    link: `/tasks/${r.taskId}`, overdue: r.replyBy !== null && r.replyBy < today, dueOn: r.replyBy, planId: r.planId, taskId: r.taskId,
  }));
}

async function confirmItems(db: Db, unitId: number): Promise<WorkItem[]> {
  const rows = await db.select({ id: extensionRequests.id, taskId: extensionRequests.taskId, proposedDueOn: extensionRequests.proposedDueOn, seq: tasks.seq, planId: tasks.planId })
    .from(extensionRequests).innerJoin(tasks, eq(tasks.id, extensionRequests.taskId))
    .where(and(eq(extensionRequests.unitId, unitId), eq(extensionRequests.state, 'pending_head'))).orderBy(asc(extensionRequests.createdAt));
  return rows.map((r) => item({ key: `ext-${r.id}`, title: `第 ${r.seq} 项申请延期至 ${r.proposedDueOn}`, detail: '待单位负责人确认', link: `/tasks/${r.taskId}`, planId: r.planId, taskId: r.taskId }));
}

/** The unit user's workbench on `today`. */
export async function unitWorkbench(db: Db, actor: Actor, today: string, calendar: WorkCalendar): Promise<WorkSection[]> {
  if (!actor.unit) return [];
  const mine = await myTasks(db, actor, today, calendar);
  return [
    section('due', '本期待报送', mine.filter(isDue).map(taskItem), '/my-tasks'),
    section('returned', '被退回的报告', mine.filter((t) => t.report?.state === 'returned').map(taskItem), '/my-tasks'),
    section('urges', '催办与督办单待回复', await urgeItems(db, actor.unit.id, today)),
    section('receipts', '待签收', await receiptItems(db, { unitId: actor.unit.id }, today, calendar)),
    ...(actor.isUnitHead ? [section('confirm', '延期申请待确认', await confirmItems(db, actor.unit.id))] : []),
  ];
}
