/**
 * What happened: a task's timeline (every report, review, urging, extension and change, from the
 * audit log), the office's audit log, and each user's inbox.
 */
import { and, count, desc, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, users } from '../../db/schema.ts';
import { countOrEstimate } from '../../db/queries/estimate.ts';
import { notifications } from '../../db/supervision-schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { mayReadAuditDetails, mayReadAuditLog, visibleAuditEntries } from '../policies/activity.policy.ts';
import { loadTaskContext } from '../use-cases/supervision/task-context.ts';
import { IdParams, errorResponses } from './common.schema.ts';

const AuditEntry = z.object({
  id: z.number(), at: z.string(), action: z.string(), entity: z.string(), entityId: z.string().nullable(),
  actor: z.object({ id: z.number(), displayName: z.string() }).nullable(), details: z.record(z.string(), z.unknown()).nullable(),
});
const Notification = z.object({ id: z.number(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() });

const auditColumns = { id: auditLog.id, at: auditLog.at, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, details: auditLog.details, actorId: users.id, actorName: users.displayName, actorUnitId: users.unitId };

function presentAudit(r: { id: number; at: Date; action: string; entity: string; entityId: string | null; details: Record<string, unknown> | null; actorId: number | null; actorName: string | null }, showDetails: boolean) {
  return { id: r.id, at: r.at.toISOString(), action: r.action, entity: r.entity, entityId: r.entityId, actor: r.actorId === null ? null : { id: r.actorId, displayName: r.actorName ?? '' }, details: showDetails ? r.details : null };
}

export function activityRoutes(app: App, ctx: AppContext): void {
  app.get('/api/tasks/:id/timeline', {
    schema: { tags: ['督办'], summary: '任务时间线', params: IdParams, response: { 200: z.object({ items: z.array(AuditEntry) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const taskCtx = await loadTaskContext(ctx.db, actor, request.params.id);
    const rows = await ctx.db.select(auditColumns).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(or(and(eq(auditLog.entity, 'task'), eq(auditLog.entityId, String(request.params.id))), and(eq(auditLog.entity, 'plan'), eq(auditLog.entityId, String(taskCtx.plan.id)))))
      .orderBy(desc(auditLog.at), desc(auditLog.id));
    // Units see what happened, but the details (comments, contents) only of their own unit's actions.
    return { items: rows.map((r) => presentAudit(r, mayReadAuditDetails(actor, r.actorUnitId))) };
  });

  app.get('/api/audit', {
    schema: { tags: ['审计'], summary: '审计日志（优化办）', querystring: z.object({
      action: z.string().max(60).optional(), page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }), response: { 200: z.object({ items: z.array(AuditEntry), total: z.number(), totalExact: z.boolean().describe('false：总数为估计值（日志超过一万条时按查询计划估计，不逐条计数）') }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    if (!mayReadAuditLog(actor)) throw appError('FORBIDDEN');
    const where = and(visibleAuditEntries(actor), request.query.action ? eq(auditLog.action, request.query.action) : undefined);
    // Counting a million rows on every view is what the page must not do: estimated above 10 000.
    const { total, exact } = await countOrEstimate(ctx.db, ctx.db.select({ id: auditLog.id }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(where), async () => {
      const [c] = await ctx.db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(where);
      return c?.n ?? 0;
    });
    const rows = await ctx.db.select(auditColumns).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(where)
      .orderBy(desc(auditLog.id)).limit(request.query.pageSize).offset((request.query.page - 1) * request.query.pageSize);
    return { items: rows.map((r) => presentAudit(r, true)), total, totalExact: exact };
  });

  app.get('/api/notifications', {
    schema: { tags: ['消息'], summary: '我的消息', querystring: z.object({ unread: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(Notification), unread: z.number() }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const rows = await ctx.db.select().from(notifications)
      .where(and(eq(notifications.userId, actor.userId), request.query.unread === 'true' ? isNull(notifications.readAt) : undefined))
      .orderBy(desc(notifications.id)).limit(200);
    const [unread] = await ctx.db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
    return { items: rows.map((n) => ({ id: n.id, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })), unread: unread?.n ?? 0 };
  });

  app.post('/api/notifications/:id/read', {
    schema: { tags: ['消息'], summary: '标记已读', params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const updated = await ctx.db.update(notifications).set({ readAt: ctx.now() })
      .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, actor.userId))).returning({ id: notifications.id });
    if (!updated.length) throw appError('NOTIFICATION_NOT_FOUND');
    return reply.status(204).send(null);
  });
}
