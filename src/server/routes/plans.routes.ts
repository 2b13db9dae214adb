/** Plans: the list in scope, one plan with its indicator tree, and its tasks. */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { indicatorTree, listPlans } from '../../db/queries/plan-query.ts';
import { listTasks } from '../../db/queries/task-query.ts';
import { plans } from '../../db/schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { planPermissions, visiblePlan, visiblePlans } from '../policies/plan.policy.ts';
import { visibleTasks } from '../policies/task.policy.ts';
import { IdParams, errorResponses } from './common.schema.ts';
import { PlanDetailSchema, PlanSummarySchema } from './plans.schema.ts';
import { listSerializerCompiler } from './list-serializer.ts';
import { TaskFilterQuery, TaskPage } from './tasks.schema.ts';
import { toTaskFilter } from './tasks.routes.ts';

export function planRoutes(app: App, ctx: AppContext): void {
  app.get('/api/plans', {
    schema: { tags: ['方案'], summary: '方案列表', response: { 200: z.object({ items: z.array(PlanSummarySchema) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    // An office or leader sees every task of the plans it sees (both scoped by its regions:
    // plan.policy, task.policy), so its counts need no task scope: a correlated count per plan
    // that re-checked each plan's region took most of this page's time on a province.
    return { items: await listPlans(ctx.db, visiblePlans(actor), actor.role === 'unit' ? visibleTasks(actor) : sql`true`) };
  });

  app.get('/api/plans/:id', {
    schema: { tags: ['方案'], summary: '方案详情（含指标树）', params: IdParams, response: { 200: PlanDetailSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const [summary] = await listPlans(ctx.db, visiblePlan(actor, request.params.id), visibleTasks(actor));
    if (!summary) throw appError('PLAN_NOT_FOUND');
    const [plan] = await ctx.db.select().from(plans).where(eq(plans.id, summary.id));
    if (!plan) throw appError('PLAN_NOT_FOUND');
    return {
      ...summary, responsibleUnitsNote: plan.responsibleUnitsNote, basis: plan.basis,
      indicators: await indicatorTree(ctx.db, plan.id, visibleTasks(actor)), permissions: planPermissions(actor, plan),
    };
  });

  app.get('/api/plans/:id/tasks', {
    schema: { tags: ['方案'], summary: '方案的任务（筛选、分页）', params: IdParams, querystring: TaskFilterQuery, response: { 200: TaskPage, ...errorResponses } },
    serializerCompiler: listSerializerCompiler,
  }, async (request) => {
    const actor = requireActor(request);
    const q = request.query;
    const { items, total } = await listTasks(ctx.db, visibleTasks(actor), toTaskFilter(q, request.params.id), q.page, q.pageSize);
    // A task the actor sees makes its plan visible to it (plan.policy): only an empty page asks.
    if (!items.length) {
      const [exists] = await ctx.db.select({ id: plans.id }).from(plans).where(visiblePlan(actor, request.params.id));
      if (!exists) throw appError('PLAN_NOT_FOUND');
    }
    return { items, total, page: q.page, pageSize: q.pageSize };
  });
}
