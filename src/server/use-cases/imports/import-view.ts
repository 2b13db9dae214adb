/**
 * What the review screen receives for an import: the draft, its warnings, each written unit name
 * with the unit it matches, and for a re-import the diff against the stored plan (computed now,
 * so it reflects reports and edits made since the upload).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { regionCatalogue } from '../../../db/plans/write-plan.ts';
import { regions } from '../../../db/schema.ts';
import { isAppError } from '../../../domain/errors.ts';
import type { ChangedTask, DiffTask, StoredDiffTask } from '../../../domain/plan-diff.ts';
import type { Actor } from '../../auth/actor.ts';
import { compareWithPlan, reportCounts } from './compare-with-plan.ts';
import { draftWarnings, findImport, matchWrittenUnits, validateDraft, writtenUnitNames, type ImportWarning, type ValidDraft } from './import-draft.ts';

export interface ImportView {
  id: number;
  status: 'draft' | 'committed' | 'discarded';
  fileName: string;
  fileSize: number;
  sha256: string;
  format: string;
  createdAt: string;
  region: { id: number; name: string };
  planId: number | null;
  targetPlanId: number | null;
  draft: unknown;
  warnings: ImportWarning[];
  unitMatches: { name: string; unit: { id: number; name: string } | null }[];
  /** Why the draft cannot be committed yet (e.g. no title was found), or null. */
  problem: { code: string; message: string; path: string | null } | null;
  diff?: { added: DiffTask[]; changed: ChangedTask[]; removed: (StoredDiffTask & { reportCount: number })[]; unchanged: number };
}

/** The review view of one import in the actor's scope (IMPORT_NOT_FOUND otherwise). */
export async function importView(db: Db, actor: Actor, importId: number): Promise<ImportView> {
  const row = await findImport(db, actor, importId);
  const [region] = await db.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.id, row.regionId));
  // An engine draft may lack what a plan needs (a title, a year): the review screen shows why.
  let valid: ValidDraft | null = null;
  let problem: ImportView['problem'] = null;
  try {
    valid = validateDraft(row.draft);
  } catch (e) {
    if (!isAppError(e)) throw e;
    problem = { code: e.code, message: e.message, path: typeof e.details?.path === 'string' ? e.details.path : null };
  }
  const view: ImportView = {
    id: row.id, status: row.status, fileName: row.fileName, fileSize: row.fileSize, sha256: row.sha256, format: row.format,
    createdAt: row.createdAt.toISOString(), region: region ?? { id: row.regionId, name: '' }, planId: row.planId, targetPlanId: row.targetPlanId,
    draft: row.draft, warnings: draftWarnings(row.draft), unitMatches: matchWrittenUnits(writtenUnitNames(row.draft), await regionCatalogue(db, row.regionId)),
    problem,
  };
  if (valid && row.targetPlanId !== null && row.status === 'draft') {
    const { diff } = await compareWithPlan(db, row.targetPlanId, valid.plan);
    const counts = await reportCounts(db, diff.removed.map((r) => r.id));
    view.diff = { ...diff, removed: diff.removed.map((r) => ({ ...r, reportCount: counts.get(r.id) ?? 0 })) };
  }
  return view;
}
