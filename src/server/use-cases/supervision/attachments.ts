/**
 * Evidence files of a progress report: stored in the database (every server instance sees them),
 * limited in size and type, and only on the reporting unit's own draft or submitted report.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ambientNow } from '../../../db/clock.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { progressReports, reportAttachments } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../errors.ts';
import { visibleReports } from '../../policies/report.policy.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

// Types officials actually attach: scans and photos, office documents, archives of them.
const ALLOWED: Record<string, string> = {
  pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  wps: 'application/vnd.ms-works', ofd: 'application/ofd', zip: 'application/zip', txt: 'text/plain',
};

/** Stores one evidence file on the actor unit's report. */
export async function addAttachment(db: Db, actor: Actor, reportId: number, fileName: string, data: Buffer): Promise<number> {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const contentType = ALLOWED[ext];
  if (!contentType) throw appError('ATTACHMENT_TYPE_NOT_ALLOWED', undefined, { fileName });
  if (data.length > MAX_ATTACHMENT_BYTES) throw appError('ATTACHMENT_TOO_LARGE', undefined, { fileName, size: data.length });
  if (data.length === 0) throw appError('VALIDATION_FAILED', `附件 ${fileName} 是空文件`, { fileName });
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(progressReports).where(and(eq(progressReports.id, reportId), visibleReports(actor)));
    if (!report || report.unitId !== actor.unit?.id) throw appError('REPORT_NOT_FOUND');
    if (report.state !== 'draft') throw appError('REPORT_NOT_EDITABLE', '只能向草稿报告添加附件');
    const [row] = await tx.insert(reportAttachments).values({
      createdAt: ambientNow(),
      reportId, fileName: fileName.slice(0, 200), contentType, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data,
    }).returning({ id: reportAttachments.id });
    if (!row) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'report.attach', entity: 'task', entityId: report.taskId, details: { reportId, attachmentId: row.id, fileName, size: data.length } });
    return row.id;
  });
}

/** Reads one evidence file the actor may see. */
export async function readAttachment(db: Db, actor: Actor, id: number): Promise<{ fileName: string; contentType: string; data: Buffer }> {
  const [row] = await db.select({ fileName: reportAttachments.fileName, contentType: reportAttachments.contentType, data: reportAttachments.data })
    .from(reportAttachments).innerJoin(progressReports, eq(progressReports.id, reportAttachments.reportId))
    .where(and(eq(reportAttachments.id, id), visibleReports(actor)));
  if (!row) throw appError('ATTACHMENT_NOT_FOUND');
  return row;
}
