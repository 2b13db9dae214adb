/**
 * Per-family accuracy of the layout corpus (src/ingest/__fixtures__/corpus, issue 18): every
 * document in each of its formats (txt/docx/pdf or xlsx/xls/et; .doc/.wps too with `--legacy`
 * when LibreOffice is installed) against its gold file. Prints one table per format group.
 * Run: node --import tsx bench/ingest-corpus.bench.ts [--legacy]
 */
import { parseDocument } from '../src/ingest/index.ts';
import { familyScores, formatFamilyTable, type DocScore } from '../src/ingest/scoring/family.ts';
import { scoreDraft } from '../src/ingest/scoring/score.ts';
import { docxToDoc, hasSoffice, loadCorpus, renderCorpusDoc, textDocx, type CorpusDoc, type CorpusFormat } from '../src/ingest/testing/corpus.ts';

const corpus = loadCorpus();

async function score(doc: CorpusDoc, format: string, bytes: Uint8Array): Promise<DocScore> {
  try {
    const draft = await parseDocument({ bytes, fileName: `${doc.id}.${format}` });
    return { id: doc.id, family: doc.family, format, report: scoreDraft(JSON.parse(JSON.stringify(draft)), doc.gold) };
  } catch (e) {
    return { id: doc.id, family: doc.family, format, report: null, error: String(e) };
  }
}

const all: DocScore[] = [];
for (const group of [['txt', 'xlsx'], ['docx', 'xls'], ['pdf', 'et']] as CorpusFormat[][]) {
  const scores: DocScore[] = [];
  for (const doc of corpus) {
    const format = doc.sheet ? group[1] : group[0];
    if (format) scores.push(await score(doc, format, await renderCorpusDoc(doc, format)));
  }
  console.log(`${formatFamilyTable(familyScores(scores), `formats ${group.join(' / ')}`)}\n`);
  all.push(...scores);
}
if (process.argv.includes('--legacy') && hasSoffice()) {
  const prose = corpus.filter((d) => d.text !== undefined);
  const docx = new Map<string, Uint8Array>();
  for (const d of prose) docx.set(d.id, await textDocx(d.text ?? ''));
  const doc = docxToDoc(docx);
  const scores: DocScore[] = [];
  for (const d of prose) scores.push(await score(d, 'doc', doc.get(d.id) as Uint8Array));
  console.log(`${formatFamilyTable(familyScores(scores), 'format doc (LibreOffice)')}\n`);
  all.push(...scores);
}
console.log(formatFamilyTable(familyScores(all), `all formats (${all.length} parses of ${corpus.length} documents)`));
for (const s of all.filter((x) => !x.report || x.report.taskCount.draft !== x.report.taskCount.gold)) {
  console.log(`  wrong: ${s.id}.${s.format} ${s.report ? `${s.report.taskCount.draft}/${s.report.taskCount.gold} tasks` : s.error ?? ''}`);
}
