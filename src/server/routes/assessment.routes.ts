/**
 * Assessment (评价考核): rounds of a plan, the ranks entered for them (JSON or the XLSX template),
 * results with consequences computed on read, what-if, the results workbook, the plan's rules and
 * the internal unit assessment (标准量化). Offices write within their region, leaders read, units 404.
 */
import { z } from 'zod';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { assessmentPermissions, loadAssessmentPlan, loadRound, type Plan, type Round } from '../policies/assessment.policy.ts';
import { loadAssessmentData } from '../use-cases/assessment/assessment-data.ts';
import { loadAssessmentSettings, putAssessmentRules } from '../use-cases/assessment/assessment-settings.ts';
import { roundResults, whatIf } from '../use-cases/assessment/results.ts';
import { renderResultsXlsx } from '../use-cases/assessment/results-xlsx.ts';
import { createRound, listRounds, putIndicatorRanks, putPlaceRanks, updateRound } from '../use-cases/assessment/rounds.ts';
import { importRankTemplate } from '../use-cases/assessment/template-import.ts';
import { renderRankTemplate } from '../use-cases/assessment/template-xlsx.ts';
import { putUnitWeights, unitAssessment } from '../use-cases/assessment/unit-assessment.ts';
import { consequenceRuleTemplates } from '../../evaluation/index.ts';
import { assessmentRawRoutes } from './assessment-raw.routes.ts';
import { ErrorSchema, IdParams, errorResponses } from './common.schema.ts';
import {
  IndicatorRanksBody, PlaceRanksBody, ResultsSchema, RoundBody, RoundPatch, RoundSchema, RuleTemplatesSchema, RulesBody, RulesSchema, UnitAssessmentSchema, WeightsSchema, WhatIfBody, WhatIfSchema,
} from './assessment.schema.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['评价考核'];

const presentRound = (r: Round & { indicatorRanks?: number; placeRanks?: number }, permissions: { manage: boolean }) => ({
  ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), permissions,
});

const attachment = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

function roundRoutes(app: App, ctx: AppContext): void {
  app.get('/api/plans/:id/assessment-rounds', {
    schema: { tags, summary: '方案的评价轮次', params: IdParams, response: { 200: z.object({ items: z.array(RoundSchema) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const { plan, rounds } = await listRounds(ctx.db, actor, request.params.id);
    return { items: rounds.map((r) => presentRound(r, assessmentPermissions(actor, plan))) };
  });

  app.post('/api/plans/:id/assessment-rounds', {
    schema: { tags, summary: '新建评价轮次（优化办）', params: IdParams, body: RoundBody, response: { 201: RoundSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const round = await createRound(ctx.db, actor, request.params.id, request.body, ctx.now());
    return reply.status(201).send(presentRound(round, { manage: true }));
  });

  app.get('/api/assessment-rounds/:id', {
    schema: { tags, summary: '评价轮次', params: IdParams, response: { 200: RoundSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const { round, plan } = await loadRound(ctx.db, actor, request.params.id);
    return presentRound(round, assessmentPermissions(actor, plan));
  });

  app.patch('/api/assessment-rounds/:id', {
    schema: { tags, summary: '修改评价轮次（名称、评价期、方法、参评总数）', params: IdParams, body: RoundPatch, response: { 200: RoundSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request) => presentRound(await updateRound(ctx.db, requireActor(request), request.params.id, request.body, ctx.now()), { manage: true }));

  app.put('/api/assessment-rounds/:id/indicator-ranks', {
    schema: { tags, summary: '录入本市各指标的全省排名（整表替换）', params: IdParams, body: IndicatorRanksBody, response: { 200: ResultsSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    await putIndicatorRanks(ctx.db, actor, request.params.id, request.body.items);
    return roundResults(ctx.db, actor, request.params.id);
  });

  app.put('/api/assessment-rounds/:id/place-ranks', {
    schema: { tags, summary: '录入县市区、园区的全省排名（整表替换）', params: IdParams, body: PlaceRanksBody, response: { 200: ResultsSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    await putPlaceRanks(ctx.db, actor, request.params.id, request.body.items);
    return roundResults(ctx.db, actor, request.params.id);
  });
}

function fileRoutes(app: App, ctx: AppContext): void {
  app.get('/api/assessment-rounds/:id/template.xlsx', {
    schema: { tags, summary: '下载排名录入模板（已填入指标、县市区、园区及已录入的排名）', params: IdParams },
  }, async (request, reply) => {
    const { round, plan } = await loadRound(ctx.db, requireActor(request), request.params.id);
    const bytes = await renderRankTemplate(await loadAssessmentData(ctx.db, round, plan));
    return reply.header('content-type', XLSX).header('content-disposition', attachment(`${round.title}-排名录入模板.xlsx`)).send(Buffer.from(bytes));
  });

  app.post('/api/assessment-rounds/:id/import', {
    schema: {
      tags, summary: '导入填好的排名模板（请求体为 XLSX 文件内容，application/octet-stream；全部正确才写入）', params: IdParams,
      response: { 200: ResultsSchema.extend({ imported: z.object({ indicators: z.number(), places: z.number() }) }), 413: ErrorSchema, ...errorResponses },
    },
    bodyLimit: 5 * 1024 * 1024,
  }, async (request) => {
    const actor = requireActor(request);
    if (!Buffer.isBuffer(request.body)) throw appError('UNSUPPORTED_MEDIA_TYPE', '请以 application/octet-stream 上传 XLSX 文件内容');
    const imported = await importRankTemplate(ctx.db, actor, request.params.id, request.body, ctx.parser);
    return { ...(await roundResults(ctx.db, actor, request.params.id)), imported };
  });

  app.get('/api/assessment-rounds/:id/results.xlsx', {
    schema: { tags, summary: '导出评价结果（指标排名、县市区排名、约谈/不得评优/追责问责名单、表彰建议）', params: IdParams },
  }, async (request, reply) => {
    const results = await roundResults(ctx.db, requireActor(request), request.params.id);
    const bytes = await renderResultsXlsx(results);
    return reply.header('content-type', XLSX).header('content-disposition', attachment(`${results.round.title}-评价结果.xlsx`)).send(Buffer.from(bytes));
  });
}

function resultRoutes(app: App, ctx: AppContext): void {
  app.get('/api/assessment-rounds/:id/results', {
    schema: { tags, summary: '评价结果：指标与县市区排名、等次、约谈等后果（按规则即时计算）、表彰建议', params: IdParams, response: { 200: ResultsSchema, ...errorResponses } },
  }, async (request) => roundResults(ctx.db, requireActor(request), request.params.id));

  app.post('/api/assessment-rounds/:id/what-if', {
    schema: { tags, summary: '假设分析：按假设排名重新计算结果（不写入）', params: IdParams, body: WhatIfBody, response: { 200: WhatIfSchema, ...errorResponses } },
  }, async (request) => whatIf(ctx.db, requireActor(request), request.params.id, request.body));
}

const presentRules = (s: Awaited<ReturnType<typeof loadAssessmentSettings>>) => ({ consequenceRules: s.rules, bands: s.bands, weights: s.weights, custom: s.custom });

function planRoutes(app: App, ctx: AppContext): void {
  const plan = async (request: { params: { id: number } } & Parameters<typeof requireActor>[0]): Promise<Plan> => loadAssessmentPlan(ctx.db, requireActor(request), request.params.id);

  app.get('/api/plans/:id/assessment-settings', {
    schema: { tags, summary: '方案的考核规则、等次与单位考核权重（含默认值）', params: IdParams, response: { 200: RulesSchema, ...errorResponses } },
  }, async (request) => presentRules(await loadAssessmentSettings(ctx.db, (await plan(request)).id)));

  app.get('/api/plans/:id/assessment-rule-templates', {
    schema: { tags, summary: '考核规则模板（如邵阳市2023年规则），供优化办选用后编辑', params: IdParams, response: { 200: RuleTemplatesSchema, ...errorResponses } },
  }, async (request) => {
    await plan(request);
    return { templates: consequenceRuleTemplates().map((t) => ({ key: t.key, label: t.label, rules: t.rules })) };
  });

  app.put('/api/plans/:id/assessment-rules', {
    schema: { tags, summary: '修改方案的考核规则或等次（优化办；考核规则 null 为不设，等次 null 恢复默认）', params: IdParams, body: RulesBody, response: { 200: RulesSchema, ...errorResponses } },
  }, async (request) => presentRules(await putAssessmentRules(ctx.db, requireActor(request), request.params.id, request.body, ctx.now())));

  app.put('/api/plans/:id/unit-assessment-weights', {
    schema: { tags, summary: '修改单位考核（标准量化）权重（优化办）', params: IdParams, body: z.object({ weights: WeightsSchema.nullable() }), response: { 200: z.object({ weights: WeightsSchema }), ...errorResponses } },
  }, async (request) => ({ weights: await putUnitWeights(ctx.db, requireActor(request), request.params.id, request.body.weights, ctx.now()) }));

  app.get('/api/plans/:id/unit-assessment', {
    schema: {
      tags, summary: '单位考核（标准量化）：按时报送率、完成率、逾期、退回、延期，得分排名与骏马/蜗牛单位', params: IdParams,
      querystring: z.object({ period: z.string().min(4).max(10).optional().describe('考核期：2023-06、2023-Q2、2023-H1、2023；不填为方案期内最近一个完整月份') }),
      response: { 200: UnitAssessmentSchema, ...errorResponses },
    },
  }, async (request) => unitAssessment(ctx.db, requireActor(request), request.params.id, request.query.period, ctx.now(), ctx.calendar));
}

/** Registers the assessment routes. */
export function assessmentRoutes(app: App, ctx: AppContext): void {
  roundRoutes(app, ctx);
  fileRoutes(app, ctx);
  resultRoutes(app, ctx);
  planRoutes(app, ctx);
  assessmentRawRoutes(app, ctx);
}
