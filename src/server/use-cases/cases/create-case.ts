/**
 * Registering a problem (the office) and confirming the plan tasks / indicator it concerns.
 * A problem may be registered already assigned (交办) when its 主办 unit is given.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { CaseKind, CaseSource, Severity } from '../../../domain/cases/case-model.ts';
import { chinaDate } from '../../../domain/supervision/work-calendar.ts';
import { audit } from '../../../db/audit.ts';
import { caseEvents, cases } from '../../../db/case-schema.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { plans, regions, units } from '../../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertCaseOffice, visibleCase } from '../../policies/case.policy.ts';
import { auditOnTasks, suggestCaseLinks, validateLinks, type CandidateCache } from './case-links.ts';
import { markTasksLightsStale } from '../supervision/lights.ts';
import { anyOf } from '../../../db/queries/any-of.ts';

export type CaseRow = typeof cases.$inferSelect;

export interface CaseInput {
  source: CaseSource;
  refNo?: string | null;
  kind: CaseKind;
  title: string;
  finding: string;
  place?: string;
  foundOn: string;
  enterpriseName?: string | null;
  creditCode?: string | null;
  contact?: string | null;
  category?: string;
  severity?: Severity;
  planId?: number | null;
  placeRegionId?: number | null;
  importBatch?: string | null;
}

/** The plan in the office's scope, or VALIDATION_FAILED naming the field. */
async function planInScope(tx: Tx, actor: Actor, planId: number): Promise<{ id: number; regionId: number }> {
  const [plan] = await tx.select({ id: plans.id, regionId: plans.regionId }).from(plans).where(and(eq(plans.id, planId), anyOf(plans.regionId, actor.regionIds)));
  if (!plan) throw appError('VALIDATION_FAILED', '所选方案不存在或不在本办管理范围内', { field: 'planId' });
  return plan;
}

/** Checks units are in the office's scope; returns them. */
export async function unitsInScope(tx: Tx, actor: Actor, unitIds: number[], field: string): Promise<{ id: number; name: string }[]> {
  if (!unitIds.length) return [];
  const found = await tx.select({ id: units.id, name: units.name }).from(units).where(and(inArray(units.id, unitIds), anyOf(units.regionId, actor.regionIds)));
  if (found.length !== new Set(unitIds).size) throw appError('VALIDATION_FAILED', '所选单位不存在或不在本办管理范围内', { field });
  return found;
}

/** Registers a problem in the office's region (or its plan's) with the suggested task links. */
export async function createCase(tx: Tx, actor: Actor, input: CaseInput, now: Date, cache?: CandidateCache): Promise<CaseRow> {
  assertCaseOffice(actor);
  const plan = input.planId ? await planInScope(tx, actor, input.planId) : null;
  if (input.placeRegionId) {
    const [r] = await tx.select({ id: regions.id }).from(regions).where(and(eq(regions.id, input.placeRegionId), anyOf(regions.id, actor.regionIds)));
    if (!r) throw appError('VALIDATION_FAILED', '问题所在地区不在本办管理范围内', { field: 'placeRegionId' });
  }
  if (input.foundOn > chinaDate(now)) throw appError('VALIDATION_FAILED', '发现日期不能晚于今天', { field: 'foundOn' });
  const suggestions = await suggestCaseLinks(tx, plan?.id ?? null, `${input.title} ${input.finding} ${input.category ?? ''}`, null, cache);
  const [row] = await tx.insert(cases).values({
    regionId: plan?.regionId ?? actor.region.id, placeRegionId: input.placeRegionId ?? null, planId: plan?.id ?? null,
    source: input.source, refNo: input.refNo?.trim() || null, kind: input.kind, title: input.title.trim(), finding: input.finding.trim(),
    place: input.place?.trim() ?? '', foundOn: input.foundOn, enterpriseName: input.enterpriseName?.trim() || null, creditCode: input.creditCode?.trim() || null,
    contact: input.contact?.trim() || null, category: input.category?.trim() ?? '', severity: input.severity ?? 'general', suggestions,
    importBatch: input.importBatch ?? null, createdBy: actor.userId, createdAt: now,
  }).onConflictDoNothing().returning();
  if (!row) throw appError('VALIDATION_FAILED', `来源编号“${input.refNo}”已登记过`, { field: 'refNo' });
  await tx.insert(caseEvents).values({ caseId: row.id, step: 'create', day: chinaDate(now), at: now, actorUserId: actor.userId, text: row.title });
  await audit(tx, { actorUserId: actor.userId, action: 'case.create', entity: 'case', entityId: row.id, details: { source: row.source, refNo: row.refNo } });
  return row;
}

/** Loads a visible case for update, or CASE_NOT_FOUND. */
export async function loadCase(db: Db | Tx, actor: Actor, caseId: number, forUpdate = false): Promise<CaseRow> {
  const query = db.select().from(cases).where(visibleCase(actor, caseId));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw appError('CASE_NOT_FOUND');
  return row;
}

/** The office confirms (or changes) the tasks and indicator a case concerns. */
export async function linkCase(db: Db, actor: Actor, caseId: number, input: { taskIds: number[]; indicatorId: number | null }, now: Date): Promise<CaseRow> {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor, caseId, true);
    assertCaseOffice(actor);
    const taskIds = [...new Set(input.taskIds)];
    const indicatorId = await validateLinks(tx, c.planId, taskIds, input.indicatorId);
    const [updated] = await tx.update(cases).set({ taskIds, indicatorId }).where(eq(cases.id, caseId)).returning();
    if (!updated) throw appError('INTERNAL');
    const added = taskIds.filter((id) => !c.taskIds.includes(id));
    await tx.insert(caseEvents).values({ caseId, step: 'link', day: chinaDate(now), at: now, actorUserId: actor.userId, text: '', details: { taskIds, indicatorId } });
    await audit(tx, { actorUserId: actor.userId, action: 'case.link', entity: 'case', entityId: caseId, details: { taskIds, indicatorId } });
    await auditOnTasks(tx, actor.userId, added, 'case.linked', { caseId, title: c.title, source: c.source, refNo: c.refNo });
    await markTasksLightsStale(tx, [...c.taskIds, ...taskIds]);
    return updated;
  });
}
