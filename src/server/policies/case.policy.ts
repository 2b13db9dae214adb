/**
 * Who may see and act on problems (cases). The office manages the cases of its region subtree;
 * leaders read them; a unit user sees only the cases assigned to its own unit as 主办 or 协办
 * (not a fellow member's of a collective), from 交办 on. Anything else does not exist (404).
 * The enterprise's contact details are the office's alone.
 */
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import { cases } from '../../db/case-schema.ts';
import type { Actor } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';
import { anyOf } from '../../db/queries/any-of.ts';

/** SQL condition on `cases` selecting those the actor may see. */
export function visibleCases(actor: Actor): SQL {
  if (actor.role === 'unit') {
    if (!actor.unit) return sql`false`;
    const mine = sql`(${cases.leadUnitId} = ${actor.unit.id} or ${actor.unit.id} = any(${cases.coUnitIds}))`;
    return and(mine, ne(cases.state, 'registered')) ?? sql`false`;
  }
  if (actor.role === 'admin') return sql`false`;
  return anyOf(cases.regionId, actor.regionIds);
}

/** Condition for one case within the actor's scope. */
export function visibleCase(actor: Actor, caseId: number): SQL {
  return and(eq(cases.id, caseId), visibleCases(actor)) ?? sql`false`;
}

/** Whether the actor registers, assigns, reviews and closes cases (offices). */
export function mayManageCases(actor: Actor): boolean {
  return actor.role === 'office';
}

/** The office of the case's region (or above) manages it. */
export function assertCaseOffice(actor: Actor): void {
  if (!mayManageCases(actor)) throw appError('FORBIDDEN', '只有优化办可以执行该操作');
}

/** The 主办 unit's users sign, reply and ask for extensions; 协办 units add progress notes. */
export function caseUnitRole(actor: Actor, c: { leadUnitId: number | null; coUnitIds: number[] }): 'lead' | 'co' | null {
  if (actor.role !== 'unit' || !actor.unit) return null;
  if (c.leadUnitId === actor.unit.id) return 'lead';
  return c.coUnitIds.includes(actor.unit.id) ? 'co' : null;
}

/** Whether the actor may see the enterprise's contact details. */
export function maySeeContact(actor: Actor): boolean {
  return mayManageCases(actor);
}
