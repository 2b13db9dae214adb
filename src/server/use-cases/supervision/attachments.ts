/**
 * Evidence files of a progress report: limited in size, type and quota, and only on the reporting
 * unit's own draft. The report is checked before anything is stored; on embedded PGlite the bytes
 * go to disk first (atomically) and the database holds only a short row, so a 20 MB upload never
 * holds the single connection; on PostgreSQL they stay in the database for every instance.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { ambientNow } from '../../../db/clock.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { caseFiles } from '../../../db/case-schema.ts';
import { progressReports, reportAttachments } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import type { EvidenceFiles } from '../../files/file-store.ts';
import { visibleReports } from '../../policies/report.policy.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

// Types officials actually attach: scans and photos, office documents, archives of them.
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  wps: 'application/vnd.ms-works', ofd: 'application/ofd', zip: 'application/zip', txt: 'text/plain',
};

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The actor unit's own draft report, or the error that says why not (checked before storing). */
async function ownDraft(db: Db | Tx, actor: Actor, reportId: number): Promise<{ taskId: number }> {
  const [report] = await db.select().from(progressReports).where(and(eq(progressReports.id, reportId), visibleReports(actor)));
  if (!report || report.unitId !== actor.unit?.id) throw appError('REPORT_NOT_FOUND');
  if (report.state !== 'draft') throw appError('REPORT_NOT_EDITABLE', '只能向草稿报告添加附件');
  return report;
}

/**
 * Bytes of evidence stored by one unit, and by all units: report evidence and problem (case)
 * evidence count together against the one quota, whichever upload asks.
 */
async function usedBytes(db: Db, unitId: number | null): Promise<{ unit: number; total: number }> {
  const [reports] = await db.select({
    unit: sql<string>`coalesce(sum(${reportAttachments.size}) filter (where ${progressReports.unitId} = ${unitId ?? 0}), 0)`,
    total: sql<string>`coalesce(sum(${reportAttachments.size}), 0)`,
  }).from(reportAttachments).innerJoin(progressReports, eq(progressReports.id, reportAttachments.reportId));
  const [cases] = await db.select({
    unit: sql<string>`coalesce(sum(${caseFiles.size}) filter (where ${caseFiles.unitId} = ${unitId ?? 0}), 0)`,
    total: sql<string>`coalesce(sum(${caseFiles.size}), 0)`,
  }).from(caseFiles);
  return { unit: Number(reports?.unit ?? 0) + Number(cases?.unit ?? 0), total: Number(reports?.total ?? 0) + Number(cases?.total ?? 0) };
}

/** The limits an uploader sees: per file, and the unit's quota with what it has used (units only). */
export async function evidenceLimits(db: Db, actor: Actor, files: EvidenceFiles): Promise<{ maxFileBytes: number; unitQuotaBytes: number; unitUsedBytes: number | null }> {
  const unitUsedBytes = actor.unit ? (await usedBytes(db, actor.unit.id)).unit : null;
  return { maxFileBytes: MAX_ATTACHMENT_BYTES, unitQuotaBytes: files.unitQuotaBytes, unitUsedBytes };
}

/**
 * Refuses a file that would take the unit's or everyone's evidence past its quota (`unitId` null:
 * an office upload, held to the platform's total only).
 */
export async function assertEvidenceQuota(db: Db, unitId: number | null, size: number, files: EvidenceFiles): Promise<void> {
  const { unit, total } = await usedBytes(db, unitId);
  if (unitId !== null && unit + size > files.unitQuotaBytes) {
    throw appError('ATTACHMENT_QUOTA_EXCEEDED', `本单位佐证材料已用 ${mb(unit)}，上限 ${mb(files.unitQuotaBytes)}，此文件（${mb(size)}）无法再上传。请联系优化办。`,
      { quota: 'unit', usedBytes: unit, quotaBytes: files.unitQuotaBytes, size });
  }
  if (total + size > files.totalQuotaBytes) {
    throw appError('ATTACHMENT_QUOTA_EXCEEDED', `平台佐证材料总量已达上限 ${mb(files.totalQuotaBytes)}，此文件无法再上传。请联系管理员。`,
      { quota: 'total', usedBytes: total, quotaBytes: files.totalQuotaBytes, size });
  }
}

/** The content type of an evidence file, or the error saying why it is refused (type, size, empty). */
export function evidenceType(fileName: string, data: Buffer): string {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const contentType = ALLOWED[ext];
  if (!contentType) throw appError('ATTACHMENT_TYPE_NOT_ALLOWED', undefined, { fileName });
  if (data.length > MAX_ATTACHMENT_BYTES) throw appError('ATTACHMENT_TOO_LARGE', undefined, { fileName, size: data.length });
  if (data.length === 0) throw appError('VALIDATION_FAILED', `附件 ${fileName} 是空文件`, { fileName });
  return contentType;
}

/** Stores one evidence file on the actor unit's report. */
export async function addAttachment(db: Db, actor: Actor, reportId: number, fileName: string, data: Buffer, files: EvidenceFiles): Promise<number> {
  const contentType = evidenceType(fileName, data);
  await ownDraft(db, actor, reportId);
  await assertEvidenceQuota(db, actor.unit?.id ?? 0, data.length, files);
  const sha256 = createHash('sha256').update(data).digest('hex');
  // Written before the row, outside any transaction: a crash leaves at most an unreferenced file.
  const storagePath = files.store ? await files.store.put(data, sha256) : null;
  return db.transaction(async (tx) => {
    // Checked again inside the transaction: the report may have been submitted meanwhile.
    const report = await ownDraft(tx, actor, reportId);
    const [row] = await tx.insert(reportAttachments).values({
      createdAt: ambientNow(),
      reportId, fileName: fileName.slice(0, 200), contentType, size: data.length, sha256, data: storagePath ? null : data, storagePath,
    }).returning({ id: reportAttachments.id });
    if (!row) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'report.attach', entity: 'task', entityId: report.taskId, details: { reportId, attachmentId: row.id, fileName, size: data.length } });
    return row.id;
  });
}

/** Reads one evidence file the actor may see (from disk when its row names a stored file). */
export async function readAttachment(db: Db, actor: Actor, id: number, files: EvidenceFiles): Promise<{ fileName: string; contentType: string; data: Buffer }> {
  const [row] = await db.select({ fileName: reportAttachments.fileName, contentType: reportAttachments.contentType, data: reportAttachments.data, storagePath: reportAttachments.storagePath })
    .from(reportAttachments).innerJoin(progressReports, eq(progressReports.id, reportAttachments.reportId))
    .where(and(eq(reportAttachments.id, id), visibleReports(actor)));
  if (!row) throw appError('ATTACHMENT_NOT_FOUND');
  if (row.data) return { fileName: row.fileName, contentType: row.contentType, data: row.data };
  if (!row.storagePath || !files.store) throw appError('ATTACHMENT_NOT_FOUND', '附件文件不在本服务器的文件目录中，请联系管理员', { id });
  const data = await files.store.read(row.storagePath).catch(() => {
    throw appError('ATTACHMENT_NOT_FOUND', '附件文件已丢失，请联系管理员', { id });
  });
  return { fileName: row.fileName, contentType: row.contentType, data };
}
