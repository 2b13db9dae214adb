/** The directory: units and regions in the caller's scope. */
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { regions, taskUnits, units } from '../../db/schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { visibleRegions } from '../policies/region.policy.ts';
import { visibleTasks } from '../policies/task.policy.ts';
import { visibleUnits } from '../policies/unit.policy.ts';
import { tasks } from '../../db/schema.ts';
import { errorResponses } from './common.schema.ts';

const UnitSchema = z.object({
  id: z.number(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(['department', 'government', 'utility', 'court', 'bank', 'collective', 'other']),
  region: z.object({ id: z.number(), name: z.string() }),
  leadTaskCount: z.number(),
  responsibleTaskCount: z.number(),
});

const UnitQuery = z.object({
  q: z.string().trim().max(100).optional(),
  region: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

const RegionSchema = z.object({
  id: z.number(), name: z.string(), level: z.enum(['province', 'city', 'county', 'district', 'park']), parentId: z.number().nullable(),
});

function countLinks(role: 'lead' | 'responsible', taskScope: ReturnType<typeof visibleTasks>) {
  return sql<number>`(select count(distinct ${taskUnits.taskId}) from ${taskUnits} join ${tasks} on ${tasks.id} = ${taskUnits.taskId}
    where ${taskUnits.unitId} = ${units.id} and ${taskUnits.role} = ${role} and ${taskScope})`.mapWith(Number);
}

export function directoryRoutes(app: App, ctx: AppContext): void {
  app.get('/api/units', {
    schema: { tags: ['单位'], summary: '单位列表', querystring: UnitQuery, response: { 200: z.object({ items: z.array(UnitSchema) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const { q, region } = request.query;
    const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
    const taskScope = visibleTasks(actor);
    const rows = await ctx.db
      .select({
        id: units.id, name: units.name, aliases: units.aliases, kind: units.kind, regionId: regions.id, regionName: regions.name,
        leadTaskCount: countLinks('lead', taskScope), responsibleTaskCount: countLinks('responsible', taskScope),
      })
      .from(units)
      .innerJoin(regions, eq(regions.id, units.regionId))
      .where(and(visibleUnits(actor), region ? eq(units.regionId, region) : undefined,
        pattern ? or(ilike(units.name, pattern), sql`exists (select 1 from unnest(${units.aliases}) a where a ilike ${pattern})`) : undefined))
      .orderBy(asc(regions.id), asc(units.name));
    return { items: rows.map(({ regionId, regionName, ...u }) => ({ ...u, region: { id: regionId, name: regionName } })) };
  });

  app.get('/api/regions', {
    schema: { tags: ['区域'], summary: '区域列表', response: { 200: z.object({ items: z.array(RegionSchema) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    const items = await ctx.db.select({ id: regions.id, name: regions.name, level: regions.level, parentId: regions.parentId })
      .from(regions).where(visibleRegions(actor)).orderBy(asc(regions.id));
    return { items };
  });
}
