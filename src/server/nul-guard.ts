/**
 * One guard at the edge against NUL characters. PostgreSQL text cannot hold U+0000, so a NUL that
 * reached a query failed as a 500 that logged the SQL; any string from a JSON body, query string or
 * path parameter now gets a 400 naming where it was, before validation and before any query.
 */
import type { FastifyRequest } from 'fastify';
import { appError } from '../domain/errors.ts';
import type { App } from './context.ts';

const MAX_DEPTH = 64;

/** Path (body.items[2].name) of the first string or key holding a NUL, or null. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  // Raw uploads (evidence files, documents) are bytes, not text: they may hold anything.
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('\u0000')) return `${path}.${key.replaceAll('\u0000', '\\u0000')}`;
    const hit = findNul(v, `${path}.${key}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

function check(request: FastifyRequest): void {
  const where = findNul(request.params, 'params') ?? findNul(request.query, 'query') ?? findNul(request.body, 'body');
  if (where) throw appError('NUL_CHARACTER', `请求中 ${where} 含有不允许的空字符（U+0000），请删除后重试`, { where });
}

/** Registers the guard for every route (before validation, so schemas and queries never see a NUL). */
export function registerNulGuard(app: App): void {
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      check(request);
      done();
    } catch (e) {
      done(e as Error);
    }
  });
}
