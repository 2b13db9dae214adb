/**
 * Audit rows written at the edge, for what no use case records: requests refused with 401/403
 * (who tried what, from where) and file downloads (evidence, documents, exports — who took which
 * file). Written in onSend, before the bytes leave, so a download is never served unrecorded.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { audit } from '../db/audit.ts';
import type { App } from './context.ts';

/** What a download route hands out, by route pattern; other file routes count as `file`. */
const DOWNLOAD_ENTITIES: Array<[RegExp, string, string]> = [
  [/^\/api\/attachments\/:id$/, 'attachment', 'attachment.download'],
  [/^\/api\/documents\/:id\/(docx|pdf)$/, 'document', 'document.download'],
  [/^\/api\/plans\/:id\/exports\//, 'plan', 'export.download'],
  [/^\/api\/plans\/:id\//, 'plan', 'plan.export'],
  [/^\/api\/audit\.xlsx$/, 'audit_log', 'export.download'],
  [/^\/api\/assessment-rounds\/:id\//, 'assessment_round', 'assessment_round.export'],
  // Recorded by the route itself before the dump is taken.
  [/^\/api\/admin\/backup$/, 'database', ''],
];

// Probes that are not attempts: the web app asks "am I signed in?" on every visit, and failed
// sign-ins are already recorded (and throttled) in login_attempts.
const NOT_AUDITED = new Set(['GET /api/me', 'POST /api/session', 'DELETE /api/session']);

// Anonymous refusals cost an attacker nothing: record at most this many per address per minute
// (per process) so the audit log cannot be flooded.
const ANONYMOUS_PER_MINUTE = 30;
const anonymousCounts = new Map<string, { minute: number; n: number }>();

function anonymousAllowed(ip: string, now: number): boolean {
  const minute = Math.floor(now / 60_000);
  const entry = anonymousCounts.get(ip);
  if (!entry || entry.minute !== minute) {
    if (anonymousCounts.size > 10_000) anonymousCounts.clear();
    anonymousCounts.set(ip, { minute, n: 1 });
    return true;
  }
  entry.n += 1;
  return entry.n <= ANONYMOUS_PER_MINUTE;
}

function idParam(request: FastifyRequest): string | null {
  const id = (request.params as Record<string, unknown> | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

async function auditDenied(db: Db, request: FastifyRequest, reply: FastifyReply, code: string | undefined): Promise<void> {
  const route = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
  if (NOT_AUDITED.has(`${request.method} ${route}`)) return;
  if (!request.actor && !anonymousAllowed(request.ip, Date.now())) return;
  await db.transaction((tx) => audit(tx, {
    actorUserId: request.actor?.userId ?? null, action: 'request.denied', entity: 'request', entityId: idParam(request),
    details: { method: request.method, route, path: request.url.slice(0, 300), status: reply.statusCode, code: code ?? null, ip: request.ip },
  }));
}

async function auditDownload(db: Db, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const route = request.routeOptions.url ?? '';
  const [, entity, action] = DOWNLOAD_ENTITIES.find(([re]) => re.test(route)) ?? [null, 'file', 'file.download'];
  if (!action) return;
  const disposition = String(reply.getHeader('content-disposition') ?? '');
  const fileName = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  await db.transaction((tx) => audit(tx, {
    actorUserId: request.actor?.userId ?? null, action, entity, entityId: idParam(request),
    // The query names the filters an export was drawn with.
    details: { route, fileName: fileName ? decodeURIComponent(fileName) : null, query: request.url.split('?')[1]?.slice(0, 300) ?? null, ip: request.ip },
  }));
}

function errorCode(payload: unknown): string | undefined {
  if (typeof payload !== 'string') return undefined;
  return /"code":"([A-Z_]+)"/.exec(payload.slice(0, 200))?.[1];
}

/** Registers the hook that audits refusals and downloads. */
export function registerRequestAudit(app: App, db: Db): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/')) return payload;
    const status = reply.statusCode;
    if (status === 401 || status === 403) await auditDenied(db, request, reply, errorCode(payload));
    else if (status === 200 && String(reply.getHeader('content-disposition') ?? '').startsWith('attachment')) await auditDownload(db, request, reply);
    return payload;
  });
}
