/**
 * Cross-site request forgery: a page elsewhere — even on another port of the same host — must not
 * make a signed-in browser change anything. Every state-changing API request that a browser sent
 * must come from this origin: the browser's Sec-Fetch-Site says so, or its Origin names this host.
 * Requests without either header are not from a browser page (curl, scripts, tests) and carry no
 * ambient cookie risk beyond what their sender already holds.
 *
 * Bodies: only JSON, raw bytes (application/octet-stream, files) are parsed; the text/plain parser
 * is removed so a cross-site <form enctype="text/plain"> cannot reach a route even without Origin.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appError } from '../../domain/errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The host (and port) the request was addressed to, as a browser would write it in Origin. */
function requestHost(request: FastifyRequest): string | null {
  const host = request.host;
  if (!host) return null;
  try {
    return new URL(`http://${host}`).host;
  } catch {
    return null;
  }
}

function originHost(origin: string): string | null {
  if (origin === 'null') return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Why the request is refused, or null when it is same-origin or not from a browser page. */
export function crossSiteReason(request: FastifyRequest, allowedOrigins: readonly string[]): string | null {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (allowedOrigins.includes(origin)) return null;
    const from = originHost(origin);
    if (from === null || from !== requestHost(request)) return `来源 ${origin.slice(0, 100)} 不是本站`;
    return null;
  }
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `跨站请求（${String(site).slice(0, 20)}）`;
  return null;
}

export function csrfProtection(app: FastifyInstance, options: { allowedOrigins: readonly string[] }): void {
  app.removeContentTypeParser(['text/plain']);
  app.addHook('onRequest', (request, _reply, done) => {
    const reason = STATE_CHANGING.has(request.method) && request.url.startsWith('/api/') ? crossSiteReason(request, options.allowedOrigins) : null;
    done(reason ? appError('CROSS_SITE_REFUSED', `已拒绝来自其他网站的请求：${reason}。请在本平台页面中操作。`) : undefined);
  });
}
