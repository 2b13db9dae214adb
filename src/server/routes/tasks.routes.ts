/** Tasks: the filtered list across visible plans, and one task. */
import { chinaDate } from '../../domain/supervision/work-calendar.ts';
import { findTaskDetail, listTasks, type TaskFilter } from '../../db/queries/task-query.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { planSettings } from '../use-cases/supervision/task-context.ts';
import { oneTaskStatus } from '../use-cases/supervision/task-status.ts';
import { taskPermissions, visibleTasks } from '../policies/task.policy.ts';
import { updateTask } from '../use-cases/task-edit.ts';
import type { Actor } from '../auth/actor.ts';
import { IdParams, errorResponses } from './common.schema.ts';
import { listSerializerCompiler } from './list-serializer.ts';
import { CrossPlanTaskQuery, TaskChangesBody, TaskDetail, TaskPage, type TaskFilterQuery } from './tasks.schema.ts';
import type { z } from 'zod';

/** Maps the query string to the query layer's filter. */
export function toTaskFilter(q: z.infer<typeof TaskFilterQuery>, planId?: number): TaskFilter {
  return {
    planId, indicatorId: q.indicator, subIndicator: q.subIndicator, unitId: q.unit, role: q.role,
    deadlineFrom: q.deadlineFrom, deadlineTo: q.deadlineTo, q: q.q || undefined,
  };
}

export function taskRoutes(app: App, ctx: AppContext): void {
  app.get('/api/tasks', {
    schema: { tags: ['任务'], summary: '任务列表（跨方案）', querystring: CrossPlanTaskQuery, response: { 200: TaskPage, ...errorResponses } },
    serializerCompiler: listSerializerCompiler,
  }, async (request) => {
    const actor = requireActor(request);
    const { items, total } = await listTasks(ctx.db, visibleTasks(actor), toTaskFilter(request.query, request.query.plan), request.query.page, request.query.pageSize);
    return { items, total, page: request.query.page, pageSize: request.query.pageSize };
  });

  app.get('/api/tasks/:id', {
    schema: { tags: ['任务'], summary: '任务详情', params: IdParams, response: { 200: TaskDetail, ...errorResponses } },
  }, (request) => taskDetail(ctx, requireActor(request), request.params.id));

  app.patch('/api/tasks/:id', {
    schema: {
      tags: ['任务'], summary: '修改任务（优化办）：内容、完成时限、指标、牵头和责任单位，记入任务时间线', params: IdParams, body: TaskChangesBody,
      response: { 200: TaskDetail, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request);
    await updateTask(ctx.db, actor, request.params.id, request.body);
    return taskDetail(ctx, actor, request.params.id);
  });
}

/**
 * One task as the actor sees it: its targets, its supervision state and what the actor may do —
 * read in one statement (findTaskDetail), the state computed from it as planStatus would.
 */
async function taskDetail(ctx: AppContext, actor: Actor, id: number) {
  const today = chinaDate(ctx.now());
  const found = await findTaskDetail(ctx.db, visibleTasks(actor), id, today);
  if (!found) throw appError('TASK_NOT_FOUND');
  const { task, targets } = found;
  // A plan whose supervision settings were never saved gets the defaults stored on first read.
  const status = oneTaskStatus(found, found.settings ?? await planSettings(ctx.db, task.plan.id), today, ctx.calendar);
  const links = [...task.leadUnits.map((u) => ({ unitId: u.id, role: 'lead' as const })), ...task.responsibleUnits.map((u) => ({ unitId: u.id, role: 'responsible' as const }))];
  const { plannedDueOn, dueOn, ongoing, completedOn, light, reasons, overdue, nearDue } = status;
  const permissions = taskPermissions(actor, { links, dueOn, completed: completedOn !== null, leadReportedDone: found.latestAcceptedLeadStatus === 'done', today });
  return {
    ...task, plan: { id: task.plan.id, title: task.plan.title }, targets,
    permissions,
    supervision: { plannedDueOn, dueOn, extended: dueOn !== null && dueOn !== plannedDueOn, ongoing, completedOn, light, reasons, overdue, nearDue },
  };
}
