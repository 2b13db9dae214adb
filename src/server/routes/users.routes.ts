/** User accounts, managed by the administrator and offices within their region. */
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { regions, roles, units, users } from '../../db/schema.ts';
import { unitHeads } from '../../db/supervision-schema.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { appError } from '../../domain/errors.ts';
import { assertMayManageUsers, visibleUsers } from '../policies/user.policy.ts';
import { resetUserPassword, setUserDisabled, unlockUser, updateUser } from '../use-cases/user-admin.ts';
import { importUsers, renderUserTemplate } from '../use-cases/user-import.ts';
import { createUser } from '../use-cases/users.ts';
import { ErrorSchema, IdParams, errorResponses } from './common.schema.ts';

const RoleKey = z.enum(['admin', 'office', 'leader', 'unit']);
const Id = z.number().int().positive().max(2_147_483_647);

const UserSchema = z.object({
  id: z.number(),
  login: z.string(),
  displayName: z.string(),
  role: z.string(),
  roleName: z.string(),
  region: z.object({ id: z.number(), name: z.string() }),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  unitHead: z.boolean().describe('单位负责人'),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});

const NewUserBody = z.object({
  login: z.string().trim().min(3).max(64).regex(/^[A-Za-z0-9._-]+$/, '登录名只能包含字母、数字和 . _ -'),
  password: z.string().min(1).max(256),
  displayName: z.string().trim().min(1).max(100),
  role: RoleKey,
  regionId: Id,
  unitId: Id.nullish(),
  mustChangePassword: z.boolean().optional().describe('首次登录须修改密码'),
});

const UpdateUserBody = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  role: RoleKey.optional(),
  regionId: Id.optional(),
  unitId: Id.nullable().optional(),
  unitHead: z.boolean().optional(),
});

const ResetBody = z.object({ password: z.string().min(1).max(256).optional().describe('不填则生成随机密码') });

async function listUsers(ctx: AppContext, where: ReturnType<typeof visibleUsers>) {
  const rows = await ctx.db
    .select({
      id: users.id, login: users.login, displayName: users.displayName, role: users.role, roleName: roles.name,
      regionId: regions.id, regionName: regions.name, unitId: units.id, unitName: units.name, lockedUntil: users.lockedUntil, createdAt: users.createdAt,
      disabledAt: users.disabledAt, mustChangePassword: users.mustChangePassword,
      unitHead: sql<boolean>`exists (select 1 from ${unitHeads} where ${unitHeads.userId} = ${users.id})`.mapWith(Boolean),
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
    unitHead: r.unitHead, lockedUntil: r.lockedUntil ? r.lockedUntil.toISOString() : null, disabled: r.disabledAt !== null,
    mustChangePassword: r.mustChangePassword, createdAt: r.createdAt.toISOString(),
  }));
}

async function oneUser(ctx: AppContext, id: number) {
  const [user] = await listUsers(ctx, eq(users.id, id));
  if (!user) throw appError('INTERNAL');
  return user;
}

export function userRoutes(app: App, ctx: AppContext): void {
  app.get('/api/users', {
    schema: { tags: ['用户'], summary: '用户列表（管理员、优化办）', response: { 200: z.object({ items: z.array(UserSchema) }), ...errorResponses } },
  }, async (request) => {
    const actor = requireActor(request);
    assertMayManageUsers(actor);
    return { items: await listUsers(ctx, visibleUsers(actor)) };
  });

  app.post('/api/users', {
    schema: { tags: ['用户'], summary: '新建用户（管理员、优化办）', body: NewUserBody, response: { 201: UserSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const id = await createUser(ctx.db, actor, request.body);
    return reply.status(201).send(await oneUser(ctx, id));
  });

  app.get('/api/users/import-template.xlsx', {
    schema: { tags: ['用户'], summary: '下载批量导入用户模板（XLSX）' },
  }, async (request, reply) => {
    assertMayManageUsers(requireActor(request));
    const bytes = await renderUserTemplate();
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="users.xlsx"; filename*=UTF-8''${encodeURIComponent('批量导入用户模板.xlsx')}`).send(Buffer.from(bytes));
  });

  app.post('/api/users/import', {
    schema: {
      tags: ['用户'], summary: '批量导入用户（请求体为 XLSX 文件内容，application/octet-stream；全部正确才写入，错误逐行列出）',
      response: {
        200: z.object({ created: z.array(z.object({ login: z.string(), displayName: z.string(), role: z.string(), temporaryPassword: z.string().nullable().describe('自动生成的初始密码，仅此一次显示') })) }),
        413: ErrorSchema, 415: ErrorSchema, ...errorResponses,
      },
    },
    bodyLimit: 5 * 1024 * 1024,
  }, async (request) => {
    const actor = requireActor(request);
    if (!Buffer.isBuffer(request.body)) throw appError('UNSUPPORTED_MEDIA_TYPE', '请以 application/octet-stream 上传 XLSX 文件内容');
    return { created: await importUsers(ctx.db, actor, request.body) };
  });

  app.patch('/api/users/:id', {
    schema: { tags: ['用户'], summary: '修改用户：姓名、角色、区域、单位、单位负责人', params: IdParams, body: UpdateUserBody, response: { 200: UserSchema, 409: ErrorSchema, ...errorResponses } },
  }, async (request) => {
    await updateUser(ctx.db, requireActor(request), request.params.id, request.body);
    return oneUser(ctx, request.params.id);
  });

  for (const [path, disabled, summary] of [['disable', true, '停用用户（结束其全部会话）'], ['enable', false, '启用用户']] as const) {
    app.post(`/api/users/:id/${path}`, {
      schema: { tags: ['用户'], summary, params: IdParams, response: { 200: UserSchema, 409: ErrorSchema, ...errorResponses } },
    }, async (request) => {
      await setUserDisabled(ctx.db, requireActor(request), request.params.id, disabled, ctx.now());
      return oneUser(ctx, request.params.id);
    });
  }

  app.post('/api/users/:id/reset-password', {
    schema: {
      tags: ['用户'], summary: '重置密码（下次登录须修改，结束其全部会话）', params: IdParams, body: ResetBody.optional(),
      response: { 200: z.object({ user: UserSchema, temporaryPassword: z.string().describe('临时密码，仅此一次显示') }), ...errorResponses },
    },
  }, async (request) => {
    const temporaryPassword = await resetUserPassword(ctx.db, requireActor(request), request.params.id, request.body?.password, ctx.now());
    return { user: await oneUser(ctx, request.params.id), temporaryPassword };
  });

  app.post('/api/users/:id/unlock', {
    schema: { tags: ['用户'], summary: '解除登录锁定', params: IdParams, response: { 200: UserSchema, ...errorResponses } },
  }, async (request) => {
    await unlockUser(ctx.db, requireActor(request), request.params.id);
    return oneUser(ctx, request.params.id);
  });
}
