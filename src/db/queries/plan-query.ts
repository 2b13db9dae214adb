/** Reading plans: summaries with counts, and one plan with its indicator tree. */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { indicators, plans, regions, tasks } from '../schema.ts';

export interface PlanSummary {
  id: number;
  title: string;
  issuer: string | null;
  docNumber: string | null;
  issuedOn: string | null;
  year: number;
  layout: 'table' | 'prose';
  region: { id: number; name: string; level: string };
  indicatorCount: number;
  taskCount: number;
}

export interface IndicatorNode {
  id: number;
  seq: number;
  kind: 'indicator' | 'section';
  name: string;
  scope: string | null;
  leader: string | null;
  annualTarget: string | null;
  leadUnits: string[];
  aliases: string[];
  taskCount: number;
  subIndicators: { code: string | null; name: string; taskCount: number }[];
}

/**
 * Summaries of the plans matching `visible`. `taskScope` limits the counted tasks (a unit user
 * counts only its own tasks).
 */
export async function listPlans(db: Db, visible: SQL, taskScope: SQL): Promise<PlanSummary[]> {
  const rows = await db
    .select({
      id: plans.id, title: plans.title, issuer: plans.issuer, docNumber: plans.docNumber, issuedOn: plans.issuedOn,
      year: plans.year, layout: plans.layout, regionId: regions.id, regionName: regions.name, regionLevel: regions.level,
      indicatorCount: sql<number>`(select count(*) from ${indicators} where ${indicators.planId} = ${plans.id})`.mapWith(Number),
      taskCount: sql<number>`(select count(*) from ${tasks} where ${tasks.planId} = ${plans.id} and ${taskScope})`.mapWith(Number),
    })
    .from(plans)
    .innerJoin(regions, eq(regions.id, plans.regionId))
    .where(visible)
    .orderBy(desc(plans.year), asc(plans.id));
  return rows.map(({ regionId, regionName, regionLevel, ...p }) => ({ ...p, region: { id: regionId, name: regionName, level: regionLevel } }));
}

/** The indicator tree of a plan: indicators with their sub-indicators and task counts. */
export async function indicatorTree(db: Db, planId: number, taskScope: SQL): Promise<IndicatorNode[]> {
  const inds = await db.select().from(indicators).where(eq(indicators.planId, planId)).orderBy(asc(indicators.seq));
  const groups = await db
    .select({ indicatorId: tasks.indicatorId, code: tasks.subIndicatorCode, name: tasks.subIndicator, n: count(), firstSeq: sql<number>`min(${tasks.seq})`.mapWith(Number) })
    .from(tasks)
    .where(and(eq(tasks.planId, planId), taskScope))
    .groupBy(tasks.indicatorId, tasks.subIndicatorCode, tasks.subIndicator)
    .orderBy(sql`min(${tasks.seq})`);
  return inds.map((i) => {
    const mine = groups.filter((g) => g.indicatorId === i.id);
    return {
      id: i.id, seq: i.seq, kind: i.kind, name: i.name, scope: i.scope, leader: i.leader, annualTarget: i.annualTarget,
      leadUnits: i.leadUnits, aliases: i.aliases,
      taskCount: mine.reduce((s, g) => s + g.n, 0),
      subIndicators: mine.filter((g) => g.name !== null).map((g) => ({ code: g.code, name: g.name as string, taskCount: g.n })),
    };
  });
}
