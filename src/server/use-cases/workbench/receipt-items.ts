/** 签收 items of the workbenches: unacknowledged task assignments and received 催办/督办单. */
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { isReceiptOverdue, receiptDueOn } from '../../../domain/supervision/receipt.ts';
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { plans, tasks, units } from '../../../db/schema.ts';
import { taskReceipts, urges } from '../../../db/supervision-schema.ts';
import { excerpt, item, type WorkItem } from './workbench-types.ts';

/**
 * Unacknowledged receipts: of one unit (`unitId`), or of the units of the plans the condition on
 * `plans` selects (the office's view: who has not signed yet).
 */
export async function receiptItems(db: Db, scope: { unitId: number } | { plans: SQL }, today: string, calendar: WorkCalendar): Promise<WorkItem[]> {
  const own = 'unitId' in scope;
  const taskWhere = own ? eq(taskReceipts.unitId, scope.unitId) : scope.plans;
  const taskRows = await db.select({ taskId: taskReceipts.taskId, unitId: taskReceipts.unitId, assignedAt: taskReceipts.assignedAt, seq: tasks.seq, text: tasks.text, planId: tasks.planId, unitName: units.name })
    .from(taskReceipts).innerJoin(tasks, eq(tasks.id, taskReceipts.taskId)).innerJoin(plans, eq(plans.id, tasks.planId)).innerJoin(units, eq(units.id, taskReceipts.unitId))
    .where(and(isNull(taskReceipts.acknowledgedAt), taskWhere)).orderBy(asc(taskReceipts.assignedAt), asc(tasks.seq));
  const urgeWhere = own ? eq(urges.unitId, scope.unitId) : scope.plans;
  const urgeRows = await db.select({ id: urges.id, taskId: urges.taskId, taskIds: urges.taskIds, kind: urges.kind, number: urges.number, createdAt: urges.createdAt, planId: tasks.planId, seq: tasks.seq, unitName: units.name })
    .from(urges).innerJoin(tasks, eq(tasks.id, urges.taskId)).innerJoin(plans, eq(plans.id, tasks.planId)).innerJoin(units, eq(units.id, urges.unitId))
    .where(and(isNull(urges.acknowledgedAt), isNull(urges.repliedAt), urgeWhere)).orderBy(asc(urges.createdAt), asc(urges.id));
  const who = (name: string) => (own ? '' : `${name}：`);
  const tasksOut = taskRows.map((r) => {
    const sentOn = chinaDate(r.assignedAt);
    return item({
      key: `task-${r.taskId}-${r.unitId}`, title: `${who(r.unitName)}新分配任务第 ${r.seq} 项待签收`, detail: excerpt(r.text), link: `/tasks/${r.taskId}`,
      overdue: isReceiptOverdue(sentOn, false, today, calendar), dueOn: receiptDueOn(sentOn, calendar), planId: r.planId, taskId: r.taskId,
      receipt: { kind: 'task', taskId: r.taskId },
    });
  });
  const urgesOut = urgeRows.map((r) => {
    const sentOn = chinaDate(r.createdAt);
    return item({
      key: `urge-${r.id}`, title: `${who(r.unitName)}${r.kind === 'order' ? `督办单 ${r.number ?? ''}` : '催办'}待签收`, detail: r.taskIds.length > 1 ? `第 ${r.seq} 项等 ${r.taskIds.length} 项任务` : `第 ${r.seq} 项任务`, link: `/tasks/${r.taskId}`,
      overdue: isReceiptOverdue(sentOn, false, today, calendar), dueOn: receiptDueOn(sentOn, calendar), planId: r.planId, taskId: r.taskId,
      receipt: { kind: 'urge', urgeId: r.id },
    });
  });
  return [...tasksOut, ...urgesOut];
}

/** Plans condition helper: the plans among the ids. */
export function plansAmong(ids: number[]): SQL {
  return inArray(plans.id, ids.length ? ids : [-1]);
}
