/**
 * Plan import: upload a document (parsed into a draft), review and edit the draft, commit it as a
 * new plan, or — for a revised document of an existing plan — apply the chosen differences.
 * The file travels as the raw request body (application/octet-stream) with its name in the query:
 * a browser drag-and-drop sends the File object as is and gets upload progress from XHR.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contentVersion } from '../use-cases/content-version.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { handleError } from '../errors.ts';
import { applyImport } from '../use-cases/imports/apply-import.ts';
import { commitImport } from '../use-cases/imports/commit-import.ts';
import { createImport } from '../use-cases/imports/create-import.ts';
import { discardImport } from '../use-cases/imports/discard-import.ts';
import { importView, type ImportView } from '../use-cases/imports/import-view.ts';
import { updateDraft } from '../use-cases/imports/update-draft.ts';
import { ErrorSchema, IdParams, errorResponses } from './common.schema.ts';
import { ApplyBody, ApplyResultSchema, CommitBody, CommitResultSchema, DraftBody, DraftSchema, ImportViewSchema, UploadBody, UploadQuery } from './imports.schema.ts';

const tags = ['方案导入'];
const conflict = { 409: ErrorSchema };

/** An over-limit body is cut off by Fastify before the handler; name it as the import error it is. */
function tooLargeAsImportError(maxBytes: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      handleError(appError('PLAN_IMPORT_TOO_LARGE', `文件超过 ${Math.round(maxBytes / 1024 / 1024 * 10) / 10} MB 上限，无法导入。`, { maxBytes }), request, reply);
      return;
    }
    handleError(error, request, reply);
  };
}

/** The stored draft is JSON of the documented shape (validated on the way in); type it for the response. */
async function present(ctx: AppContext, request: FastifyRequest, id: number): Promise<ImportView & { draft: z.infer<typeof DraftSchema>; version: string }> {
  const view = await importView(ctx.db, requireActor(request), id);
  return { ...view, draft: DraftSchema.parse(view.draft), version: contentVersion(view.draft) };
}

function uploadRoute(app: App, ctx: AppContext): void {
  const maxBytes = Math.floor(ctx.config.IMPORT_MAX_MB * 1024 * 1024);
  app.post('/api/imports', {
    schema: {
      tags, summary: '上传方案文件并解析为草稿（优化办）',
      description: '请求体为文件原始内容，Content-Type: application/octet-stream；文件名放在 fileName 参数。支持 PDF、DOCX、XLSX、TXT、MD，不超过 50 MB。'
        + '带 targetPlanId 时为修订稿的重新导入，返回与该方案的差异 diff。无法读取的文件返回 PLAN_IMPORT_* 错误码，不保存任何内容。',
      consumes: ['application/octet-stream'], querystring: UploadQuery, body: UploadBody,
      response: { 201: ImportViewSchema, 413: ErrorSchema, 415: ErrorSchema, ...errorResponses },
    },
    bodyLimit: maxBytes,
    errorHandler: tooLargeAsImportError(maxBytes),
  }, async (request, reply) => {
    const actor = requireActor(request);
    const body: unknown = request.body;
    // No body at all arrives as undefined: that is an empty file, which the engine names as such.
    if (body !== undefined && !Buffer.isBuffer(body)) throw appError('UNSUPPORTED_MEDIA_TYPE', '请以 application/octet-stream 上传文件内容');
    const bytes = body === undefined ? new Uint8Array() : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    const id = await createImport(ctx.db, actor, { bytes, fileName: request.query.fileName, targetPlanId: request.query.targetPlanId }, maxBytes, ctx.parser);
    return reply.status(201).send(await present(ctx, request, id));
  });

}

/** Registers the plan import routes: upload, review, edit, discard, commit, apply. */
export function importRoutes(app: App, ctx: AppContext): void {
  uploadRoute(app, ctx);

  app.get('/api/imports/:id', {
    schema: { tags, summary: '导入草稿详情（含单位匹配；重新导入时含差异）', params: IdParams, response: { 200: ImportViewSchema, ...errorResponses } },
  }, async (request) => present(ctx, request, request.params.id));

  app.put('/api/imports/:id/draft', {
    schema: {
      tags, summary: '保存审核中修改的草稿', description: '校验不通过返回 PLAN_DRAFT_INVALID，details.path 为出错字段。'
        + '请求头 If-Match 带上读取时的 version：草稿其间已被他人修改时返回 409 EDIT_CONFLICT，不覆盖对方的修改。',
      params: IdParams, body: DraftBody, headers: z.object({ 'if-match': z.string().max(100).optional() }), response: { 200: ImportViewSchema, ...conflict, ...errorResponses },
    },
    bodyLimit: 20 * 1024 * 1024,
  }, async (request) => {
    const actor = requireActor(request);
    await updateDraft(ctx.db, actor, request.params.id, request.body, ctx.now(), request.headers['if-match']);
    return present(ctx, request, request.params.id);
  });

  app.delete('/api/imports/:id', {
    schema: { tags, summary: '放弃导入草稿', params: IdParams, response: { 204: z.null().describe('已放弃'), ...conflict, ...errorResponses } },
  }, async (request, reply) => {
    await discardImport(ctx.db, requireActor(request), request.params.id, ctx.now());
    return reply.status(204).send(null);
  });

  app.post('/api/imports/:id/commit', {
    schema: {
      tags, summary: '提交草稿，生成方案（指标、任务、责任单位、量化目标，一个事务）', params: IdParams, body: CommitBody,
      response: { 201: CommitResultSchema, ...conflict, ...errorResponses },
    },
  }, async (request, reply) => {
    const result = await commitImport(ctx.db, requireActor(request), request.params.id, request.body, ctx.now());
    return reply.status(201).send(result);
  });

  app.post('/api/imports/:id/apply', {
    schema: {
      tags, summary: '重新导入：把选定的新增、变更、删除应用到已有方案（一个事务）',
      description: '保留未删除任务的 id 及其进展报告、催办、亮灯、延期申请；删除已有进展报告的任务须 force。',
      params: IdParams, body: ApplyBody, response: { 200: ApplyResultSchema, ...conflict, ...errorResponses },
    },
  }, async (request) => applyImport(ctx.db, requireActor(request), request.params.id, request.body, ctx.now()));
}
