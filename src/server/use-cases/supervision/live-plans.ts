/**
 * Live plans: a plan is supervised from its start through its year and the reporting days right
 * after it (to 31 January of the next year). The daily job (lights, reminders) touches only these,
 * so its time does not grow with the plans of earlier years.
 */
import { and, gte, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { plans } from '../../../db/schema.ts';

/** Whether a plan of `year` is supervised on `today` (YYYY-MM-DD). */
export function isLivePlanYear(year: number, today: string): boolean {
  return today >= `${year}-01-01` && today <= `${year + 1}-01-31`;
}

/** The live plans on `today` (read by plan year through an index-free small table). */
export async function livePlans(db: Db, today: string): Promise<{ id: number; title: string; regionId: number; year: number }[]> {
  const year = Number(today.slice(0, 4));
  const rows = await db.select({ id: plans.id, title: plans.title, regionId: plans.regionId, year: plans.year }).from(plans)
    .where(and(gte(plans.year, year - 1), lte(plans.year, year)));
  return rows.filter((p) => isLivePlanYear(p.year, today));
}
