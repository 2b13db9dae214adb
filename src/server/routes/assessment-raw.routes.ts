/** Raw indicator data of an assessment round and the methodology scores computed from it. */
import { z } from 'zod';
import { requireActor, type App, type AppContext } from '../context.ts';
import { putRawValues, rawScores } from '../use-cases/assessment/raw-values.ts';
import { IdParams, errorResponses } from './common.schema.ts';

const RawValue = z.object({
  place: z.string().trim().min(1).max(100).describe('地区名称（与方法输入一致）'),
  topic: z.string().min(1).max(100).describe('一级指标键，如 getting_electricity'),
  component: z.string().min(1).max(100).describe('分项键，如 time'),
  value: z.union([z.number().finite(), z.string().max(100), z.null()]).describe('原始值：数字，或方法规定的文字值（如 No Practice）'),
});

const TopicScore = z.object({ score: z.number().nullable(), components: z.record(z.string(), z.number().nullable()) });
const Scored = z.object({ id: z.string(), overall: z.number().nullable(), rank: z.number().nullable(), topics: z.record(z.string(), TopicScore) });

/** Registers the raw-data routes of assessment rounds. */
export function assessmentRawRoutes(app: App, ctx: AppContext): void {
  app.get('/api/assessment-rounds/:id/raw-values', {
    schema: { tags: ['评价考核'], summary: '原始指标数据及按评价方法计算的得分、排名', params: IdParams, response: { 200: z.object({
      values: z.array(RawValue), scores: z.object({ methodology: z.string(), places: z.array(Scored) }).nullable(),
    }), ...errorResponses } },
  }, async (request) => {
    const { values, result } = await rawScores(ctx.db, requireActor(request), request.params.id);
    return { values, scores: result ? { methodology: result.methodology, places: result.places } : null };
  });

  app.put('/api/assessment-rounds/:id/raw-values', {
    schema: { tags: ['评价考核'], summary: '录入原始指标数据（整表替换，按评价方法校验）', params: IdParams, body: z.object({ values: z.array(RawValue).max(20_000) }), response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await putRawValues(ctx.db, requireActor(request), request.params.id, request.body.values);
    return reply.status(204).send(null);
  });
}
