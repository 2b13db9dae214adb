/**
 * Who may import plans: offices only, within their region subtree. Imports of another office do
 * not exist for the caller (404); a leader or unit user asking to import is refused (403).
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { planImports } from '../../db/import-schema.ts';
import { plans } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';
import { anyOf } from '../../db/queries/any-of.ts';

/** Whether the actor may upload, review and commit plan documents at all. */
export function mayImport(actor: Actor): boolean {
  return actor.role === 'office';
}

/** Throws FORBIDDEN unless the actor may import plans. */
export function assertMayImport(actor: Actor): void {
  if (!mayImport(actor)) throw appError('FORBIDDEN');
}

/** SQL condition on `plan_imports` selecting the imports the actor may see and change. */
export function visibleImports(actor: Actor): SQL {
  if (!mayImport(actor)) return sql`false`;
  return anyOf(planImports.regionId, actor.regionIds);
}

/** SQL condition for one plan the actor may change through an import (re-import target). */
export function manageablePlan(actor: Actor, planId: number): SQL {
  if (!mayImport(actor)) return sql`false`;
  return and(eq(plans.id, planId), anyOf(plans.regionId, actor.regionIds)) ?? sql`false`;
}

/** Throws REGION_NOT_FOUND unless a plan may be created in the region. */
export function assertMayImportInto(actor: Actor, regionId: number): void {
  assertMayImport(actor);
  if (!actor.regionIds.includes(regionId)) throw appError('REGION_NOT_FOUND', undefined, { field: 'regionId' });
}

/** Throws unless the actor may add aliases to a unit of the given region (office of that subtree). */
export function assertMayEditUnit(actor: Actor, unit: { regionId: number } | undefined): void {
  assertMayImport(actor);
  if (!unit || !actor.regionIds.includes(unit.regionId)) throw appError('UNIT_NOT_FOUND');
}
