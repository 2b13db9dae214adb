// Legacy Office files (.doc/.wps/.xls/.et) import through the product like their OOXML successors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToDoc, hasSoffice, loadCorpus, renderCorpusDoc, textDocx } from '../../ingest/testing/corpus.ts';
import { upload } from '../testing/imports.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

interface View { status: string; format: string; draft: { plan: { title: string | null }; tasks: { seq: number; lead_units: string[] }[] } }

const corpus = loadCorpus();
const sheet = corpus.find((d) => d.sheet);
const prose = corpus.find((d) => d.id.startsWith('07-'));

describe.each(databaseKinds())('legacy-format import on %s', (kind) => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await demoApp(kind);
    office = await signIn(t.app, 'office-shaoyang');
  });
  afterAll(async () => { await t.close(); });

  it('imports an .xls and an .et sheet with its section rows', async () => {
    if (!sheet) throw new Error('corpus has no sheet document');
    for (const ext of ['xls', 'et'] as const) {
      const res = await upload(t.app, office, `${sheet.id}.${ext}`, Buffer.from(await renderCorpusDoc(sheet, ext)));
      expect(res.status).toBe(201);
      const view = res.json<View>();
      expect(view).toMatchObject({ status: 'draft', format: ext });
      expect(view.draft.tasks.map((x) => x.seq)).toEqual((sheet.gold.tasks as { seq: number }[]).map((x) => x.seq));
    }
  });

  // Skipped only on a developer machine without LibreOffice; CI (REQUIRE_SOFFICE=true) must run it.
  if (!hasSoffice() && process.env.REQUIRE_SOFFICE === 'true') throw new Error('REQUIRE_SOFFICE is set but soffice is not installed');
  it.skipIf(!hasSoffice())('imports a .doc and a .wps document (LibreOffice)', async () => {
    if (!prose?.text) throw new Error('corpus document 07 missing');
    const doc = docxToDoc(new Map([['p', await textDocx(prose.text)]])).get('p') as Uint8Array;
    for (const ext of ['doc', 'wps']) {
      const res = await upload(t.app, office, `方案.${ext}`, Buffer.from(doc));
      expect(res.status).toBe(201);
      const view = res.json<View>();
      expect(view.format).toBe(ext);
      expect(view.draft.tasks.map((x) => x.lead_units)).toEqual((prose.gold.tasks as { lead_units: string[] }[]).map((x) => x.lead_units));
    }
  }, 120_000);
});
