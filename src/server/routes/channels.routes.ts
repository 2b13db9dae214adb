/**
 * Where a region's reminders also go: e-mail addresses and DingTalk / WeCom group-robot webhooks,
 * for the whole region (the office's work group) or one unit. Managed by the office.
 */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../db/audit.ts';
import { units } from '../../db/schema.ts';
import { notificationChannels } from '../../db/supervision-schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { assertOffice } from '../policies/report.policy.ts';
import { webhookRefusal } from '../security/outbound-url.ts';
import { IdParams, errorResponses } from './common.schema.ts';
import { anyOf } from '../../db/queries/any-of.ts';

const Channel = z.object({ id: z.number(), regionId: z.number(), unitId: z.number().nullable(), kind: z.enum(['email', 'dingtalk', 'wecom']), target: z.string(), enabled: z.boolean() });
const NewChannel = z.object({
  regionId: z.number().int().positive(),
  unitId: z.number().int().positive().nullish(),
  kind: z.enum(['email', 'dingtalk', 'wecom']),
  target: z.string().trim().min(3).max(500),
  enabled: z.boolean().default(true),
}).refine((c) => (c.kind === 'email' ? /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.target) : /^https?:\/\//.test(c.target)), {
  message: '邮件渠道应填写邮箱地址，群机器人渠道应填写 http(s):// 开头的 Webhook 地址', path: ['target'],
});

export function channelRoutes(app: App, ctx: AppContext): void {
  app.get('/api/notification-channels', {
    schema: { tags: ['消息'], summary: '提醒渠道（邮件、钉钉、企业微信群机器人）', response: { 200: z.object({ items: z.array(Channel) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    assertOffice(actor);
    return { items: await ctx.db.select().from(notificationChannels).where(anyOf(notificationChannels.regionId, actor.regionIds)).orderBy(asc(notificationChannels.id)) };
  });

  app.post('/api/notification-channels', {
    schema: { tags: ['消息'], summary: '新增提醒渠道（优化办）', body: NewChannel, response: { 201: Channel, ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    assertOffice(actor);
    const input = request.body;
    if (!actor.regionIds.includes(input.regionId)) throw appError('REGION_NOT_FOUND', undefined, { field: 'regionId' });
    if (input.kind !== 'email') {
      const refusal = await webhookRefusal(input.target, ctx.config.WEBHOOK_ALLOW_HOSTS);
      if (refusal) throw appError('WEBHOOK_TARGET_FORBIDDEN', refusal, { field: 'target' });
    }
    const created = await ctx.db.transaction(async (tx) => {
      if (input.unitId) {
        const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, input.unitId), anyOf(units.regionId, actor.regionIds)));
        if (!unit) throw appError('UNIT_NOT_FOUND', undefined, { field: 'unitId' });
      }
      const [row] = await tx.insert(notificationChannels).values({ ...input, unitId: input.unitId ?? null }).returning();
      if (!row) throw appError('INTERNAL');
      await audit(tx, { actorUserId: actor.userId, action: 'channel.create', entity: 'notification_channel', entityId: row.id, details: { kind: row.kind, regionId: row.regionId, unitId: row.unitId } });
      return row;
    });
    return reply.status(201).send(created);
  });

  app.delete('/api/notification-channels/:id', {
    schema: { tags: ['消息'], summary: '删除提醒渠道（优化办）', params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    assertOffice(actor);
    await ctx.db.transaction(async (tx) => {
      const deleted = await tx.delete(notificationChannels)
        .where(and(eq(notificationChannels.id, request.params.id), anyOf(notificationChannels.regionId, actor.regionIds))).returning({ id: notificationChannels.id });
      if (!deleted.length) throw appError('NOT_FOUND');
      await audit(tx, { actorUserId: actor.userId, action: 'channel.delete', entity: 'notification_channel', entityId: request.params.id });
    });
    return reply.status(204).send(null);
  });
}
