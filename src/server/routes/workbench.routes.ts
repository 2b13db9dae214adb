/**
 * 工作台 and the office's batch work: the 待办 of the signed-in user (GET /api/workbench), 本期未报送单位
 * of a plan, batch 催报/催办/督办单, and 签收 of assigned tasks and received urges.
 */
import { z } from 'zod';
import { chinaDate } from '../../domain/supervision/work-calendar.ts';
import { plans } from '../../db/schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { visiblePlan } from '../policies/plan.policy.ts';
import { BATCH_MAX_UNITS, batchUrge } from '../use-cases/supervision/batch-urges.ts';
import { acknowledgeTask, acknowledgeUrge } from '../use-cases/workbench/receipts.ts';
import { unreportedUnits } from '../use-cases/workbench/unreported.ts';
import { workbench } from '../use-cases/workbench/workbench.ts';
import { IdParams, errorResponses } from './common.schema.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const SectionKey = z.enum(['review', 'extensions', 'orders', 'unreported', 'receipts', 'drafts', 'documents', 'due', 'returned', 'urges', 'confirm']);
const WorkItemSchema = z.object({
  key: z.string(), title: z.string(), detail: z.string(), link: z.string(), overdue: z.boolean(), dueOn: z.string().nullable(), done: z.boolean(),
  planId: z.number().nullable(), taskId: z.number().nullable(),
  receipt: z.union([z.object({ kind: z.literal('task'), taskId: z.number() }), z.object({ kind: z.literal('urge'), urgeId: z.number() })]).nullable(),
});
const WorkbenchSchema = z.object({
  role: z.enum(['office', 'leader', 'unit']), today: z.string(),
  sections: z.array(z.object({ key: SectionKey, title: z.string(), count: z.number(), overdue: z.number(), link: z.string().nullable(), items: z.array(WorkItemSchema) })),
  badges: z.object({ workbench: z.number(), review: z.number(), myTasks: z.number() }),
});
const UnreportedSchema = z.object({
  planId: z.number(), period: z.object({ key: z.string(), label: z.string() }).nullable(), dueOn: z.string().nullable(), late: z.boolean(),
  units: z.array(z.object({ unitId: z.number(), name: z.string(), taskIds: z.array(z.number()), seqs: z.array(z.number()), lead: z.boolean() })),
});
const ids = z.array(z.number().int().positive()).max(2000);
const BatchBody = z.object({
  planId: z.number().int().positive(), kind: z.enum(['reminder', 'order']), message: z.string().trim().min(1, '请填写催办内容').max(2000),
  replyBy: isoDate.nullish(), taskIds: ids.optional(), unitIds: ids.max(BATCH_MAX_UNITS).optional(),
});
const BatchResult = z.object({ items: z.array(z.object({ urgeId: z.number(), unitId: z.number(), unitName: z.string(), number: z.string().nullable(), taskIds: z.array(z.number()) })) });

/** Registers the workbench routes. */
export function workbenchRoutes(app: App, ctx: AppContext): void {
  app.get('/api/workbench', {
    schema: { tags: ['工作台'], summary: '工作台：当前用户的待办（按角色），各项数目即其列表的条数', response: { 200: WorkbenchSchema, ...errorResponses } },
  }, async (request) => workbench(ctx.db, requireActor(request), ctx.now(), ctx.calendar));

  app.get('/api/plans/:id/unreported-units', {
    schema: { tags: ['工作台'], summary: '本期未报送单位（优化办、领导）', params: IdParams, response: { 200: UnreportedSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const [plan] = await ctx.db.select({ id: plans.id }).from(plans).where(visiblePlan(actor, request.params.id));
    if (!plan || actor.role === 'unit' || actor.role === 'admin') throw appError('PLAN_NOT_FOUND');
    return unreportedUnits(ctx.db, plan.id, chinaDate(ctx.now()), ctx.calendar);
  });

  app.post('/api/supervision/batch-urges', {
    schema: {
      tags: ['工作台'], summary: '批量催报、催办或下发督办单（优化办）',
      description: '选择任务（发给各自的牵头单位）或选择本期未报送单位（就其未报送的任务催报）；每个单位一条记录、督办单每个单位一个编号；全部成功或全部不发。',
      body: BatchBody, response: { 201: BatchResult, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send({ items: await batchUrge(ctx.db, requireActor(request), request.body, ctx.now(), ctx.calendar) }));

  app.post('/api/tasks/:id/acknowledge', {
    schema: { tags: ['工作台'], summary: '签收新分配的任务（单位）', params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await acknowledgeTask(ctx.db, requireActor(request), request.params.id, ctx.now());
    return reply.status(204).send(null);
  });

  app.post('/api/urges/:id/acknowledge', {
    schema: { tags: ['工作台'], summary: '签收催办或督办单（单位）', params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await acknowledgeUrge(ctx.db, requireActor(request), request.params.id, ctx.now());
    return reply.status(204).send(null);
  });
}
