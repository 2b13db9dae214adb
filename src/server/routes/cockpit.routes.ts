/** 领导驾驶舱: a plan's figures for leaders and offices, and the task list behind each figure. */
import { z } from 'zod';
import { chinaDate } from '../../domain/supervision/work-calendar.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { cockpitData, cockpitFigures, cockpitTasks, DIMENSIONS, MEASURE_KEYS } from '../use-cases/cockpit/cockpit.ts';
import { IdParams, UnitRefSchema, errorResponses } from './common.schema.ts';

const Light = z.enum(['green', 'yellow', 'red', 'done']);
const FigureFields = {
  total: z.number().describe('任务数'), done: z.number().describe('已办结'), open: z.number().describe('未办结'),
  green: z.number(), yellow: z.number(), red: z.number(), overdue: z.number().describe('逾期未办结'), lateReport: z.number().describe('本期迟报'),
  completionRate: z.number().describe('完成率（%，一位小数）'),
};
const IndicatorFigures = z.object({
  indicatorId: z.number(), name: z.string(), annualTarget: z.string().nullable(), targetRank: z.number().nullable().describe('年度目标名次（前N名）'),
  latestRank: z.number().nullable().describe('最近一轮评价的名次'), atRisk: z.boolean().describe('最近名次落后于年度目标'), ...FigureFields,
});
const UnitFigures = z.object({ unitId: z.number(), name: z.string(), ...FigureFields });
export const CockpitSchema = z.object({
  day: z.string(), period: z.string().describe('当期报告期'), round: z.object({ id: z.number(), title: z.string() }).nullable().describe('最近一轮评价'),
  totals: z.object(FigureFields), byIndicator: z.array(IndicatorFigures), byLeadUnit: z.array(UnitFigures),
  byPlace: z.array(z.object({ regionId: z.number(), name: z.string(), kind: z.string(), ...FigureFields })),
  trend: z.array(z.object({ period: z.string(), ...FigureFields })), atRisk: z.array(IndicatorFigures), lagging: z.array(UnitFigures),
});
export const CockpitQuery = z.object({
  dim: z.enum(DIMENSIONS).default('all').describe('维度：all 全部 / indicator 指标 / leadUnit 牵头单位 / unit 单位（牵头或责任）/ place 县市区园区 / period 报告期'),
  key: z.string().max(20).optional().describe('维度取值：指标、单位、区域 id 或报告期'),
  measure: z.enum(MEASURE_KEYS).default('total').describe('口径：total 全部 / done 已办结 / open 未办结 / green / yellow / red / overdue 逾期 / lateReport 迟报'),
});

export function cockpitRoutes(app: App, ctx: AppContext): void {
  app.get('/api/plans/:id/cockpit', {
    schema: { tags: ['领导驾驶舱'], summary: '领导驾驶舱：按指标、牵头单位、县市区园区的完成与红黄绿灯，趋势，年度目标风险，落后单位', params: IdParams, response: { 200: CockpitSchema, ...errorResponses } },
  }, async (request) => cockpitFigures(await cockpitData(ctx.db, requireActor(request), request.params.id, chinaDate(ctx.now()), ctx.calendar, false)));

  app.get('/api/plans/:id/cockpit/tasks', {
    schema: {
      tags: ['领导驾驶舱'], summary: '驾驶舱数字对应的任务清单（条数等于该数字）', params: IdParams, querystring: CockpitQuery,
      response: { 200: z.object({ items: z.array(z.object({
        taskId: z.number(), seq: z.number(), text: z.string(), indicatorName: z.string().nullable(), leadUnits: z.array(UnitRefSchema), responsibleUnits: z.array(UnitRefSchema),
        dueOn: z.string().nullable(), ongoing: z.boolean(), completedOn: z.string().nullable(), light: Light, reasons: z.array(z.string()), overdue: z.boolean(), lateReport: z.boolean(),
      })) }), ...errorResponses },
    },
  }, async (request) => {
    const data = await cockpitData(ctx.db, requireActor(request), request.params.id, chinaDate(ctx.now()), ctx.calendar);
    const list = cockpitTasks(data, request.query.dim, request.query.key, request.query.measure);
    return { items: list.map((t) => ({ taskId: t.taskId, seq: t.seq, text: t.text, indicatorName: t.indicatorName, leadUnits: t.leadUnits, responsibleUnits: t.responsibleUnits, dueOn: t.dueOn, ongoing: t.ongoing, completedOn: t.completedOn, light: t.light, reasons: t.reasons, overdue: t.overdue, lateReport: t.lateReport })) };
  });
}
