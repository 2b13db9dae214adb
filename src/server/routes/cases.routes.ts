/**
 * Problems (问题): the pool, a case with its timeline, the steps of the loop, the figures and the
 * plan's case rules. Thin: each route calls its use case in src/server/use-cases/cases.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDate } from '../../domain/supervision/work-calendar.ts';
import { SATISFACTIONS, CASE_KINDS } from '../../domain/cases/case-model.ts';
import { plans } from '../../db/schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { visiblePlan } from '../policies/plan.policy.ts';
import { assertCaseOffice } from '../policies/case.policy.ts';
import { caseRulesOf, saveCaseRules } from '../use-cases/cases/case-rules.ts';
import { createCase, linkCase } from '../use-cases/cases/create-case.ts';
import { decideCaseExtension, requestCaseExtension, urgeCase } from '../use-cases/cases/case-extension.ts';
import { assignCase, closeCase, noteCase, replyCase, reviewCase, signCase, visitCase } from '../use-cases/cases/case-loop.ts';
import { caseDetail, caseStatistics, listCases } from '../use-cases/cases/case-queries.ts';
import { suggestCaseLinks } from '../use-cases/cases/case-links.ts';
import { loadCase } from '../use-cases/cases/create-case.ts';
import { commitCaseImport, previewCaseImport } from '../use-cases/cases/case-import.ts';
import { renderCaseListXlsx } from '../use-cases/cases/case-export.ts';
import { addCaseFile, readCaseFile } from '../use-cases/cases/case-files.ts';
import { evidenceFilesOf } from '../files/file-store.ts';
import { CaseCreateBody, CaseEvent, CaseFile, CaseListQuery, CaseRulesBody, CaseStats, CaseView, Suggestion, isoDate } from './cases.schema.ts';
import { ErrorSchema, IdParams, errorResponses } from './common.schema.ts';

const Detail = z.object({ case: CaseView, events: z.array(CaseEvent), files: z.array(CaseFile) });
const withConflict = { 409: ErrorSchema, ...errorResponses };
const tags = ['问题'];

function readRoutes(app: App, ctx: AppContext): void {
  const today = () => chinaDate(ctx.now());
  app.get('/api/cases', {
    schema: { tags, summary: '问题库（按来源、状态、单位、地区、指标、是否超期筛选）', querystring: CaseListQuery, response: { 200: z.object({ items: z.array(CaseView), total: z.number() }), ...errorResponses } },
  }, async (request) => listCases(ctx.db, requireActor(request), request.query, today(), ctx.calendar));

  app.get('/api/cases/stats', {
    schema: { tags, summary: '问题统计：按期办结率、满意率、重复诉求、退回率（按来源、单位、地区、指标）', querystring: z.object({ planId: z.coerce.number().int().positive().optional() }), response: { 200: CaseStats, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    if (actor.role === 'unit') throw appError('FORBIDDEN');
    return caseStatistics(ctx.db, actor, request.query.planId, today());
  });

  app.get('/api/cases/:id', {
    schema: { tags, summary: '问题详情与办理时间线', params: IdParams, response: { 200: Detail, ...errorResponses } },
  }, async (request) => caseDetail(ctx.db, requireActor(request), request.params.id, today(), ctx.calendar));

  app.get('/api/cases/:id/suggestions', {
    schema: { tags, summary: '建议关联的方案任务（按文字与主办单位，附理由）', params: IdParams, response: { 200: z.object({ items: z.array(Suggestion) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const c = await loadCase(ctx.db, actor, request.params.id);
    assertCaseOffice(actor);
    return { items: await suggestCaseLinks(ctx.db, c.planId, `${c.title} ${c.finding} ${c.category}`, c.leadUnitId) };
  });
}

function writeRoutes(app: App, ctx: AppContext): void {
  const detail = (request: { actor: unknown }, id: number) => caseDetail(ctx.db, requireActor(request as never), id, chinaDate(ctx.now()), ctx.calendar);
  app.post('/api/cases', {
    schema: { tags, summary: '登记问题（优化办）；给出主办单位时同时交办', body: CaseCreateBody, response: { 201: Detail, ...withConflict } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { leadUnitId, coUnitIds, ...input } = request.body;
    const created = await ctx.db.transaction((tx) => createCase(tx, actor, { ...input, creditCode: input.creditCode || null }, ctx.now()));
    if (leadUnitId) await assignCase(ctx.db, actor, created.id, { leadUnitId, coUnitIds }, ctx.now(), ctx.calendar);
    return reply.status(201).send(await detail(request, created.id));
  });

  app.put('/api/cases/:id/links', {
    schema: { tags, summary: '确认关联的方案任务与指标（优化办）', params: IdParams, body: z.object({ taskIds: z.array(z.number().int().positive()).max(20), indicatorId: z.number().int().positive().nullable() }), response: { 200: Detail, ...withConflict } },
  }, async (request) => { await linkCase(ctx.db, requireActor(request), request.params.id, request.body, ctx.now()); return detail(request, request.params.id); });

  app.post('/api/cases/:id/assign', {
    schema: { tags, summary: '交办：主办单位、协办单位，时限按类别的工作日计算（优化办）', params: IdParams, body: z.object({ leadUnitId: z.number().int().positive(), coUnitIds: z.array(z.number().int().positive()).max(20).optional(), kind: z.enum(CASE_KINDS).optional() }), response: { 200: Detail, ...withConflict } },
  }, async (request) => { await assignCase(ctx.db, requireActor(request), request.params.id, request.body, ctx.now(), ctx.calendar); return detail(request, request.params.id); });

  app.post('/api/cases/:id/sign', {
    schema: { tags, summary: '签收（主办单位）', params: IdParams, response: { 200: Detail, ...withConflict } },
  }, async (request) => { await signCase(ctx.db, requireActor(request), request.params.id, ctx.now()); return detail(request, request.params.id); });

  app.post('/api/cases/:id/notes', {
    schema: { tags, summary: '办理进展（主办或协办单位）', params: IdParams, body: z.object({ text: z.string().trim().min(1).max(5000) }), response: { 200: Detail, ...withConflict } },
  }, async (request) => { await noteCase(ctx.db, requireActor(request), request.params.id, request.body.text, ctx.now()); return detail(request, request.params.id); });

  app.post('/api/cases/:id/reply', {
    schema: { tags, summary: '整改/答复（主办单位）', params: IdParams, body: z.object({ text: z.string().trim().min(1).max(5000) }), response: { 200: Detail, ...withConflict } },
  }, async (request) => { await replyCase(ctx.db, requireActor(request), request.params.id, request.body.text, ctx.now()); return detail(request, request.params.id); });

  app.post('/api/cases/:id/review', {
    schema: { tags, summary: '审核：通过或退回重办（优化办）', params: IdParams, body: z.object({ accept: z.boolean(), comment: z.string().max(2000).optional() }), response: { 200: Detail, ...withConflict } },
  }, async (request) => { await reviewCase(ctx.db, requireActor(request), request.params.id, request.body, ctx.now()); return detail(request, request.params.id); });

  app.post('/api/cases/:id/visit', {
    schema: { tags, summary: '回访满意度（优化办）；不满意则重新办理', params: IdParams, body: z.object({ satisfaction: z.enum(SATISFACTIONS), comment: z.string().max(2000).optional() }), response: { 200: Detail, ...withConflict } },
  }, async (request) => { await visitCase(ctx.db, requireActor(request), request.params.id, request.body, ctx.now(), ctx.calendar); return detail(request, request.params.id); });

  app.post('/api/cases/:id/close', {
    schema: { tags, summary: '销号（优化办）', params: IdParams, body: z.object({ comment: z.string().max(2000).optional() }), response: { 200: Detail, ...withConflict } },
  }, async (request) => { await closeCase(ctx.db, requireActor(request), request.params.id, request.body.comment, ctx.now()); return detail(request, request.params.id); });

  app.post('/api/cases/:id/extension', {
    schema: { tags, summary: '申请延期（主办单位，时限前）', params: IdParams, body: z.object({ proposedDueOn: isoDate, reason: z.string().trim().min(1).max(2000) }), response: { 200: Detail, ...withConflict } },
  }, async (request) => { await requestCaseExtension(ctx.db, requireActor(request), request.params.id, request.body, ctx.now()); return detail(request, request.params.id); });

  app.post('/api/cases/:id/extension/decision', {
    schema: { tags, summary: '审批延期（优化办）', params: IdParams, body: z.object({ approve: z.boolean(), comment: z.string().max(2000).optional() }), response: { 200: Detail, ...withConflict } },
  }, async (request) => { await decideCaseExtension(ctx.db, requireActor(request), request.params.id, request.body, ctx.now()); return detail(request, request.params.id); });

  app.post('/api/cases/:id/urge', {
    schema: { tags, summary: '催办或下发督办单（优化办）', params: IdParams, body: z.object({ kind: z.enum(['reminder', 'order']), message: z.string().trim().min(1).max(2000), replyBy: isoDate.nullish() }), response: { 200: Detail, ...withConflict } },
  }, async (request) => { await urgeCase(ctx.db, requireActor(request), request.params.id, request.body, ctx.now()); return detail(request, request.params.id); });
}

function ruleRoutes(app: App, ctx: AppContext): void {
  const planOf = async (request: Parameters<typeof requireActor>[0], id: number) => {
    const [plan] = await ctx.db.select({ id: plans.id }).from(plans).where(and(visiblePlan(requireActor(request), id), eq(plans.id, id)));
    if (!plan || requireActor(request).role === 'unit') throw appError('PLAN_NOT_FOUND');
    return plan.id;
  };
  app.get('/api/plans/:id/case-rules', {
    schema: { tags, summary: '方案的问题办理规则（各类时限、临期、对关联任务灯的影响）', params: IdParams, response: { 200: CaseRulesBody, ...errorResponses } },
  }, async (request) => caseRulesOf(ctx.db, await planOf(request, request.params.id)));
  app.put('/api/plans/:id/case-rules', {
    schema: { tags, summary: '修改问题办理规则（优化办）', params: IdParams, body: CaseRulesBody, response: { 200: CaseRulesBody, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const planId = await planOf(request, request.params.id);
    assertCaseOffice(actor);
    return ctx.db.transaction((tx) => saveCaseRules(tx, actor, planId, request.body));
  });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ImportKind = z.enum(['hotline', 'rectify']);
const Mapping = z.record(z.string(), z.number().int().min(0).max(200));

function fileRoutes(app: App, ctx: AppContext): void {
  app.post('/api/cases/imports/preview', {
    schema: {
      tags, summary: '读取督查整改清单（XLSX/DOCX 表格）或 12345 工单导出（CSV/XLSX），建议列对应关系（请求体为文件内容，application/octet-stream）',
      querystring: z.object({ kind: ImportKind, fileName: z.string().trim().min(1).max(200) }),
      response: { 200: z.object({ rows: z.array(z.array(z.string())), headerRow: z.number(), mapping: Mapping }), 413: ErrorSchema, 415: ErrorSchema, 503: ErrorSchema, ...errorResponses },
    },
    bodyLimit: 10 * 1024 * 1024,
  }, async (request) => {
    if (!Buffer.isBuffer(request.body)) throw appError('UNSUPPORTED_MEDIA_TYPE', '请以 application/octet-stream 上传文件内容');
    return previewCaseImport(ctx.parser, requireActor(request), request.body, request.query.fileName, request.query.kind);
  });

  app.post('/api/cases/imports', {
    schema: {
      tags, summary: '按确认的列对应关系导入问题；任何一行有错误都不写入，并逐行逐列指出', body: z.object({
        kind: ImportKind, planId: z.number().int().positive().nullable(), headerRow: z.number().int().min(0), mapping: Mapping,
        rows: z.array(z.array(z.string().max(10_000)).max(200)).max(5000),
      }),
      response: { 201: z.object({ created: z.number(), batch: z.string() }), ...errorResponses },
    },
    bodyLimit: 10 * 1024 * 1024,
  }, async (request, reply) => {
    const actor = requireActor(request);
    if (request.body.planId) {
      const [plan] = await ctx.db.select({ id: plans.id }).from(plans).where(visiblePlan(actor, request.body.planId));
      if (!plan) throw appError('PLAN_NOT_FOUND');
    }
    return reply.status(201).send(await commitCaseImport(ctx.db, actor, request.body, ctx.now(), ctx.calendar));
  });

  app.get('/api/cases/export.xlsx', {
    schema: { tags, summary: '导出整改清单及销号情况（按问题库的筛选条件）', querystring: CaseListQuery.omit({ page: true, pageSize: true }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    if (actor.role === 'unit') throw appError('FORBIDDEN');
    const { items } = await listCases(ctx.db, actor, { ...request.query, page: 1, pageSize: 10_000 }, chinaDate(ctx.now()), ctx.calendar);
    const bytes = await renderCaseListXlsx(items, `${actor.region.name}营商环境问题整改清单`);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('问题整改清单.xlsx')}`).send(Buffer.from(bytes));
  });
}

function evidenceRoutes(app: App, ctx: AppContext): void {
  const evidence = evidenceFilesOf(ctx.config);
  app.post('/api/cases/:id/files', {
    schema: {
      tags, summary: '上传问题材料：优化办的发现材料，主办/协办单位办理中的整改/答复佐证（请求体为文件内容，application/octet-stream；单个不超过 20 MB）',
      params: IdParams, querystring: z.object({ fileName: z.string().trim().min(1).max(200) }), response: { 201: Detail, 413: ErrorSchema, 415: ErrorSchema, ...withConflict },
    },
    bodyLimit: 21 * 1024 * 1024,
  }, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) throw appError('VALIDATION_FAILED', '请以 application/octet-stream 上传文件内容');
    const actor = requireActor(request);
    await addCaseFile(ctx.db, actor, request.params.id, request.query.fileName, request.body, evidence);
    return reply.status(201).send(await caseDetail(ctx.db, actor, request.params.id, chinaDate(ctx.now()), ctx.calendar));
  });
  app.get('/api/cases/:id/files/:fileId', {
    schema: { tags, summary: '下载问题材料', params: z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() }) },
  }, async (request, reply) => {
    const file = await readCaseFile(ctx.db, requireActor(request), request.params.id, request.params.fileId, evidence);
    return reply.header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
  });
}

/** Registers the problem routes. */
export function caseRoutes(app: App, ctx: AppContext): void {
  evidenceRoutes(app, ctx);
  readRoutes(app, ctx);
  writeRoutes(app, ctx);
  ruleRoutes(app, ctx);
  fileRoutes(app, ctx);
}
