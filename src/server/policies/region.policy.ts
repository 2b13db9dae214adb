/** Everyone sees the regions of their own subtree (a unit user: its region and below). */
import { type SQL } from 'drizzle-orm';
import { regions } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import { anyOf } from '../../db/queries/any-of.ts';

/** SQL condition on `regions` selecting the regions the actor may see. */
export function visibleRegions(actor: Actor): SQL {
  return anyOf(regions.id, actor.regionIds);
}
