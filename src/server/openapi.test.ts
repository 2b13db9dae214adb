import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, type TestApp } from './testing/test-app.ts';

// The OpenAPI document is generated from the route schemas and committed (docs/openapi.json), so a
// change to the API shows in review. Regenerate with UPDATE_OPENAPI=1 npx vitest run src/server/openapi.test.ts
const committed = new URL('../../docs/openapi.json', import.meta.url);

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => { t = await demoApp('pglite'); });
  afterAll(async () => { await t.close(); });

  it('is served, lists every route with its errors, and matches the committed copy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>();
    for (const path of ['/api/session', '/api/me', '/api/plans', '/api/plans/{id}', '/api/plans/{id}/tasks', '/api/tasks/{id}', '/api/units', '/api/regions', '/api/users']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/plans/{id}']?.get?.responses ?? {})).toContain('404');
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI) writeFileSync(committed, text);
    expect(text).toBe(readFileSync(committed, 'utf8'));
  });

  it('has a browsable page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});
