/**
 * Builds the Fastify application: error catalogue, sessions, OpenAPI, the REST routes and the
 * web app's static files. It holds no state of its own, so many instances can share one database.
 */
import { withClock } from '../db/clock.ts';
import { withRequestMemo } from '../db/request-memo.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { z } from 'zod';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { WorkCalendar } from '../domain/supervision/work-calendar.ts';
import { chineseLocaleError } from '../domain/labels-validation.ts';
import type { Db } from '../db/client.ts';
import { loadSessionActor } from './auth/actor.ts';
import { SESSION_COOKIE, sessionDigest } from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { App, AppContext, DemoInfo } from './context.ts';
import { ERROR_CATALOGUE } from '../domain/error-catalogue.ts';
import { appError } from '../domain/errors.ts';
import { handleError } from './errors.ts';
import { registerNulGuard } from './nul-guard.ts';
import { QuietLogController } from './quiet-log.ts';
import { registerRequestAudit } from './request-audit.ts';
import { directoryRoutes } from './routes/directory.routes.ts';
import { importRoutes } from './routes/imports.routes.ts';
import { planRoutes } from './routes/plans.routes.ts';
import { sessionRoutes } from './routes/session.routes.ts';
import { statsRoutes } from './routes/stats.routes.ts';
import { taskRoutes } from './routes/tasks.routes.ts';
import { unitAliasRoutes } from './routes/unit-aliases.routes.ts';
import { userRoutes } from './routes/users.routes.ts';
import { reportRoutes } from './routes/reports.routes.ts';
import { supervisionRoutes } from './routes/supervision.routes.ts';
import { activityRoutes } from './routes/activity.routes.ts';
import { channelRoutes } from './routes/channels.routes.ts';
import { assessmentRoutes } from './routes/assessment.routes.ts';
import { documentRoutes } from './routes/documents.routes.ts';
import { backupRoutes } from './routes/backup.routes.ts';
import { parsePoolOf, type FileParser } from './files/parse-pool.ts';
import { diskGuardOf, registerDiskGuard, type DiskProbe } from './files/disk-space.ts';
import { csrfProtection } from './security/csrf.ts';
import { securityHeaders } from './security/headers.ts';
import { systemRoutes } from './routes/system.routes.ts';
import { adminDirectoryRoutes } from './routes/admin-directory.routes.ts';
import { planSettingsRoutes } from './routes/plan-settings.routes.ts';
import { installNodeAdapters } from '../adapters/node-adapters.ts';
import { packageRoot } from '../adapters/package-root.ts';
import { closeRenderPool, configureRenderPool } from './files/render-pool.ts';
import { workbenchRoutes } from './routes/workbench.routes.ts';
import { cockpitRoutes } from './routes/cockpit.routes.ts';
import { exportRoutes } from './routes/exports.routes.ts';
import { instructionRoutes } from './routes/instructions.routes.ts';
import { caseRoutes } from './routes/cases.routes.ts';
import { myTaskRoutes } from './routes/my-tasks.routes.ts';
import { importDraftRoutes } from './routes/import-drafts.routes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Route answers without a session (login, logout). */
    public?: boolean;
  }
}

export interface BuildOptions {
  db: Db;
  config: Config;
  now?: () => Date;
  calendar?: WorkCalendar;
  /** Directory of the built web app; defaults to web/dist. Missing → API only. */
  webRoot?: string;
  logger?: boolean;
  /** PGlite only: the data directory as a gzipped tarball, served to administrators as a backup. */
  backup?: () => Promise<Blob>;
  /** Parser of uploaded files; defaults to a pool of parse processes (closed with the app). */
  parser?: FileParser;
  /** Free-space probe of the data directory's disk; defaults to statfs (tests stub it). */
  diskProbe?: DiskProbe;
  /** The demo's simulated date, when serving the demo. */
  demo?: DemoInfo | null;
}

// Validation messages reach officials: have zod speak Chinese, in words (不能为空, 应为数字), not type names.
z.config({ localeError: chineseLocaleError });

const defaultWebRoot = join(packageRoot(), 'web/dist');

function authenticate(ctx: AppContext, app: App): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    request.sessionToken = token;
    request.actor = await loadSessionActor(ctx.db, sessionDigest(token), ctx.now());
  });
  // An initial or reset password is known to someone else: nothing but the change is allowed with it.
  app.addHook('preHandler', (request, _reply, done) => {
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    done(request.actor?.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(route) ? appError('PASSWORD_CHANGE_REQUIRED') : undefined);
  });
}

const PASSWORD_CHANGE_ROUTES = new Set(['GET /api/me', 'GET /api/session', 'PUT /api/me/password', 'DELETE /api/session', 'POST /api/session']);

/** Creates the application (not yet listening). */
export async function buildApp(options: BuildOptions): Promise<App> {
  installNodeAdapters();
  const app = Fastify({
    logger: options.logger ? { level: options.config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.body.password'] } : false,
    // Quiet by default: one request line at debug (LOG_LEVEL=debug) instead of two info lines.
    logController: new QuietLogController(),
    bodyLimit: 1_048_576,
    // X-Forwarded-For is believed only from configured proxies: trusting it from anyone would let a
    // client pick the address the login limits count against.
    trustProxy: options.config.TRUST_PROXY.length > 0 ? options.config.TRUST_PROXY : false,
    // Requests Node's HTTP parser rejects (raw non-ASCII in the URL …) still get our error shape.
    clientErrorHandler: (_err, socket) => {
      const body = JSON.stringify({ code: 'BAD_REQUEST', message: '请求格式不正确（网址中的中文等字符须经过 URL 编码）' });
      if (socket.writable) socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    },
  }).withTypeProvider<ZodTypeProvider>();
  const parser = options.parser ?? parsePoolOf(options.config);
  const ctx: AppContext = { db: options.db, config: options.config, now: options.now ?? (() => new Date()), calendar: options.calendar ?? new WorkCalendar(), parser, demo: options.demo ?? null };
  if (!options.parser) app.addHook('onClose', () => parser.close());
  configureRenderPool({ workers: options.config.RENDER_WORKERS, memoryMb: options.config.RENDER_MEMORY_MB, maxQueue: options.config.RENDER_QUEUE });
  app.addHook('onClose', () => closeRenderPool());

  // Every request runs under the injectable clock: rows stamped without an explicit time (audit,
  // inbox, evidence) carry the simulated time in tests and the demo.
  app.addHook('onRequest', (_request, _reply, done) => withClock(ctx.now, done));
  // Reads memoise reference lookups (plan schedules) for the request; writes never do.
  app.addHook('onRequest', (request, _reply, done) => (request.method === 'GET' ? withRequestMemo(ctx.db, done) : done()));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  await app.register(fastifyCookie);
  securityHeaders(app, { https: options.config.COOKIE_SECURE });
  csrfProtection(app, { allowedOrigins: options.config.ALLOWED_ORIGINS });
  // Evidence files and documents arrive as raw bytes; the route decides its own size limit.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '营商 Yingshang API', version: '1.0.0', description: '优化营商环境工作平台 REST 接口。错误统一返回 {code, message}。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas given an id (the error body) are written once under components and referred to.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerDiskGuard(app, diskGuardOf(options.config, options.diskProbe));
  authenticate(ctx, app);
  registerNulGuard(app);
  registerRequestAudit(app, ctx.db);

  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());
  sessionRoutes(app, ctx);
  planRoutes(app, ctx);
  taskRoutes(app, ctx);
  directoryRoutes(app, ctx);
  userRoutes(app, ctx);
  statsRoutes(app, ctx);
  importRoutes(app, ctx);
  unitAliasRoutes(app, ctx);
  reportRoutes(app, ctx);
  supervisionRoutes(app, ctx);
  cockpitRoutes(app, ctx);
  exportRoutes(app, ctx);
  instructionRoutes(app, ctx);
  activityRoutes(app, ctx);
  channelRoutes(app, ctx);
  assessmentRoutes(app, ctx);
  documentRoutes(app, ctx);
  backupRoutes(app, ctx, options.backup);
  systemRoutes(app, ctx);
  adminDirectoryRoutes(app, ctx);
  planSettingsRoutes(app, ctx);
  workbenchRoutes(app, ctx);
  caseRoutes(app, ctx);
  myTaskRoutes(app, ctx);
  importDraftRoutes(app, ctx);

  const webRoot = options.webRoot ?? defaultWebRoot;
  const hasWeb = existsSync(`${webRoot}/index.html`);
  // wildcard: files are looked up per request, so a rebuilt bundle is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any non-API GET gets index.html.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/assets/')) return reply.sendFile('index.html');
    return reply.status(404).send({ code: 'NOT_FOUND', message: ERROR_CATALOGUE.NOT_FOUND[1] });
  });
  return app;
}
