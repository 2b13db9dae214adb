/** Who may see units: offices and leaders the units of their region subtree; a unit user its own. */
import { inArray, type SQL } from 'drizzle-orm';
import { units } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { anyOf } from '../../db/queries/any-of.ts';

/** SQL condition on `units` selecting the units the actor may see. */
export function visibleUnits(actor: Actor): SQL {
  if (actor.role === 'unit') return inArray(units.id, actor.unitIds.length ? actor.unitIds : [-1]);
  return anyOf(units.regionId, actor.regionIds);
}
