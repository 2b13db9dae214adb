/**
 * The document workflow: a draft is built from the data and edited as a model; issuing assigns
 * the number, stamps the issue date and freezes the DOCX (and PDF) bytes — rendered before, stored
 * in one short transaction.
 * An issued document never changes again: edits, regeneration and deletion are for drafts only.
 */
import { and, desc, eq, getTableColumns, max, sql } from 'drizzle-orm';
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { documents } from '../../../db/document-schema.ts';
import { plans } from '../../../db/schema.ts';
import { OFFICE_TODO, parseReportDocument, type ReportDocument, type ReportKind } from '../../../reports/index.ts';
import { render } from '../../files/render-pool.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertSameVersion } from '../content-version.ts';
import { assertDocumentWriter, documentPlanScope } from '../../policies/document.policy.ts';
import { buildModel, stampIssued, type BuildOptions } from './build-model.ts';
import { loadPlanWithRegion, numberSeries } from './issuing-office.ts';
import { docxToPdf } from './pdf.ts';

export type DocumentRow = typeof documents.$inferSelect;

/** A new draft's request: the kind and period, and what some kinds need besides. */
export interface DraftInput extends BuildOptions {
  kind: ReportKind;
  period: string;
}

/** The plan in the actor's document scope, or PLAN_NOT_FOUND. */
export async function documentPlan(db: Db, actor: Actor, planId: number): Promise<number> {
  const [plan] = await db.select({ id: plans.id }).from(plans).where(documentPlanScope(actor, planId));
  if (!plan) throw appError('PLAN_NOT_FOUND');
  return plan.id;
}

/** A document the actor may read, or DOCUMENT_NOT_FOUND. */
export async function loadDocument(db: Db, actor: Actor, id: number): Promise<DocumentRow> {
  const [row] = await db.select({ d: documents }).from(documents).innerJoin(plans, eq(plans.id, documents.planId))
    .where(and(eq(documents.id, id), documentPlanScope(actor)));
  if (!row) throw appError('DOCUMENT_NOT_FOUND');
  return row.d;
}

/** A document as listed: without its archived DOCX and PDF, whether it has a PDF instead. */
export type DocumentListRow = Omit<DocumentRow, 'docx' | 'pdf'> & { hasPdf: boolean };

/**
 * The plan's documents, newest first (issued and drafts). The archived files stay in the
 * database: a year of issued documents is megabytes the list would hold only to drop.
 */
export async function listDocuments(db: Db, actor: Actor, planId: number): Promise<DocumentListRow[]> {
  await documentPlan(db, actor, planId);
  const { docx: _docx, pdf: _pdf, ...columns } = getTableColumns(documents);
  return db.select({ ...columns, hasPdf: sql<boolean>`${documents.pdf} is not null` }).from(documents)
    .where(eq(documents.planId, planId)).orderBy(desc(documents.createdAt), desc(documents.id));
}

/** Builds a new draft of a kind for a plan and period from the current data. */
export async function createDraft(db: Db, actor: Actor, planId: number, input: DraftInput, now: Date, calendar: WorkCalendar): Promise<DocumentRow> {
  await documentPlan(db, actor, planId);
  assertDocumentWriter(actor);
  const built = await buildModel(db, planId, input.kind, input.period, chinaDate(now), calendar, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(documents).values({
      planId, regionId: built.plan.regionId, kind: input.kind, period: built.period.key, urgeId: built.orderId, title: built.model.title,
      model: built.model, createdBy: actor.userId, createdAt: now, updatedBy: actor.userId, updatedAt: now,
    }).returning();
    if (!row) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'document.draft', entity: 'document', entityId: row.id, details: { planId, kind: input.kind, period: row.period } });
    return row;
  });
}

async function loadDraft(db: Db, actor: Actor, id: number): Promise<DocumentRow> {
  const doc = await loadDocument(db, actor, id);
  assertDocumentWriter(actor);
  if (doc.status !== 'draft') throw appError('DOCUMENT_ALREADY_ISSUED');
  return doc;
}

async function saveDraftModel(db: Db, actor: Actor, doc: DocumentRow, model: ReportDocument, action: string, now: Date, expectedVersion?: string): Promise<DocumentRow> {
  return db.transaction(async (tx) => {
    if (expectedVersion !== undefined) {
      // Locked until commit: of two editors saving the same version, the second sees the first's save.
      const [current] = await tx.select({ model: documents.model }).from(documents).where(eq(documents.id, doc.id)).for('update');
      assertSameVersion(current?.model, expectedVersion, '该公文草稿');
    }
    // The status condition makes a concurrent issue win: an issued document is never overwritten.
    const [row] = await tx.update(documents).set({ model, title: model.title, updatedBy: actor.userId, updatedAt: now })
      .where(and(eq(documents.id, doc.id), eq(documents.status, 'draft'))).returning();
    if (!row) throw appError('DOCUMENT_ALREADY_ISSUED');
    await audit(tx, { actorUserId: actor.userId, action, entity: 'document', entityId: doc.id, details: { kind: doc.kind, period: doc.period } });
    return row;
  });
}

/** Saves the office's edited model of a draft (validated by the engine's schema). */
export async function updateDraft(db: Db, actor: Actor, id: number, edited: unknown, now: Date, expectedVersion?: string): Promise<DocumentRow> {
  const doc = await loadDraft(db, actor, id);
  const model = parseReportDocument(edited);
  if (model.kind !== doc.kind) throw appError('REPORT_DOCUMENT_INVALID', `文稿类型 ${model.kind} 与公文类型 ${doc.kind} 不一致`, { path: 'kind' });
  return saveDraftModel(db, actor, doc, model, 'document.edit', now, expectedVersion);
}

/** Rebuilds a draft from today's data (the office's edits are replaced). */
export async function regenerateDraft(db: Db, actor: Actor, id: number, now: Date, calendar: WorkCalendar, options: BuildOptions = {}): Promise<DocumentRow> {
  const doc = await loadDraft(db, actor, id);
  // The draft keeps the date chosen for it.
  const built = await buildModel(db, doc.planId, doc.kind as ReportKind, doc.period, chinaDate(now), calendar, { orderId: doc.urgeId ?? undefined, date: doc.model.date, ...options });
  return saveDraftModel(db, actor, doc, built.model, 'document.regenerate', now);
}

/** Deletes a draft; issued documents are archived for good. */
export async function deleteDraft(db: Db, actor: Actor, id: number): Promise<void> {
  const doc = await loadDraft(db, actor, id);
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(documents).where(and(eq(documents.id, id), eq(documents.status, 'draft'))).returning({ id: documents.id });
    if (!row) throw appError('DOCUMENT_ALREADY_ISSUED');
    await audit(tx, { actorUserId: actor.userId, action: 'document.delete', entity: 'document', entityId: id, details: { kind: doc.kind, period: doc.period, title: doc.title } });
  });
}

/** Paragraphs and headings still flagged 【待补充】 for the office. */
function openTodos(model: ReportDocument): number {
  return model.blocks.filter((b) => (b.kind === 'paragraph' && b.runs.some((r) => r.text.includes(OFFICE_TODO))) || (b.kind === 'heading' && b.text.includes(OFFICE_TODO))).length;
}

type Series = ReturnType<typeof numberSeries>;

/** The number the next issue of the series would take (read only; the issuing transaction checks it). */
async function nextNumber(db: Db | Tx, doc: DocumentRow, series: Series, year: number): Promise<{ number: string | null; seq: number | null }> {
  if (!series) {
    // A 督办单 carries the number its order was given when it was sent.
    return { number: doc.model.blocks.find((b) => b.kind === 'redHeader')?.docNumber ?? null, seq: null };
  }
  const [last] = await db.select({ n: max(documents.seq) }).from(documents)
    .where(and(eq(documents.regionId, doc.regionId), eq(documents.series, series.series), eq(documents.year, year)));
  const seq = (last?.n ?? 0) + 1;
  return { number: series.format(year, seq), seq };
}

/**
 * Issues a draft: number, issue date, frozen DOCX (+ PDF when LibreOffice is installed), audit
 * row. The bytes are rendered first, outside any transaction (DOCX in the render pool's thread,
 * PDF by LibreOffice), with the number the series would take next; a short transaction then
 * takes the series' lock, checks that the number is still next and the draft unchanged, and
 * stores. If another issue took the number (or the draft was edited) meanwhile, it renders again.
 */
export async function issueDocument(db: Db, actor: Actor, id: number, now: Date): Promise<DocumentRow> {
  await loadDraft(db, actor, id);
  const today = chinaDate(now);
  for (let attempt = 0; attempt < 5; attempt++) {
    const [doc] = await db.select().from(documents).where(eq(documents.id, id));
    if (doc?.status !== 'draft') throw appError('DOCUMENT_ALREADY_ISSUED');
    // The 文号's year is the document's own (a 2023 notice is 〔2023〕 whenever it is issued).
    const year = Number((doc.model.date ?? today).slice(0, 4));
    const todos = openTodos(doc.model);
    if (todos > 0) throw appError('DOCUMENT_INCOMPLETE', `文稿中还有${todos}处${OFFICE_TODO}，请补充或删除后再印发`, { count: todos });
    const kind = doc.kind as ReportKind;
    const series = numberSeries(await loadPlanWithRegion(db, doc.planId), kind);
    const numbering = await nextNumber(db, doc, series, year);
    const isMasthead = kind === 'dekad-brief' || kind === 'work-bulletin';
    const model = stampIssued(doc.model, { docNumber: isMasthead ? null : numbering.number, issueNo: isMasthead ? numbering.seq : null }, today);
    const docx = Buffer.from(await render({ kind: 'docx', model }));
    const pdf = await docxToPdf(docx);
    const issued = await db.transaction(async (tx) => {
      const [current] = await tx.select({ status: documents.status, updatedAt: documents.updatedAt }).from(documents).where(eq(documents.id, id)).for('update');
      if (current?.status !== 'draft') throw appError('DOCUMENT_ALREADY_ISSUED');
      if (current.updatedAt.getTime() !== doc.updatedAt.getTime()) return null;
      if (series) {
        // Serialise numbering per region, series and year: the unique index would reject a race, the lock avoids it.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`document-number-${doc.regionId}-${series.series}-${year}`}))`);
        if ((await nextNumber(tx, doc, series, year)).seq !== numbering.seq) return null;
      }
      const [row] = await tx.update(documents).set({
        status: 'issued', number: numbering.number, series: series?.series ?? null, year: series ? year : null, seq: numbering.seq,
        model, title: model.title, issuedBy: actor.userId, issuedAt: now, docx, pdf,
      }).where(and(eq(documents.id, id), eq(documents.status, 'draft'))).returning();
      if (!row) throw appError('DOCUMENT_ALREADY_ISSUED');
      await audit(tx, { actorUserId: actor.userId, action: 'document.issue', entity: 'document', entityId: id, details: { kind, period: doc.period, number: numbering.number, pdf: pdf !== null } });
      return row;
    });
    if (issued) return issued;
  }
  throw appError('EDIT_CONFLICT', '公文编号正被同时印发的其他公文占用，请稍后再试');
}

/** The DOCX or PDF of a document: the frozen bytes once issued, rendered from the model while a draft. */
export async function documentFile(db: Db, actor: Actor, id: number, format: 'docx' | 'pdf'): Promise<{ bytes: Buffer; fileName: string }> {
  const doc = await loadDocument(db, actor, id);
  const name = `${doc.number ? `${doc.title}（${doc.number}）` : `${doc.title}（草稿）`}.${format}`;
  if (doc.status === 'issued') {
    const bytes = format === 'docx' ? doc.docx : doc.pdf;
    if (!bytes) throw appError(format === 'pdf' ? 'DOCUMENT_PDF_UNAVAILABLE' : 'INTERNAL', format === 'pdf' ? '该公文印发时服务器未安装 LibreOffice，只存档了 DOCX' : undefined);
    return { bytes, fileName: name };
  }
  // A draft is rendered from its model in the render pool's thread, not on the request thread.
  const docx = Buffer.from(await render({ kind: 'docx', model: doc.model }));
  if (format === 'docx') return { bytes: docx, fileName: name };
  const pdf = await docxToPdf(docx);
  if (!pdf) throw appError('DOCUMENT_PDF_UNAVAILABLE');
  return { bytes: pdf, fileName: name };
}
