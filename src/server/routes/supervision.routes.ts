/**
 * Supervision actions on a task — completion review, urging and supervision orders, extension
 * requests — and the plan-level views: lights (预警), supervision settings.
 */
import { and, desc, eq, inArray, arrayContains, or } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDate } from '../../domain/supervision/work-calendar.ts';
import { plans, units } from '../../db/schema.ts';
import { extensionRequests, urges } from '../../db/supervision-schema.ts';
import type { Actor } from '../auth/actor.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { visiblePlan } from '../policies/plan.policy.ts';
import { assertOffice } from '../policies/report.policy.ts';
import { extensionPermissions, mayReadLights, urgePermissions, visibleExtensionRequests, visibleUrges } from '../policies/supervision.policy.ts';
import { reviewCompletion } from '../use-cases/supervision/completion.ts';
import { confirmExtension, decideExtension, requestExtension } from '../use-cases/supervision/extensions.ts';
import { lightsBoard } from '../use-cases/supervision/lights-board.ts';
import { savePlanSettings } from '../use-cases/supervision/plan-settings.ts';
import { loadTaskContext, planSettings } from '../use-cases/supervision/task-context.ts';
import { replyToUrge, urgeTask } from '../use-cases/supervision/urges.ts';
import { ErrorSchema, IdParams, errorResponses } from './common.schema.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const UrgeSchema = z.object({
  id: z.number(), taskId: z.number(), unitId: z.number(), kind: z.enum(['reminder', 'order']), number: z.string().nullable(), message: z.string(),
  replyBy: z.string().nullable(), copiedLeader: z.string().nullable(), createdAt: z.string(), repliedAt: z.string().nullable(), reply: z.string().nullable(),
  /** The addressee's name: members of a collective get their own records and are not the task's units. */
  unitName: z.string(),
  /** A batch urge: every task it covers (empty for one task). */
  taskIds: z.array(z.number()),
  /** 签收 by the addressed unit. */
  acknowledgedAt: z.string().nullable(),
  permissions: z.object({ reply: z.boolean().describe('可回复：发给本单位且尚未回复') }).describe('当前用户对此催办可做的操作'),
});
const ExtensionSchema = z.object({
  id: z.number(), taskId: z.number(), unitId: z.number(), state: z.enum(['pending_head', 'pending_office', 'approved', 'refused', 'withdrawn']),
  reason: z.string(), progress: z.string(), originalDueOn: z.string(), proposedDueOn: z.string(), newDueOn: z.string().nullable(),
  decisionComment: z.string().nullable(), createdAt: z.string(), decidedAt: z.string().nullable(),
  permissions: z.object({
    confirm: z.boolean().describe('可确认：申请单位的负责人，待负责人确认'), decide: z.boolean().describe('可审批：优化办，待优化办审批'),
  }).describe('当前用户对此延期申请可做的操作'),
});
const SettingsSchema = z.object({
  cycle: z.enum(['xun', 'month', 'quarter']), dueWorkdays: z.number().int().min(0).max(30), yellowWithinDays: z.number().int().min(0).max(365),
  redAfterReturns: z.number().int().min(1).max(10), escalateAfterWorkdays: z.number().int().min(1).max(60), orderPrefix: z.string().min(1).max(20),
});
/** The stored settings: after a cycle change, periods beginning before cycleFrom keep previousCycle. */
const SettingsView = SettingsSchema.extend({ previousCycle: z.enum(['xun', 'month', 'quarter']).nullable(), cycleFrom: z.string().nullable() });

type UrgeRow = typeof urges.$inferSelect;
async function presentUrges(ctx: AppContext, actor: Actor, rows: UrgeRow[]) {
  const names = rows.length ? await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, rows.map((u) => u.unitId))) : [];
  return rows.map((u) => ({
    ...u, createdAt: u.createdAt.toISOString(), repliedAt: u.repliedAt?.toISOString() ?? null, acknowledgedAt: u.acknowledgedAt?.toISOString() ?? null,
    unitName: names.find((n) => n.id === u.unitId)?.name ?? '', permissions: urgePermissions(actor, u),
  }));
}
const presentUrge = async (ctx: AppContext, actor: Actor, row: UrgeRow) => (await presentUrges(ctx, actor, [row]))[0]!;
const presentExtension = (actor: Actor, e: typeof extensionRequests.$inferSelect) => ({
  ...e, createdAt: e.createdAt.toISOString(), decidedAt: e.decidedAt?.toISOString() ?? null, permissions: extensionPermissions(actor, e),
});

function taskActionRoutes(app: App, ctx: AppContext): void {
  app.post('/api/tasks/:id/completion', {
    schema: { tags: ['督办'], summary: '办结审核（优化办）', params: IdParams, body: z.object({ accept: z.boolean(), comment: z.string().max(2000).optional() }), response: { 204: z.null(), 409: ErrorSchema, ...errorResponses } },
  }, async (request, reply) => {
    await reviewCompletion(ctx.db, requireActor(request), request.params.id, request.body.accept, request.body.comment, ctx.now());
    return reply.status(204).send(null);
  });

  app.get('/api/tasks/:id/urges', {
    schema: { tags: ['督办'], summary: '任务的催办与督办单', params: IdParams, response: { 200: z.object({ items: z.array(UrgeSchema) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    await loadTaskContext(ctx.db, actor, request.params.id);
    const rows = await ctx.db.select().from(urges).where(and(or(eq(urges.taskId, request.params.id), arrayContains(urges.taskIds, [request.params.id])), visibleUrges(actor))).orderBy(desc(urges.createdAt));
    return { items: await presentUrges(ctx, actor, rows) };
  });

  app.post('/api/tasks/:id/urges', {
    schema: { tags: ['督办'], summary: '催办或下发督办单（优化办）', description: '发给集体单位（如各县市区政府）时，向每个成员单位各发一份（督办单各有编号），返回第一份；任务的催办列表列出全部。', params: IdParams, body: z.object({
      kind: z.enum(['reminder', 'order']), unitId: z.number().int().positive(), message: z.string().trim().min(1).max(2000), replyBy: isoDate.nullish(),
    }), response: { 201: UrgeSchema, ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const [first] = await urgeTask(ctx.db, actor, request.params.id, request.body, ctx.now());
    return reply.status(201).send(await presentUrge(ctx, actor, first!));
  });

  app.post('/api/urges/:id/reply', {
    schema: { tags: ['督办'], summary: '单位回复催办/督办', params: IdParams, body: z.object({ reply: z.string().trim().min(1).max(5000) }), response: { 200: UrgeSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return presentUrge(ctx, actor, await replyToUrge(ctx.db, actor, request.params.id, request.body.reply, ctx.now()));
  });

  app.get('/api/tasks/:id/extension-requests', {
    schema: { tags: ['督办'], summary: '任务的延期申请', params: IdParams, response: { 200: z.object({ items: z.array(ExtensionSchema) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    await loadTaskContext(ctx.db, actor, request.params.id);
    const rows = await ctx.db.select().from(extensionRequests).where(and(eq(extensionRequests.taskId, request.params.id), visibleExtensionRequests(actor))).orderBy(desc(extensionRequests.createdAt));
    return { items: rows.map((e) => presentExtension(actor, e)) };
  });

  app.post('/api/tasks/:id/extension-requests', {
    schema: { tags: ['督办'], summary: '申请延期（完成时限前）', params: IdParams, body: z.object({
      reason: z.string().trim().min(1).max(2000), proposedDueOn: isoDate, progress: z.string().trim().min(1).max(5000),
    }), response: { 201: ExtensionSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.status(201).send(presentExtension(actor, await requestExtension(ctx.db, actor, request.params.id, request.body, ctx.now())));
  });

  app.post('/api/extension-requests/:id/confirm', {
    schema: { tags: ['督办'], summary: '单位负责人确认延期申请', params: IdParams, response: { 200: ExtensionSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return presentExtension(actor, await confirmExtension(ctx.db, actor, request.params.id, ctx.now()));
  });

  app.post('/api/extension-requests/:id/decision', {
    schema: { tags: ['督办'], summary: '优化办批准或不批准延期', params: IdParams, body: z.object({ approve: z.boolean(), newDueOn: isoDate.optional(), comment: z.string().max(2000).optional() }), response: { 200: ExtensionSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return presentExtension(actor, await decideExtension(ctx.db, actor, request.params.id, request.body, ctx.now()));
  });
}

function planSupervisionRoutes(app: App, ctx: AppContext): void {
  app.get('/api/plans/:id/lights', {
    schema: { tags: ['督办'], summary: '预警：任务红黄绿灯（按指标、单位汇总）', params: IdParams, response: { 200: z.object({
      period: z.string(),
      tasks: z.array(z.object({ taskId: z.number(), seq: z.number(), indicatorId: z.number().nullable(), light: z.enum(['green', 'yellow', 'red', 'done']), reasons: z.array(z.string()) })),
      byIndicator: z.array(z.object({ indicatorId: z.number(), name: z.string(), green: z.number(), yellow: z.number(), red: z.number(), done: z.number() })),
      byUnit: z.array(z.object({ unitId: z.number(), name: z.string(), green: z.number(), yellow: z.number(), red: z.number(), done: z.number() })),
      trend: z.array(z.object({ period: z.string(), green: z.number(), yellow: z.number(), red: z.number(), done: z.number() })),
    }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    if (!mayReadLights(actor)) throw appError('PLAN_NOT_FOUND');
    const board = await lightsBoard(ctx.db, actor, request.params.id, chinaDate(ctx.now()), ctx.calendar);
    if (!board) throw appError('PLAN_NOT_FOUND');
    return board;
  });

  app.get('/api/plans/:id/supervision', {
    schema: { tags: ['督办'], summary: '方案的督办设置', params: IdParams, response: { 200: SettingsView, ...errorResponses } },
  }, async (request) => {
    const [plan] = await ctx.db.select({ id: plans.id }).from(plans).where(visiblePlan(requireActor(request), request.params.id));
    if (!plan) throw appError('PLAN_NOT_FOUND');
    const { planId: _planId, ...settings } = await planSettings(ctx.db, plan.id);
    return settings;
  });

  app.put('/api/plans/:id/supervision', {
    schema: { tags: ['督办'], summary: '修改督办设置（优化办）；报告周期的变更自下一报告期起生效', params: IdParams, body: SettingsSchema, response: { 200: SettingsView, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const [plan] = await ctx.db.select({ id: plans.id }).from(plans).where(visiblePlan(actor, request.params.id));
    if (!plan) throw appError('PLAN_NOT_FOUND');
    assertOffice(actor);
    const { planId: _planId, ...saved } = await ctx.db.transaction((tx) => savePlanSettings(tx, actor, plan.id, request.body, chinaDate(ctx.now())));
    return saved;
  });
}

/** Registers the supervision routes. */
export function supervisionRoutes(app: App, ctx: AppContext): void {
  taskActionRoutes(app, ctx);
  planSupervisionRoutes(app, ctx);
}
