/** Progress reports: list and file per task, submit, review, evidence files, the two work queues. */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { chinaDate } from '../../domain/supervision/work-calendar.ts';
import { progressReports } from '../../db/supervision-schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { mayReadReviewQueue, visibleReports } from '../policies/report.policy.ts';
import { visibleTasks } from '../policies/task.policy.ts';
import { evidenceFilesOf } from '../files/file-store.ts';
import { addAttachment, evidenceLimits, readAttachment } from '../use-cases/supervision/attachments.ts';
import { reportViews, taskReportViews } from '../use-cases/supervision/report-views.ts';
import { reviewReport, saveReport, submitReport } from '../use-cases/supervision/reports.ts';
import { reviewQueue } from '../use-cases/supervision/review-queue.ts';
import { myTasks } from '../use-cases/supervision/work-queues.ts';
import { ErrorSchema, IdParams, errorResponses } from './common.schema.ts';
import { AttachmentSchema, ReportBody, ReportList, ReportSchema, ReviewBody } from './reports.schema.ts';

async function oneReport(ctx: AppContext, actor: ReturnType<typeof requireActor>, id: number) {
  const [view] = await reportViews(ctx.db, actor, and(eq(progressReports.id, id), visibleReports(actor)), ctx.calendar);
  if (!view) throw appError('REPORT_NOT_FOUND');
  return view;
}

export function reportRoutes(app: App, ctx: AppContext): void {
  const evidence = evidenceFilesOf(ctx.config);
  app.get('/api/tasks/:id/reports', {
    schema: { tags: ['进展报告'], summary: '任务的进展报告（按权限可见）', params: IdParams, response: { 200: ReportList, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const items = await taskReportViews(ctx.db, actor, request.params.id, visibleReports(actor), visibleTasks(actor), ctx.calendar);
    if (!items) throw appError('TASK_NOT_FOUND');
    return { items };
  });

  app.post('/api/tasks/:id/reports', {
    schema: { tags: ['进展报告'], summary: '填报进展（保存草稿或提交）', params: IdParams, body: ReportBody, response: { 200: ReportSchema, 201: ReportSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { report, replayed } = await saveReport(ctx.db, actor, request.params.id, request.body, ctx.now());
    return reply.status(replayed ? 200 : 201).send(await oneReport(ctx, actor, report.id));
  });

  app.post('/api/reports/:id/submit', {
    schema: { tags: ['进展报告'], summary: '提交草稿', params: IdParams, response: { 200: ReportSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const report = await submitReport(ctx.db, actor, request.params.id, ctx.now());
    return oneReport(ctx, actor, report.id);
  });

  app.post('/api/reports/:id/review', {
    schema: { tags: ['进展报告'], summary: '审核报告：通过或退回', params: IdParams, body: ReviewBody, response: { 200: ReportSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const report = await reviewReport(ctx.db, actor, request.params.id, request.body.decision, request.body.comment, ctx.now());
    return oneReport(ctx, actor, report.id);
  });

  app.post('/api/reports/:id/attachments', {
    schema: {
      tags: ['进展报告'], summary: '上传佐证材料（原始文件内容作为请求体，文件名放在 fileName 参数；单个不超过 20 MB，超出本单位存储上限返回 ATTACHMENT_QUOTA_EXCEEDED）', params: IdParams,
      querystring: z.object({ fileName: z.string().min(1).max(200) }),
      response: { 201: AttachmentSchema, 413: ErrorSchema, 415: ErrorSchema, ...errorResponses },
    },
    bodyLimit: 21 * 1024 * 1024,
  }, async (request, reply) => {
    const actor = requireActor(request);
    if (!Buffer.isBuffer(request.body)) throw appError('VALIDATION_FAILED', '请以 application/octet-stream 上传文件内容');
    const id = await addAttachment(ctx.db, actor, request.params.id, request.query.fileName, request.body, evidence);
    const view = await oneReport(ctx, actor, request.params.id);
    const attachment = view.attachments.find((a) => a.id === id);
    if (!attachment) throw appError('INTERNAL');
    return reply.status(201).send(attachment);
  });

  app.get('/api/evidence-limits', {
    schema: {
      tags: ['进展报告'], summary: '佐证材料的大小限制：单个文件上限、本单位存储上限及已用量（单位用户）',
      response: { 200: z.object({ maxFileBytes: z.number(), unitQuotaBytes: z.number(), unitUsedBytes: z.number().nullable() }), ...errorResponses },
    },
  }, async (request) => evidenceLimits(ctx.db, requireActor(request), evidence));

  app.get('/api/attachments/:id', {
    schema: { tags: ['进展报告'], summary: '下载佐证材料', params: IdParams },
  }, async (request, reply) => {
    const file = await readAttachment(ctx.db, requireActor(request), request.params.id, evidence);
    return reply.header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.data);
  });

  app.get('/api/my-tasks', {
    schema: { tags: ['进展报告'], summary: '我的任务（单位用户：本期应报）', response: { 200: z.object({ items: z.array(z.object({
      taskId: z.number(), planId: z.number(), planTitle: z.string(), seq: z.number(), text: z.string(), role: z.enum(['lead', 'responsible']), dueOn: z.string().nullable(),
      period: z.object({ key: z.string(), label: z.string(), dueOn: z.string(), late: z.boolean().describe('本期报告已过截止日仍未报送') }),
      report: ReportSchema.pick({ id: true, state: true, version: true, status: true, percent: true }).nullable(), light: z.enum(['green', 'yellow', 'red', 'done']).nullable(),
    })) }), ...errorResponses } },
  }, async (request) => ({ items: await myTasks(ctx.db, requireActor(request), chinaDate(ctx.now()), ctx.calendar) }));

  app.get('/api/review-queue', {
    schema: { tags: ['进展报告'], summary: '待审核的汇总报告（优化办；按提交先后分页，total 为准确总数）', querystring: z.object({
      page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }), response: { 200: z.object({ items: z.array(ReportSchema.extend({
      task: z.object({ id: z.number(), seq: z.number(), text: z.string(), planId: z.number(), planTitle: z.string() }),
    })), total: z.number(), page: z.number(), pageSize: z.number() }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    if (!mayReadReviewQueue(actor)) throw appError('FORBIDDEN');
    return reviewQueue(ctx.db, actor, request.query.page, request.query.pageSize, ctx.calendar);
  });
}
