// Legacy formats (.doc, .wps, .xls, .et): every corpus document, and seed 000's table, parses the
// same from the legacy file as from its DOCX/XLSX, and scores against its gold file.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, type PlanDraft } from './index.ts';
import { scoreDraft } from './scoring/score.ts';
import { familyScores, formatFamilyTable, type DocScore } from './scoring/family.ts';
import { docxToDoc, hasSoffice, loadCorpus, renderCorpusDoc, textDocx } from './testing/corpus.ts';
import { loadGold, renderModel } from './testing/gold-render-model.ts';
import { renderDocx } from './testing/render-docx.ts';
import { isAppError } from '../domain/errors.ts';

const corpus = loadCorpus();
const soffice = hasSoffice();
// CI installs LibreOffice and sets REQUIRE_SOFFICE: there a missing soffice is a failure, not a skip.
if (!soffice && process.env.REQUIRE_SOFFICE === 'true') throw new Error('REQUIRE_SOFFICE is set but soffice is not installed');
if (!soffice) console.warn('LibreOffice (soffice) is not installed: the .doc/.wps tests are skipped (CI installs it).');

const parse = (bytes: Uint8Array, fileName: string): Promise<PlanDraft> => parseDocument({ bytes, fileName });
const plain = (d: PlanDraft): unknown => JSON.parse(JSON.stringify(d.tasks));

describe.skipIf(!soffice)('.doc and .wps (LibreOffice)', () => {
  const docx = new Map<string, Uint8Array>();
  let doc = new Map<string, Uint8Array>();
  beforeAll(async () => {
    for (const d of corpus) if (d.text !== undefined) docx.set(d.id, await textDocx(d.text));
    docx.set('seed000', await renderDocx(renderModel('000'), { autoNumber: false }));
    doc = docxToDoc(docx);
  }, 600_000);

  // A .wps is the same Word 97 file under WPS's name (routing is by content), so one document per
  // family is read as .wps too; each read costs a LibreOffice start.
  it('every document parses the same from .doc (and .wps) as from .docx', async () => {
    const scores: DocScore[] = [];
    const wpsFamilies = new Set<string>();
    for (const d of corpus.filter((x) => x.text !== undefined)) {
      const fromDocx = await parse(docx.get(d.id) as Uint8Array, `${d.id}.docx`);
      const exts = wpsFamilies.has(d.family) ? ['doc'] : ['doc', 'wps'];
      wpsFamilies.add(d.family);
      for (const ext of exts) {
        const draft = await parse(doc.get(d.id) as Uint8Array, `${d.id}.${ext}`);
        expect(plain(draft), `${d.id}.${ext}`).toEqual(plain(fromDocx));
        scores.push({ id: d.id, family: d.family, format: ext, report: scoreDraft(JSON.parse(JSON.stringify(draft)), d.gold) });
      }
    }
    const table = familyScores(scores);
    console.log(formatFamilyTable(table, 'corpus, .doc and .wps'));
    expect(table.find((r) => r.family === 'all')?.countRight).toBe(scores.length);
  }, 300_000);

  it('seed 000 keeps its table through .doc (every gold task, ≥ 97% field accuracy)', async () => {
    const draft = await parse(doc.get('seed000') as Uint8Array, '邵阳市责任分工表.doc');
    const report = scoreDraft(JSON.parse(JSON.stringify(draft)), loadGold('000'));
    const goldTasks = (loadGold('000').tasks as unknown[]).length;
    expect(report.taskCount).toEqual({ draft: goldTasks, gold: goldTasks });
    expect(report.overallAccuracy).toBeGreaterThanOrEqual(0.97);
  }, 120_000);
});

describe('.xls and .et (SheetJS)', () => {
  it('every sheet document parses the same from .xls and .et as from .xlsx', async () => {
    const sheets = corpus.filter((d) => d.sheet);
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    for (const d of sheets) {
      const fromXlsx = await parse(await renderCorpusDoc(d, 'xlsx'), `${d.id}.xlsx`);
      for (const ext of ['xls', 'et'] as const) {
        const draft = await parse(await renderCorpusDoc(d, ext), `${d.id}.${ext}`);
        expect(plain(draft), `${d.id}.${ext}`).toEqual(plain(fromXlsx));
        expect(draft.plan.title).toBe(fromXlsx.plan.title);
        const report = scoreDraft(JSON.parse(JSON.stringify(draft)), d.gold);
        expect(report.taskCount.draft).toBe(report.taskCount.gold);
        expect(report.overallAccuracy).toBe(1);
      }
    }
  }, 60_000);
});

describe('a damaged .xls', () => {
  it('is refused as damaged, naming the file (SheetJS runs in its own thread)', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from('Workbook', 'utf16le'), 0xff, 0x00, 0x13]);
    const err: unknown = await parse(bytes, '统计.xls').catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('PLAN_IMPORT_CORRUPT');
    expect(String((err as Error).message)).toContain('“统计.xls”');
  });
});

describe('without LibreOffice', () => {
  it('a .doc is refused with a clear message naming the file', async () => {
    const before = process.env.SOFFICE_PATH;
    process.env.SOFFICE_PATH = 'off';
    try {
      // An OLE header and a WordDocument stream name are all the sniffer needs to route to the reader.
      const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from('WordDocument', 'utf16le')]);
      const err: unknown = await parse(bytes, '方案.doc').catch((e: unknown) => e);
      expect(isAppError(err) && err.code).toBe('PLAN_IMPORT_LEGACY_UNSUPPORTED');
      expect(String((err as Error).message)).toContain('“方案.doc”');
    } finally {
      if (before === undefined) delete process.env.SOFFICE_PATH;
      else process.env.SOFFICE_PATH = before;
    }
  });
});
