import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { documents } from '../../db/document-schema.ts';
import { plans } from '../../db/schema.ts';
import { inspectDocx } from '../../reports/__fixtures__/docx-inspect.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

interface Doc { id: number; status: string; number: string | null }

describe.each(databaseKinds())('issuing documents at once on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  let planId: number;
  const send = (method: 'POST' | 'GET', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie } });

  beforeAll(async () => {
    process.env.SOFFICE_PATH = 'off';
    t = await demoApp(kind);
    t.clock.now = new Date('2023-07-06T09:00:00+08:00');
    cookie = await signIn(t.app, 'office-shaoyang');
    planId = (await t.database.db.select().from(plans).where(eq(plans.year, 2023)))[0]!.id;
  });
  afterAll(async () => {
    delete process.env.SOFFICE_PATH;
    await t.close();
  });

  it('renders before it numbers: three drafts issued together get consecutive numbers, each printed in its own DOCX', async () => {
    const drafts: Doc[] = [];
    for (let i = 0; i < 3; i++) drafts.push((await send('POST', `/api/plans/${planId}/documents`, { kind: 'monthly-notice', period: '2023-06' })).json<Doc>());
    const issued = await Promise.all(drafts.map((d) => send('POST', `/api/documents/${d.id}/issue`)));
    expect(issued.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const numbers = issued.map((r) => r.json<Doc>().number ?? '');
    expect([...numbers].sort()).toEqual(['邵优化通〔2023〕1号', '邵优化通〔2023〕2号', '邵优化通〔2023〕3号']);
    for (const d of drafts) {
      const [row] = await t.database.db.select({ number: documents.number, docx: documents.docx }).from(documents).where(eq(documents.id, d.id));
      const text = (await inspectDocx(row!.docx!)).paragraphs.map((p) => p.text).join('\n');
      expect(text).toContain(row!.number!);
      for (const other of numbers.filter((n) => n !== row!.number)) expect(text).not.toContain(other);
    }
  });
});
