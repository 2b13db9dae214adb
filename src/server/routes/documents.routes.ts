/**
 * Documents (公文) of a plan: drafts built from the data, edited, issued with a number and frozen
 * DOCX/PDF bytes; the responsibility-table export; the office's practice notes.
 */
import { z } from 'zod';
import { parsePeriod } from '../../domain/supervision/periods.ts';
import { officeNotes, renderHtml, type ReportKind } from '../../reports/index.ts';
import type { Actor } from '../auth/actor.ts';
import { contentVersion } from '../use-cases/content-version.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { documentPermissions } from '../policies/document.policy.ts';
import { KIND_LABELS } from '../use-cases/documents/build-model.ts';
import {
  createDraft, deleteDraft, documentFile, documentPlan, issueDocument, listDocuments, loadDocument, regenerateDraft, updateDraft, type DocumentListRow, type DocumentRow,
} from '../use-cases/documents/documents.ts';
import { addPracticeNote, deletePracticeNote, listPracticeNotes, updatePracticeNote } from '../use-cases/documents/practice-notes.ts';
import { responsibilityTableXlsx } from '../use-cases/documents/responsibility-data.ts';
import { ErrorSchema, IdParams, errorResponses } from './common.schema.ts';
import {
  CreateDocumentBody, DocumentDetailSchema, DocumentSummarySchema, LayoutQuery, PracticeNoteBody, PracticeNoteSchema, RegenerateBody, UpdateDocumentBody,
} from './documents.schema.ts';

const TAGS = ['公文'];
const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function summary(actor: Actor, d: DocumentListRow | DocumentRow) {
  return {
    id: d.id, planId: d.planId, kind: d.kind as ReportKind, kindLabel: KIND_LABELS[d.kind as ReportKind] ?? d.kind, period: d.period,
    periodLabel: parsePeriod(d.period)?.label ?? d.period, status: d.status, title: d.title, number: d.number, orderId: d.urgeId,
    createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(), issuedAt: d.issuedAt?.toISOString() ?? null,
    hasPdf: 'hasPdf' in d ? d.hasPdf : d.pdf !== null, permissions: documentPermissions(actor, d.status),
  };
}

const detail = (actor: Actor, d: DocumentRow) => ({
  ...summary(actor, d), model: d.model, version: contentVersion(d.model), html: renderHtml(d.model, { fragment: true }), notes: officeNotes(d.model),
});

const attachment = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

function documentLifecycleRoutes(app: App, ctx: AppContext): void {
  app.post('/api/plans/:id/documents', {
    schema: { tags: TAGS, summary: '起草公文（按数据生成草稿，优化办）', params: IdParams, body: CreateDocumentBody, response: { 201: DocumentDetailSchema, ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.status(201).send(detail(actor, await createDraft(ctx.db, actor, request.params.id, request.body, ctx.now(), ctx.calendar)));
  });

  app.get('/api/plans/:id/documents', {
    schema: { tags: TAGS, summary: '方案的公文（已印发和草稿）', params: IdParams, response: { 200: z.object({ items: z.array(DocumentSummarySchema) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return { items: (await listDocuments(ctx.db, actor, request.params.id)).map((d) => summary(actor, d)) };
  });

  app.get('/api/documents/:id', {
    schema: { tags: TAGS, summary: '公文（文稿模型与 HTML 预览）', params: IdParams, response: { 200: DocumentDetailSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return detail(actor, await loadDocument(ctx.db, actor, request.params.id));
  });

  app.put('/api/documents/:id', {
    schema: { tags: TAGS, summary: '修改草稿文稿（优化办）', params: IdParams, body: UpdateDocumentBody, response: { 200: DocumentDetailSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return detail(actor, await updateDraft(ctx.db, actor, request.params.id, request.body.model, ctx.now(), request.body.version));
  });

  app.post('/api/documents/:id/regenerate', {
    schema: { tags: TAGS, summary: '按最新数据重新生成草稿（覆盖修改，优化办）', params: IdParams, body: RegenerateBody, response: { 200: DocumentDetailSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return detail(actor, await regenerateDraft(ctx.db, actor, request.params.id, ctx.now(), ctx.calendar, { results: request.body?.results }));
  });

  app.post('/api/documents/:id/issue', {
    schema: { tags: TAGS, summary: '印发：编号、定稿并存档 DOCX（及 PDF）（优化办）', params: IdParams, response: { 200: DocumentDetailSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    return detail(actor, await issueDocument(ctx.db, actor, request.params.id, ctx.now()));
  });

  app.delete('/api/documents/:id', {
    schema: { tags: TAGS, summary: '删除草稿（优化办）', params: IdParams, response: { 204: z.null(), 409: ErrorSchema, ...errorResponses } },
  }, async (request, reply) => {
    await deleteDraft(ctx.db, requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });
}

function fileRoutes(app: App, ctx: AppContext): void {
  for (const format of ['docx', 'pdf'] as const) {
    app.get(`/api/documents/:id/${format}`, {
      schema: { tags: TAGS, summary: `下载 ${format.toUpperCase()}（已印发的为存档文件）`, params: IdParams },
    }, async (request, reply) => {
      const file = await documentFile(ctx.db, requireActor(request), request.params.id, format);
      return reply.header('content-type', MIME[format]).header('content-disposition', attachment(file.fileName)).send(file.bytes);
    });
  }

  app.get('/api/plans/:id/responsibility-table.xlsx', {
    schema: { tags: TAGS, summary: '导出责任分工表 XLSX', params: IdParams, querystring: LayoutQuery },
  }, async (request, reply) => {
    const planId = await documentPlan(ctx.db, requireActor(request), request.params.id);
    const table = await responsibilityTableXlsx(ctx.db, planId, request.query.layout);
    return reply.header('content-type', MIME.xlsx).header('content-disposition', attachment(`${table.title}责任分工表.xlsx`)).send(Buffer.from(table.bytes));
  });
}

function practiceNoteRoutes(app: App, ctx: AppContext): void {
  app.get('/api/plans/:id/practice-notes', {
    schema: { tags: TAGS, summary: '典型做法与工作动态（供专报、简报选用）', params: IdParams, querystring: z.object({ period: z.string().max(10).optional() }), response: { 200: z.object({ items: z.array(PracticeNoteSchema) }), ...errorResponses } },
  }, async (request) => ({ items: await listPracticeNotes(ctx.db, requireActor(request), request.params.id, request.query.period) }));

  app.post('/api/plans/:id/practice-notes', {
    schema: { tags: TAGS, summary: '录入典型做法（优化办）', params: IdParams, body: PracticeNoteBody, response: { 201: PracticeNoteSchema, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await addPracticeNote(ctx.db, requireActor(request), request.params.id, request.body, ctx.now())));

  app.put('/api/practice-notes/:id', {
    schema: { tags: TAGS, summary: '修改典型做法（优化办）', params: IdParams, body: PracticeNoteBody, response: { 200: PracticeNoteSchema, ...errorResponses } },
  }, async (request) => updatePracticeNote(ctx.db, requireActor(request), request.params.id, request.body, ctx.now()));

  app.delete('/api/practice-notes/:id', {
    schema: { tags: TAGS, summary: '删除典型做法（优化办）', params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    await deletePracticeNote(ctx.db, requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });
}

/** Registers the documents, responsibility-table and practice-note routes. */
export function documentRoutes(app: App, ctx: AppContext): void {
  documentLifecycleRoutes(app, ctx);
  fileRoutes(app, ctx);
  practiceNoteRoutes(app, ctx);
}
