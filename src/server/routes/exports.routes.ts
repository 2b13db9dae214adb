/**
 * Excel exports of every list and board, with the screen's filters and the 期/日期 in the title.
 * Downloads are audited by request-audit.ts (an attachment response), with their query.
 */
import { z } from 'zod';
import { chinaDate } from '../../domain/supervision/work-calendar.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { cockpitData } from '../use-cases/cockpit/cockpit.ts';
import { exportAudit, exportCockpit, exportUnitAssessment } from '../use-cases/exports/board-exports.ts';
import { exportExtensions, exportLights, exportProgress, exportTasks, exportUrges, loadExportPlan, type ExportFile } from '../use-cases/exports/plan-exports.ts';
import { IdParams, errorResponses } from './common.schema.ts';
import { TaskFilterQuery } from './tasks.schema.ts';
import { toTaskFilter } from './tasks.routes.ts';
import type { FastifyReply } from 'fastify';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['导出'];
const Id = z.coerce.number().int().positive().max(2_147_483_647);
const PeriodKey = z.string().min(4).max(10);

function send(reply: FastifyReply, f: ExportFile): FastifyReply {
  return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(Buffer.from(f.bytes));
}

function planListExports(app: App, ctx: AppContext): void {
  app.get('/api/plans/:id/exports/tasks.xlsx', {
    schema: { tags, summary: '导出任务清单（按所选筛选条件）', params: IdParams, querystring: TaskFilterQuery.omit({ page: true, pageSize: true }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const plan = await loadExportPlan(ctx.db, actor, request.params.id, true);
    return send(reply, await exportTasks(ctx.db, actor, plan, toTaskFilter({ ...request.query, page: 1, pageSize: 1 }), chinaDate(ctx.now()), ctx.calendar));
  });

  app.get('/api/plans/:id/exports/lights.xlsx', {
    schema: { tags, summary: '导出预警清单（红黄绿灯及原因）', params: IdParams, querystring: z.object({ light: z.enum(['green', 'yellow', 'red', 'done']).optional(), indicator: Id.optional(), unit: Id.optional() }) },
  }, async (request, reply) => {
    const plan = await loadExportPlan(ctx.db, requireActor(request), request.params.id);
    const q = request.query;
    return send(reply, await exportLights(ctx.db, plan, { light: q.light, indicatorId: q.indicator, unitId: q.unit }, chinaDate(ctx.now()), ctx.calendar));
  });

  app.get('/api/plans/:id/exports/progress.xlsx', {
    schema: { tags, summary: '导出一个报告期的工作进展（牵头单位报告）', params: IdParams, querystring: z.object({ period: PeriodKey.optional().describe('报告期，如 2023-06；不填为当期') }) },
  }, async (request, reply) => {
    const plan = await loadExportPlan(ctx.db, requireActor(request), request.params.id);
    return send(reply, await exportProgress(ctx.db, plan, request.query.period, chinaDate(ctx.now()), ctx.calendar));
  });

  app.get('/api/plans/:id/exports/urges.xlsx', {
    schema: { tags, summary: '导出催办、督办单及回复', params: IdParams, querystring: z.object({ kind: z.enum(['reminder', 'order']).optional(), replied: z.enum(['true', 'false']).optional() }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const plan = await loadExportPlan(ctx.db, actor, request.params.id, true);
    const replied = request.query.replied === undefined ? undefined : request.query.replied === 'true';
    return send(reply, await exportUrges(ctx.db, actor, plan, { kind: request.query.kind, replied }, chinaDate(ctx.now())));
  });

  app.get('/api/plans/:id/exports/extensions.xlsx', {
    schema: { tags, summary: '导出延期申请', params: IdParams, querystring: z.object({ state: z.enum(['pending_head', 'pending_office', 'approved', 'refused', 'withdrawn']).optional() }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const plan = await loadExportPlan(ctx.db, actor, request.params.id, true);
    return send(reply, await exportExtensions(ctx.db, actor, plan, request.query.state, chinaDate(ctx.now())));
  });
}

function boardExports(app: App, ctx: AppContext): void {
  app.get('/api/plans/:id/exports/unit-assessment.xlsx', {
    schema: { tags, summary: '导出单位考核（标准量化）', params: IdParams, querystring: z.object({ period: PeriodKey.optional().describe('考核期：2023-06、2023-Q2、2023-H1、2023') }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const plan = await loadExportPlan(ctx.db, actor, request.params.id);
    return send(reply, await exportUnitAssessment(ctx.db, actor, plan, request.query.period, ctx.now(), ctx.calendar));
  });

  app.get('/api/plans/:id/exports/cockpit.xlsx', {
    schema: { tags, summary: '导出领导驾驶舱各表', params: IdParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const data = await cockpitData(ctx.db, actor, request.params.id, chinaDate(ctx.now()), ctx.calendar);
    const plan = await loadExportPlan(ctx.db, actor, request.params.id);
    return send(reply, await exportCockpit(data, plan));
  });

  app.get('/api/audit.xlsx', {
    schema: { tags, summary: '导出审计日志（优化办；最近 20000 条）', querystring: z.object({ action: z.string().max(60).optional() }), response: { ...errorResponses } },
  }, async (request, reply) => send(reply, await exportAudit(ctx.db, requireActor(request), request.query.action, ctx.now())));
}

export function exportRoutes(app: App, ctx: AppContext): void {
  planListExports(app, ctx);
  boardExports(app, ctx);
}
