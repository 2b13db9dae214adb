// The one draft schema is exactly the engine's output: every seed and corpus draft parses to
// itself (a key the schema does not know would be stripped, a wrong type rejected).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './index.ts';
import { EditablePlanDraftSchema, PlanDraftSchema } from './plan-draft.schema.ts';
import { loadCorpus, renderCorpusDoc } from './testing/corpus.ts';

const seeds = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');

describe('PlanDraftSchema', () => {
  it('describes every draft the engine makes (seeds 000–002 and the corpus)', async () => {
    const drafts: unknown[] = [];
    for (const f of readdirSync(seeds).filter((x) => /^00[012]_/.test(x))) {
      drafts.push(await parseDocument({ bytes: new Uint8Array(readFileSync(join(seeds, f))), fileName: f }));
    }
    for (const d of loadCorpus()) {
      const format = d.sheet ? 'xlsx' : 'txt';
      drafts.push(await parseDocument({ bytes: await renderCorpusDoc(d, format), fileName: `${d.id}.${format}` }));
    }
    for (const draft of drafts) {
      const plain: unknown = JSON.parse(JSON.stringify(draft));
      expect(PlanDraftSchema.parse(plain)).toEqual(plain);
    }
  });

  it('rejects a draft whose task lacks its text', () => {
    const bad = { plan: { title: 'x', issuer: null, doc_number: null, issued_on: null, region: null, year: null, responsible_units_note: null }, tasks: [{ seq: 1 }], warnings: [] };
    expect(PlanDraftSchema.safeParse(bad).success).toBe(false);
  });
});

describe('EditablePlanDraftSchema (the draft under review)', () => {
  it('accepts blank fields and keeps keys an office added, but needs each task\'s seq and text', () => {
    const edited = { plan: { title: null, note_by_office: '待核' }, tasks: [{ seq: 1, text: '推行企业开办一日办结', lead_units: null, deadline: undefined, extra: 1 }] };
    expect(EditablePlanDraftSchema.parse(edited)).toEqual(edited);
    expect(EditablePlanDraftSchema.safeParse({ plan: {}, tasks: [{ seq: 1 }] }).success).toBe(false);
    expect(EditablePlanDraftSchema.safeParse({ tasks: [] }).success).toBe(false);
  });
});
