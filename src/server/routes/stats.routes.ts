/** Dashboard figures for the 工作台. */
import { z } from 'zod';
import { chinaDate } from '../../domain/supervision/work-calendar.ts';
import { taskStats } from '../../db/queries/stats-query.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { visiblePlans } from '../policies/plan.policy.ts';
import { visibleTasks } from '../policies/task.policy.ts';
import { visibleUnits } from '../policies/unit.policy.ts';
import { planLightFigures } from '../use-cases/supervision/light-figures.ts';
import { errorResponses } from './common.schema.ts';

const StatsSchema = z.object({
  planCount: z.number(),
  taskCount: z.number(),
  unitCount: z.number(),
  dueThisMonth: z.number(),
  overdue: z.number().describe('逾期未办结：按延期后的时限，时限次日起计'),
  nearDue: z.number().describe('临期：未办结且在方案设定的天数内到期'),
  byIndicator: z.array(z.object({ indicatorId: z.number(), name: z.string(), count: z.number() })),
  byDeadline: z.array(z.object({ month: z.string(), count: z.number() })),
  lights: z.object({ green: z.number(), yellow: z.number(), red: z.number(), done: z.number() }).nullable()
    .describe('所选方案任务的红黄绿灯（与预警看板、领导驾驶舱一致）；未选方案时为空'),
});

export function statsRoutes(app: App, ctx: AppContext): void {
  app.get('/api/stats', {
    schema: {
      tags: ['工作台'], summary: '工作台统计',
      querystring: z.object({ plan: z.coerce.number().int().positive().max(2_147_483_647).optional() }),
      response: { 200: StatsSchema, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const today = chinaDate(ctx.now());
    // Counts only: the plan list with its per-plan task counts is the plans page's, not the dashboard's.
    const { planCount, unitCount, taskIds, ...stats } = await taskStats(ctx.db, { plans: visiblePlans(actor), units: visibleUnits(actor), tasks: visibleTasks(actor) }, request.query.plan, today);
    // One plan: 逾期, 临期 and the lights from the stored lights, the same figures as the 预警 board and the cockpit.
    const stored = request.query.plan === undefined ? null : await planLightFigures(ctx.db, request.query.plan, taskIds, today, ctx.calendar);
    return { planCount, unitCount, ...stats, ...(stored ?? {}), lights: stored?.lights ?? null };
  });
}
