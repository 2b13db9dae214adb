/**
 * The office's review queue: submitted consolidated reports awaiting review, oldest submission
 * first, one page at a time with the true total — two statements: the page with its tasks and
 * the total, then the page's report views (with their attachments and links).
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { plans, tasks } from '../../../db/schema.ts';
import { progressReports } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { visiblePlans } from '../../policies/plan.policy.ts';
import { reportViews, type ReportView } from './report-views.ts';

/**
 * The number of pending consolidated reports in the actor's plans. The pending reports are read
 * through their partial index (progress_reports_pending_idx, index only); deciding whether each
 * one's task lies in the actor's plans makes PostgreSQL hash every task (a sequential scan of
 * tasks), so when the actor's scope holds every plan — the province office — that check is
 * skipped: every report belongs to a task of some plan. The branch not taken is never executed
 * (PostgreSQL evaluates a CASE's uncorrelated subqueries on first use).
 */
function pendingCount(actor: Actor) {
  const pending = sql`${progressReports.state} = 'submitted' and ${progressReports.role} = 'lead'`;
  return sql<number>`(case when not exists (select 1 from ${plans} where not (${visiblePlans(actor)}))
    then (select count(*) from ${progressReports} where ${pending})
    else (select count(*) from ${progressReports} inner join ${tasks} on ${tasks.id} = ${progressReports.taskId} inner join ${plans} on ${plans.id} = ${tasks.planId}
      where ${pending} and ${visiblePlans(actor)}) end)`.mapWith(Number);
}

/**
 * One page of the queue: the page walks the pending index in submission order and joins each
 * report's task and plan through their keys, stopping after the page; the total rides on its rows.
 * A page past the end counts on its own.
 */
export type QueuedReport = ReportView & { task: { id: number; seq: number; text: string; planId: number; planTitle: string } };

export async function reviewQueue(db: Db, actor: Actor, page = 1, pageSize = 50, calendar?: WorkCalendar): Promise<{ items: QueuedReport[]; total: number; page: number; pageSize: number }> {
  const pending = and(eq(progressReports.state, 'submitted'), eq(progressReports.role, 'lead'), visiblePlans(actor));
  const rows = await db.select({ id: progressReports.id, taskId: tasks.id, seq: tasks.seq, text: tasks.text, planId: plans.id, planTitle: plans.title, total: pendingCount(actor) })
    .from(progressReports).innerJoin(tasks, eq(tasks.id, progressReports.taskId)).innerJoin(plans, eq(plans.id, tasks.planId))
    .where(pending).orderBy(asc(progressReports.submittedAt), asc(progressReports.id)).limit(pageSize).offset((page - 1) * pageSize);
  if (!rows[0]) {
    if (page === 1) return { items: [], total: 0, page, pageSize };
    const [counted] = await db.select({ n: count() }).from(progressReports)
      .innerJoin(tasks, eq(tasks.id, progressReports.taskId)).innerJoin(plans, eq(plans.id, tasks.planId)).where(pending);
    return { items: [], total: counted?.n ?? 0, page, pageSize };
  }
  const taskOf = new Map(rows.map((r) => [r.id, { id: r.taskId, seq: r.seq, text: r.text, planId: r.planId, planTitle: r.planTitle }]));
  const ids = rows.map((r) => r.id);
  const views = await reportViews(db, actor, inArray(progressReports.id, ids), calendar, ids);
  return { items: views.map((v) => ({ ...v, task: taskOf.get(v.id) as QueuedReport['task'] })), total: rows[0].total, page, pageSize };
}
