/** Signing in and out, the current user, and password change. */
import { z } from 'zod';
import { isAppError } from '../../domain/errors.ts';
import { loadActor, type Actor } from '../auth/actor.ts';
import { SESSION_COOKIE, deleteSession } from '../auth/sessions.ts';
import { requireActor, type App, type AppContext } from '../context.ts';
import { login } from '../use-cases/login.ts';
import { changePassword } from '../use-cases/users.ts';
import { globalPermissions } from '../policies/me.policy.ts';
import { ErrorSchema, errorResponses } from './common.schema.ts';
import { ChangePasswordBody, LoginBody, MeSchema } from './session.schema.ts';

/** Presents an actor as the `Me` resource, with what the UI may offer. */
export function presentMe(actor: Actor): z.infer<typeof MeSchema> {
  return {
    id: actor.userId, login: actor.login, displayName: actor.displayName, role: actor.role, roleName: actor.roleName,
    region: actor.region, unit: actor.unit, mustChangePassword: actor.mustChangePassword,
    permissions: globalPermissions(actor),
  };
}

export function sessionRoutes(app: App, ctx: AppContext): void {
  app.post('/api/session', {
    config: { public: true },
    schema: { tags: ['会话'], summary: '登录', body: LoginBody, response: { 200: z.object({ user: MeSchema }), 401: ErrorSchema, 403: ErrorSchema, 429: ErrorSchema, 400: ErrorSchema } },
  }, async (request, reply) => {
    const { token, expiresAt, userId } = await login(ctx.db, { ...request.body, ip: request.ip }, {
      pairFreeFailures: ctx.config.LOGIN_MAX_FAILURES, accountFreeFailures: ctx.config.LOGIN_ACCOUNT_MAX_FAILURES,
      addressFreeFailures: ctx.config.LOGIN_RATE_PER_IP, maxDelayMs: ctx.config.LOGIN_MAX_DELAY_MINUTES * 60_000,
      sessionTtlHours: ctx.config.SESSION_TTL_HOURS,
    }, ctx.now()).catch((e: unknown) => {
      const retry = isAppError(e) ? e.details?.retryAfterSeconds : undefined;
      if (typeof retry === 'number') void reply.header('retry-after', String(retry));
      throw e;
    });
    // Max-Age, not Expires: the browser's clock need not agree with the server's (the demo runs on a
    // simulated date, where an absolute expiry would already lie in the past and drop the cookie).
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true, sameSite: 'lax', secure: ctx.config.COOKIE_SECURE, path: '/', maxAge: Math.max(1, Math.round((expiresAt.getTime() - ctx.now().getTime()) / 1000)),
    });
    const actor = await loadActor(ctx.db, userId);
    if (!actor) throw new Error('user vanished during login');
    return { user: presentMe(actor) };
  });

  app.delete('/api/session', {
    config: { public: true },
    schema: { tags: ['会话'], summary: '退出登录', response: { 204: z.null() } },
  }, async (request, reply) => {
    if (request.sessionToken) await deleteSession(ctx.db, request.sessionToken);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  // The web app's probe on load: no session is an answer (200), not an error, so the login page
  // logs nothing red in the browser console. API clients keep GET /api/me and its 401.
  app.get('/api/session', {
    config: { public: true },
    schema: { tags: ['会话'], summary: '会话状态（未登录时 signedIn 为 false，不返回 401）', response: { 200: z.object({ signedIn: z.boolean(), user: MeSchema.nullable() }) } },
  }, (request) => Promise.resolve(request.actor ? { signedIn: true, user: presentMe(request.actor) } : { signedIn: false, user: null }));

  app.get('/api/me', {
    schema: { tags: ['会话'], summary: '当前用户', response: { 200: MeSchema, ...errorResponses } },
  }, (request) => Promise.resolve(presentMe(requireActor(request))));

  app.put('/api/me/password', {
    schema: { tags: ['会话'], summary: '修改密码', body: ChangePasswordBody, response: { 204: z.null(), ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await changePassword(ctx.db, actor, request.body.currentPassword, request.body.newPassword, request.sessionToken ?? undefined);
    return reply.status(204).send(null);
  });
}
