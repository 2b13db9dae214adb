/** 领导批示: write on a task, report or document; units answer; lists per task and plan. */
import { z } from 'zod';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { answerInstruction, listInstructions, writeInstruction } from '../use-cases/instructions/instructions.ts';
import { loadTaskContext } from '../use-cases/supervision/task-context.ts';
import { ErrorSchema, IdParams, UnitRefSchema, errorResponses } from './common.schema.ts';

const Target = z.enum(['task', 'report', 'document']);
export const InstructionSchema = z.object({
  id: z.number(), planId: z.number(), targetKind: Target.describe('批示对象：task 任务 / report 进展报告 / document 公文'), targetId: z.number(), taskId: z.number().nullable(),
  text: z.string(), author: z.string(), createdAt: z.string(), units: z.array(UnitRefSchema).describe('要求落实的单位'),
  answers: z.array(z.object({ unitId: z.number(), unit: z.string(), text: z.string(), answeredAt: z.string() })), mayAnswer: z.boolean().describe('当前用户的单位可回复'),
});
const Id = z.coerce.number().int().positive().max(2_147_483_647);

export function instructionRoutes(app: App, ctx: AppContext): void {
  app.post('/api/instructions', {
    schema: {
      tags: ['领导批示'], summary: '作出领导批示（分管领导、优化办）：批在任务、进展报告或公文上，通知相关单位落实回复',
      body: z.object({ targetKind: Target, targetId: z.number().int().positive().max(2_147_483_647), text: z.string().trim().min(1).max(2000), unitIds: z.array(z.number().int().positive().max(2_147_483_647)).max(200).optional().describe('要求落实的单位；不填：任务的牵头单位（集体单位为其各成员）或报告的填报单位') }),
      response: { 201: InstructionSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await writeInstruction(ctx.db, actor, request.body, ctx.now());
    const [view] = (await listInstructions(ctx.db, actor, { planId: row.planId })).filter((i) => i.id === row.id);
    if (!view) throw appError('INTERNAL');
    return reply.status(201).send(view);
  });

  app.post('/api/instructions/:id/answer', {
    schema: { tags: ['领导批示'], summary: '单位回复领导批示（再次回复则替换）', params: IdParams, body: z.object({ text: z.string().trim().min(1).max(5000) }), response: { 204: z.null(), 409: ErrorSchema, ...errorResponses } },
  }, async (request, reply) => {
    await answerInstruction(ctx.db, requireActor(request), request.params.id, request.body.text, ctx.now());
    return reply.status(204).send(null);
  });

  app.get('/api/tasks/:id/instructions', {
    schema: { tags: ['领导批示'], summary: '任务的领导批示及回复', params: IdParams, response: { 200: z.object({ items: z.array(InstructionSchema) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    await loadTaskContext(ctx.db, actor, request.params.id);
    return { items: await listInstructions(ctx.db, actor, { taskId: request.params.id }) };
  });

  app.get('/api/instructions', {
    schema: { tags: ['领导批示'], summary: '领导批示列表（单位只见发给本单位的）', querystring: z.object({ plan: Id.optional() }), response: { 200: z.object({ items: z.array(InstructionSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await listInstructions(ctx.db, requireActor(request), { planId: request.query.plan }) }));
}
