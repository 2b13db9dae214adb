/** 系统管理 of the directory (administrator): regions and units — add, rename, aliases, members, merge. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { regions, unitMemberships, units } from '../../db/schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { createRegion, createUnit, renameRegion, updateUnit } from '../use-cases/directory-admin.ts';
import { mergeUnits } from '../use-cases/unit-merge.ts';
import { ErrorSchema, IdParams, errorResponses } from './common.schema.ts';

const Id = z.number().int().positive().max(2_147_483_647);
const Name = z.string().trim().min(1).max(100);
const Level = z.enum(['province', 'city', 'county', 'district', 'park']);
const Kind = z.enum(['department', 'government', 'utility', 'court', 'bank', 'collective', 'other']);

const RegionOut = z.object({ id: z.number(), name: z.string(), level: Level, parentId: z.number().nullable() });
const UnitOut = z.object({ id: z.number(), name: z.string(), regionId: z.number(), kind: Kind, aliases: z.array(z.string()), memberIds: z.array(z.number()) });

async function regionOut(ctx: AppContext, id: number) {
  const [r] = await ctx.db.select({ id: regions.id, name: regions.name, level: regions.level, parentId: regions.parentId }).from(regions).where(eq(regions.id, id));
  if (!r) throw appError('REGION_NOT_FOUND');
  return r;
}

async function unitOut(ctx: AppContext, id: number) {
  const [u] = await ctx.db.select({ id: units.id, name: units.name, regionId: units.regionId, kind: units.kind, aliases: units.aliases }).from(units).where(eq(units.id, id));
  if (!u) throw appError('UNIT_NOT_FOUND');
  const members = await ctx.db.select({ id: unitMemberships.memberId }).from(unitMemberships).where(eq(unitMemberships.collectiveId, id));
  return { ...u, memberIds: members.map((m) => m.id).sort((a, b) => a - b) };
}

export function adminDirectoryRoutes(app: App, ctx: AppContext): void {
  const tags = ['系统管理'];
  app.post('/api/regions', {
    schema: { tags, summary: '新增区域（管理员）', body: z.object({ name: Name, level: Level, parentId: Id }), response: { 201: RegionOut, 409: ErrorSchema, ...errorResponses } },
  }, async (request, reply) => {
    const id = await createRegion(ctx.db, requireActor(request), request.body);
    return reply.status(201).send(await regionOut(ctx, id));
  });

  app.patch('/api/regions/:id', {
    schema: { tags, summary: '区域改名（管理员）', params: IdParams, body: z.object({ name: Name }), response: { 200: RegionOut, 409: ErrorSchema, ...errorResponses } },
  }, async (request) => {
    await renameRegion(ctx.db, requireActor(request), request.params.id, request.body.name);
    return regionOut(ctx, request.params.id);
  });

  app.post('/api/units', {
    schema: {
      tags, summary: '新增单位（管理员）', body: z.object({ name: Name, regionId: Id, kind: Kind.optional(), aliases: z.array(Name).max(50).optional() }),
      response: { 201: UnitOut, 409: ErrorSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    const id = await createUnit(ctx.db, requireActor(request), request.body);
    return reply.status(201).send(await unitOut(ctx, id));
  });

  app.patch('/api/units/:id', {
    schema: {
      tags, summary: '修改单位：改名（原名保留为简称）、类型、简称、集合单位的成员（管理员）', params: IdParams,
      body: z.object({ name: Name.optional(), kind: Kind.optional(), aliases: z.array(Name).max(50).optional(), memberIds: z.array(Id).max(500).optional() }),
      response: { 200: UnitOut, 409: ErrorSchema, ...errorResponses },
    },
  }, async (request) => {
    await updateUnit(ctx.db, requireActor(request), request.params.id, request.body);
    return unitOut(ctx, request.params.id);
  });

  app.post('/api/units/:id/merge', {
    schema: {
      tags, summary: '合并单位：把另一单位的任务、报告、简称、用户等全部并入本单位，并删除该单位（管理员）', params: IdParams,
      body: z.object({ mergedUnitId: Id }),
      response: {
        200: z.object({ unit: UnitOut, mergedName: z.string(), moved: z.record(z.string(), z.number()), foldedLinks: z.array(z.object({ taskId: z.number(), role: z.string(), writtenName: z.string() })) }),
        ...errorResponses,
      },
    },
  }, async (request) => {
    const result = await mergeUnits(ctx.db, requireActor(request), request.params.id, request.body.mergedUnitId);
    return { unit: await unitOut(ctx, request.params.id), mergedName: result.mergedName, moved: result.moved, foldedLinks: result.foldedLinks };
  });
}
