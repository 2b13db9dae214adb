/**
 * Security headers on every response. The Content-Security-Policy allows scripts only from this
 * origin: an injected `<img onerror=…>` or `<script>` in data that slipped past escaping does not run.
 * Styles may be inline (antd writes its CSS-in-JS into <style> elements; the document preview and
 * the Swagger UI at /api/docs use style attributes), which cannot run script.
 */
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds the headers; HSTS only when the deployment says it is behind HTTPS (COOKIE_SECURE). */
export function securityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (options.https) reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // API answers carry one office's data (and evidence files, documents): never keep them in a
    // shared or browser cache. The web app's own files may be cached.
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}
