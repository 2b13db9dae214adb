// Acceptance: the layout corpus (__fixtures__/corpus) against its gold files, per layout family and
// per format; prints the per-family table and holds the floors reached.
import { describe, expect, it } from 'vitest';
import { parseDocument } from './index.ts';
import { formatScoreReport, scoreDraft } from './scoring/score.ts';
import { familyScores, formatFamilyTable, type DocScore } from './scoring/family.ts';
import { loadCorpus, nativeFormats, renderCorpusDoc, type CorpusDoc, type CorpusFormat } from './testing/corpus.ts';

const corpus = loadCorpus();

async function scoreOne(doc: CorpusDoc, format: CorpusFormat): Promise<DocScore> {
  const bytes = await renderCorpusDoc(doc, format);
  try {
    const draft = await parseDocument({ bytes, fileName: `${doc.id}.${format}` });
    const report = scoreDraft(JSON.parse(JSON.stringify(draft)), doc.gold);
    if (process.env.CORPUS_REPORT) console.log(formatScoreReport(`${doc.id}.${format}`, report), JSON.stringify(report.mismatches));
    return { id: doc.id, family: doc.family, format, report };
  } catch (e) {
    if (process.env.CORPUS_REPORT) console.log(`${doc.id}.${format}: refused: ${String(e)}`);
    return { id: doc.id, family: doc.family, format, report: null, error: String(e) };
  }
}

describe('layout corpus', () => {
  it('has at least 20 documents over the seven layout families', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((d) => d.family)).size).toBe(7);
  });

  it('every family parses with the right task count and units, in every native format', async () => {
    const scores: DocScore[] = [];
    for (const doc of corpus) for (const f of nativeFormats(doc)) scores.push(await scoreOne(doc, f));
    const table = familyScores(scores);
    console.log(formatFamilyTable(table, 'corpus, native formats (txt/docx/pdf, xlsx)'));
    const all = table.find((r) => r.family === 'all');
    expect(all?.countRight).toBe(all?.docs);
    for (const row of table) expect(row.accuracy, row.family).toBeGreaterThanOrEqual(FLOOR);
  }, 120_000);
});

const FLOOR = 0.95;
