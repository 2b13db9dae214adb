/**
 * Evidence files of a problem: the office attaches the finding's (photos, the 督查 record) while
 * the case is open; the 主办 and 协办 units attach their 整改/答复 evidence while they handle it.
 * The same limits as report evidence (types, 20 MB, empty files, the unit's and the platform's
 * quota — counting report and case evidence together) and the same store (disk on PGlite, the
 * database on PostgreSQL). Whoever may see the case may download its files; others get 404.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { ambientNow } from '../../../db/clock.ts';
import { audit } from '../../../db/audit.ts';
import { caseFiles } from '../../../db/case-schema.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { units, users } from '../../../db/schema.ts';
import { appError } from '../../../domain/errors.ts';
import type { Actor } from '../../auth/actor.ts';
import type { EvidenceFiles } from '../../files/file-store.ts';
import { caseUnitRole, mayManageCases } from '../../policies/case.policy.ts';
import { assertEvidenceQuota, evidenceType } from '../supervision/attachments.ts';
import { loadCase, type CaseRow } from './create-case.ts';

export interface CaseFileView { id: number; fileName: string; contentType: string; size: number; unitName: string | null; uploaderName: string | null; createdAt: string }

/** Whether the actor may attach to the case now: the office until 销号, its units while handling it. */
function assertMayAttach(actor: Actor, c: CaseRow): void {
  if (mayManageCases(actor)) {
    if (c.state === 'closed') throw appError('CASE_STATE_INVALID', '问题已销号，不能再上传材料');
    return;
  }
  if (!caseUnitRole(actor, c)) throw appError('FORBIDDEN', '只有主办或协办单位可以上传整改/答复材料');
  if (c.state !== 'handling') throw appError('CASE_STATE_INVALID', '请在签收后、答复前上传整改/答复材料');
}

/** Stores one evidence file on a case the actor may attach to; returns its id. */
export async function addCaseFile(db: Db, actor: Actor, caseId: number, fileName: string, data: Buffer, files: EvidenceFiles): Promise<number> {
  const contentType = evidenceType(fileName, data);
  assertMayAttach(actor, await loadCase(db, actor, caseId));
  await assertEvidenceQuota(db, actor.unit?.id ?? null, data.length, files);
  const sha256 = createHash('sha256').update(data).digest('hex');
  // Written before the row, outside any transaction: a crash leaves at most an unreferenced file.
  const storagePath = files.store ? await files.store.put(data, sha256) : null;
  return db.transaction(async (tx) => {
    // Checked again under the row lock: the case may have moved on meanwhile (replied, closed).
    assertMayAttach(actor, await loadCase(tx, actor, caseId, true));
    const [row] = await tx.insert(caseFiles).values({
      caseId, unitId: actor.unit?.id ?? null, fileName: fileName.slice(0, 200), contentType, size: data.length, sha256,
      data: storagePath ? null : data, storagePath, createdBy: actor.userId, createdAt: ambientNow(),
    }).returning({ id: caseFiles.id });
    if (!row) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: 'case.attach', entity: 'case', entityId: caseId, details: { fileId: row.id, fileName, size: data.length } });
    return row.id;
  });
}

/** The files of a case (the caller checked it is visible), oldest first. */
export async function caseFileViews(db: Db | Tx, caseId: number): Promise<CaseFileView[]> {
  const rows = await db.select({
    id: caseFiles.id, fileName: caseFiles.fileName, contentType: caseFiles.contentType, size: caseFiles.size, unitName: units.name, uploaderName: users.displayName, createdAt: caseFiles.createdAt,
  }).from(caseFiles).leftJoin(units, eq(units.id, caseFiles.unitId)).leftJoin(users, eq(users.id, caseFiles.createdBy))
    .where(eq(caseFiles.caseId, caseId)).orderBy(asc(caseFiles.createdAt), asc(caseFiles.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** One file of a case the actor may see (404 for a case or file outside its scope). */
export async function readCaseFile(db: Db, actor: Actor, caseId: number, fileId: number, files: EvidenceFiles): Promise<{ fileName: string; contentType: string; data: Buffer }> {
  await loadCase(db, actor, caseId);
  const [row] = await db.select({ fileName: caseFiles.fileName, contentType: caseFiles.contentType, data: caseFiles.data, storagePath: caseFiles.storagePath })
    .from(caseFiles).where(and(eq(caseFiles.id, fileId), eq(caseFiles.caseId, caseId)));
  if (!row) throw appError('ATTACHMENT_NOT_FOUND');
  if (row.data) return { fileName: row.fileName, contentType: row.contentType, data: row.data };
  if (!row.storagePath || !files.store) throw appError('ATTACHMENT_NOT_FOUND', '附件文件不在本服务器的文件目录中，请联系管理员', { fileId });
  const data = await files.store.read(row.storagePath).catch(() => {
    throw appError('ATTACHMENT_NOT_FOUND', '附件文件已丢失，请联系管理员', { fileId });
  });
  return { fileName: row.fileName, contentType: row.contentType, data };
}
