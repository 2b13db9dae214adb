/**
 * 领导批示: leaders and offices write instructions on what they may see; a unit sees only the
 * instructions addressed to its own unit (not those to a fellow member of a collective, nor its
 * answers), and only a user of an addressed unit answers for it.
 */
import { sql, type SQL } from 'drizzle-orm';
import { instructions } from '../../db/instruction-schema.ts';
import { plans } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { appError } from '../../domain/errors.ts';
import { anyOf } from '../../db/queries/any-of.ts';

/** SQL condition on `instructions` selecting those the actor may read. */
export function visibleInstructions(actor: Actor): SQL {
  if (actor.role === 'unit') return actor.unit ? sql`${actor.unit.id} = any(${instructions.unitIds})` : sql`false`;
  if (actor.role === 'admin') return sql`false`;
  return sql`${instructions.planId} in (select ${plans.id} from ${plans} where ${anyOf(plans.regionId, actor.regionIds)})`;
}

/** Whether the actor writes instructions (leaders and offices). */
export function mayInstruct(actor: Actor): boolean {
  return actor.role === 'leader' || actor.role === 'office';
}

/** Throws FORBIDDEN unless the actor writes instructions (leaders and offices). */
export function assertMayInstruct(actor: Actor): void {
  if (!mayInstruct(actor)) throw appError('FORBIDDEN', '只有分管领导和优化办可以作出批示');
}

/** The unit the actor answers an instruction for, or null when it may not answer. */
export function answeringUnit(actor: Actor, instruction: { unitIds: number[] }): number | null {
  if (actor.role !== 'unit' || !actor.unit) return null;
  return instruction.unitIds.includes(actor.unit.id) ? actor.unit.id : null;
}

/** Whether the actor sees every answer of an instruction (else only its own unit's). */
export function seesAllAnswers(actor: Actor): boolean {
  return actor.role === 'leader' || actor.role === 'office';
}
