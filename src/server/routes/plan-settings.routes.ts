/** Plan settings an office edits in place: the 年度目标 of each indicator. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../../db/audit.ts';
import { indicators, plans } from '../../db/schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { planPermissions } from '../policies/plan.policy.ts';
import { IdParams, errorResponses } from './common.schema.ts';

const IndicatorTarget = z.object({ id: z.number(), planId: z.number(), name: z.string(), annualTarget: z.string().nullable() });

export function planSettingsRoutes(app: App, ctx: AppContext): void {
  app.patch('/api/indicators/:id', {
    schema: {
      tags: ['方案'], summary: '修改指标的年度目标（优化办），如“前5名”“进入全省前列”', params: IdParams,
      body: z.object({ annualTarget: z.string().trim().max(200).nullable() }), response: { 200: IndicatorTarget, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request);
    return ctx.db.transaction(async (tx) => {
      const [row] = await tx.select({ indicator: indicators, regionId: plans.regionId }).from(indicators).innerJoin(plans, eq(plans.id, indicators.planId))
        .where(eq(indicators.id, request.params.id));
      if (!row || !actor.regionIds.includes(row.regionId)) throw appError('NOT_FOUND', '指标不存在');
      if (!planPermissions(actor, { regionId: row.regionId }).manage) throw appError('FORBIDDEN', '只有优化办可以修改年度目标');
      const annualTarget = request.body.annualTarget || null;
      await tx.update(indicators).set({ annualTarget }).where(eq(indicators.id, row.indicator.id));
      await audit(tx, {
        actorUserId: actor.userId, action: 'indicator.annual_target', entity: 'plan', entityId: row.indicator.planId,
        details: { indicatorId: row.indicator.id, name: row.indicator.name, before: row.indicator.annualTarget, after: annualTarget },
      });
      return { id: row.indicator.id, planId: row.indicator.planId, name: row.indicator.name, annualTarget };
    });
  });
}
