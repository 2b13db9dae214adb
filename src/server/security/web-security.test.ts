/**
 * Attacks from a browser on another site (or another port of the same host) and the headers that
 * stop injected script: each case here was possible before the CSRF check and the headers existed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { documents } from '../../db/document-schema.ts';
import { plans } from '../../db/schema.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

describe.each(databaseKinds())('browser-facing security on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  let planId: number;
  beforeAll(async () => {
    process.env.SOFFICE_PATH = 'off';
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000', COOKIE_SECURE: 'true' });
    cookie = await signIn(t.app, 'office-shaoyang');
    planId = (await t.database.db.select().from(plans).where(eq(plans.year, 2023)))[0]!.id;
  });
  afterAll(async () => {
    delete process.env.SOFFICE_PATH;
    await t.close();
  });

  const newDraft = async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/plans/${planId}/documents`, payload: { kind: 'monthly-notice', period: '2023-06' }, headers: { cookie, host: 'gov.example:3000', origin: 'http://gov.example:3000', 'sec-fetch-site': 'same-origin' } });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: number }>().id;
  };
  const statusOf = async (id: number) => (await t.database.db.select().from(documents).where(eq(documents.id, id)))[0]!.status;

  it('refuses a body-less POST from a page on another port of the same host (a 公文 stays unissued)', async () => {
    const id = await newDraft();
    const res = await t.app.inject({ method: 'POST', url: `/api/documents/${id}/issue`, headers: { cookie, host: 'gov.example:3000', origin: 'http://gov.example:8080', 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ code: string; message: string }>()).toMatchObject({ code: 'CROSS_SITE_REFUSED' });
    expect(res.json<{ message: string }>().message).toMatch(/其他网站/);
    expect(await statusOf(id)).toBe('draft');
  });

  it('refuses cross-site requests by Sec-Fetch-Site or an opaque Origin, and login CSRF', async () => {
    const id = await newDraft();
    const bySite = await t.app.inject({ method: 'POST', url: `/api/documents/${id}/issue`, headers: { cookie, host: 'gov.example:3000', 'sec-fetch-site': 'cross-site' } });
    expect(bySite.statusCode).toBe(403);
    const opaque = await t.app.inject({ method: 'DELETE', url: `/api/documents/${id}`, headers: { cookie, host: 'gov.example:3000', origin: 'null' } });
    expect(opaque.statusCode).toBe(403);
    expect(await statusOf(id)).toBe('draft');
    const login = await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: 'office-shaoyang', password: 'Yingshang@2026' }, headers: { host: 'gov.example:3000', origin: 'https://evil.example' } });
    expect(login.statusCode).toBe(403);
  });

  it('accepts the same origin and non-browser clients', async () => {
    const id = await newDraft();
    const res = await t.app.inject({ method: 'POST', url: `/api/documents/${id}/issue`, headers: { cookie, host: 'gov.example:3000', origin: 'http://gov.example:3000', 'sec-fetch-site': 'same-origin' } });
    expect(res.statusCode).toBe(200);
    expect(await statusOf(id)).toBe('issued');
    const other = await newDraft();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/documents/${other}`, headers: { cookie } })).statusCode).toBe(204);
  });

  it('parses no text/plain bodies (a cross-site form cannot post one), even empty ones', async () => {
    const id = await newDraft();
    const plain = await t.app.inject({ method: 'POST', url: `/api/documents/${id}/issue`, headers: { cookie, 'content-type': 'text/plain' }, payload: '' });
    expect(plain.statusCode).toBe(415);
    const form = await t.app.inject({ method: 'PUT', url: '/api/me/password', headers: { cookie, 'content-type': 'text/plain' }, payload: '{"currentPassword":"Yingshang@2026","newPassword":"Hijacked@2026x"}' });
    expect(form.statusCode).toBe(415);
    expect(await statusOf(id)).toBe('draft');
  });

  it('sends CSP without inline script, frame-ancestors none, nosniff, Referrer-Policy, HSTS and no-store on data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['cache-control']).toBe('no-store');
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { cookie } });
    expect(missing.headers['content-security-policy']).toBe(csp);
    const denied = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(denied.headers['x-content-type-options']).toBe('nosniff');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.headers['content-security-policy']).toBe(csp);
    expect(docs.body).not.toMatch(/<script>(?!\s*<\/script>)[^<]/);
  });
});
