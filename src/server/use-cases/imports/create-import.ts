/** Upload: a plan document is parsed into a draft and kept for review; nothing else is written. */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { audit } from '../../../db/audit.ts';
import type { Db } from '../../../db/client.ts';
import { planImports } from '../../../db/import-schema.ts';
import { plans, regions } from '../../../db/schema.ts';
import { sniffFormat } from '../../../ingest/readers/index.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import type { FileParser } from '../../files/parse-pool.ts';
import { assertMayImport, manageablePlan } from '../../policies/import.policy.ts';
import { anyOf } from '../../../db/queries/any-of.ts';

export interface NewImport {
  bytes: Uint8Array;
  fileName: string;
  /** A plan in the office's scope that the document revises (re-import). */
  targetPlanId?: number;
}

// .doc/.wps (Word 97 binary; WPS writes .wps so) and .xls/.et (Excel 97 binary; WPS's .et).
const EXTENSIONS = new Set(['pdf', 'docx', 'xlsx', 'doc', 'wps', 'xls', 'et', 'txt', 'md']);
const LEGACY_NAMES = new Set(['doc', 'wps', 'xls', 'et']);

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Rejects what cannot be a plan document before any parsing: type by name, size by limit. */
export function assertAcceptableFile(fileName: string, size: number, maxBytes: number): void {
  const ext = extensionOf(fileName);
  if (!EXTENSIONS.has(ext)) {
    throw appError('PLAN_IMPORT_UNSUPPORTED_FORMAT', `文件“${fileName}”的类型不受支持（可导入 PDF、DOCX、DOC、WPS、XLSX、XLS、ET、TXT、MD）。`, { fileName, extension: ext });
  }
  if (size > maxBytes) {
    throw appError('PLAN_IMPORT_TOO_LARGE', `文件“${fileName}”超过 ${Math.round(maxBytes / 1024 / 1024 * 10) / 10} MB 上限，无法导入。`, { fileName, bytes: size, maxBytes });
  }
}

// The plan's region: the revised plan's, else the region the document names if the office covers
// it (the province office importing a city plan), else the office's own region.
async function importRegion(db: Db, actor: Actor, named: unknown, targetRegionId: number | undefined): Promise<number> {
  if (targetRegionId !== undefined) return targetRegionId;
  if (typeof named === 'string' && named !== '') {
    const [r] = await db.select({ id: regions.id }).from(regions).where(and(eq(regions.name, named), anyOf(regions.id, actor.regionIds)));
    if (r) return r.id;
  }
  return actor.region.id;
}

/** Parses an uploaded document and stores its draft; engine errors (PLAN_IMPORT_*) store nothing. */
export async function createImport(db: Db, actor: Actor, input: NewImport, maxBytes: number, parser: FileParser): Promise<number> {
  assertMayImport(actor);
  assertAcceptableFile(input.fileName, input.bytes.length, maxBytes);
  let targetRegionId: number | undefined;
  if (input.targetPlanId !== undefined) {
    const [target] = await db.select({ regionId: plans.regionId }).from(plans).where(manageablePlan(actor, input.targetPlanId));
    if (!target) throw appError('PLAN_NOT_FOUND', undefined, { field: 'targetPlanId' });
    targetRegionId = target.regionId;
  }
  // Parsing is CPU work outside any transaction, in a parse process with memory and time limits:
  // no connection is held and the event loop stays free while a document is read.
  const draft = await parser.parse({ kind: 'plan', bytes: input.bytes, fileName: input.fileName });
  const sniffed = sniffFormat(input.bytes, input.fileName);
  const ext = extensionOf(input.fileName);
  const legacy = (sniffed === 'doc' || sniffed === 'xls') && LEGACY_NAMES.has(ext);
  const format = sniffed === 'text' ? (ext === 'md' ? 'md' : 'txt') : legacy ? ext : sniffed;
  const regionId = await importRegion(db, actor, draft.plan.region, targetRegionId);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(planImports).values({
      regionId, createdBy: actor.userId, fileName: input.fileName, fileSize: input.bytes.length, sha256, format, draft,
      targetPlanId: input.targetPlanId ?? null,
    }).returning({ id: planImports.id });
    if (!row) throw appError('INTERNAL');
    await audit(tx, {
      actorUserId: actor.userId, action: 'plan_import.create', entity: 'plan_import', entityId: row.id,
      details: { fileName: input.fileName, sha256, format, tasks: draft.tasks.length, targetPlanId: input.targetPlanId ?? null },
    });
    return row.id;
  });
}
