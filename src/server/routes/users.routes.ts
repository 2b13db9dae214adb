/** User accounts, managed by offices within their region. */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { regions, roles, units, users } from '../../db/schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../errors.ts';
import { assertMayManageUsers, visibleUsers } from '../policies/user.policy.ts';
import { createUser } from '../use-cases/users.ts';
import { ErrorSchema, errorResponses } from './common.schema.ts';

const UserSchema = z.object({
  id: z.number(),
  login: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleName: z.string(),
  region: z.object({ id: z.number(), name: z.string() }),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});

const NewUserBody = z.object({
  login: z.string().trim().min(3).max(64).regex(/^[A-Za-z0-9._-]+$/, '登录名只能包含字母、数字和 . _ -'),
  password: z.string().min(1).max(256),
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(['office', 'leader', 'unit']),
  regionId: z.number().int().positive().max(2_147_483_647),
  unitId: z.number().int().positive().max(2_147_483_647).nullish(),
});

async function listUsers(ctx: AppContext, where: ReturnType<typeof visibleUsers>) {
  const rows = await ctx.db
    .select({
      id: users.id, login: users.login, displayName: users.displayName, role: users.role, roleName: roles.name,
      regionId: regions.id, regionName: regions.name, unitId: units.id, unitName: units.name, lockedUntil: users.lockedUntil, createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(roles, eq(roles.key, users.role))
    .innerJoin(regions, eq(regions.id, users.regionId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(where)
    .orderBy(asc(users.id));
  return rows.map((r) => ({
    id: r.id, login: r.login, displayName: r.displayName, role: r.role, roleName: r.roleName,
    region: { id: r.regionId, name: r.regionName }, unit: r.unitId === null ? null : { id: r.unitId, name: r.unitName ?? '' },
    lockedUntil: r.lockedUntil ? r.lockedUntil.toISOString() : null, createdAt: r.createdAt.toISOString(),
  }));
}

export function userRoutes(app: App, ctx: AppContext): void {
  app.get('/api/users', {
    schema: { tags: ['用户'], summary: '用户列表（优化办）', response: { 200: z.object({ items: z.array(UserSchema) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    assertMayManageUsers(actor);
    return { items: await listUsers(ctx, visibleUsers(actor)) };
  });

  app.post('/api/users', {
    schema: { tags: ['用户'], summary: '新建用户（优化办）', body: NewUserBody, response: { 201: UserSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const id = await createUser(ctx.db, actor, request.body);
    const [created] = await listUsers(ctx, eq(users.id, id));
    if (!created) throw appError('INTERNAL');
    return reply.status(201).send(created);
  });
}
