/**
 * Fuzz: seeded, deterministic mutations (bit flips, truncations, splices, overwrites) of the seed
 * texts and of small generated DOCX/XLSX/PDF files, fed to every binary reader and to the whole
 * pipeline. Each call must return a document or throw an AppError with a code — never another
 * exception type, never hang. A failure prints fast-check's seed and path to replay it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode } from '../domain/error-catalogue.ts';
import { isAppError } from '../domain/errors.ts';
import * as ingest from './index.ts';
import { readDocx } from './readers/docx.reader.ts';
import { readPdf } from './readers/pdf.reader.ts';
import { readXlsx } from './readers/xlsx.reader.ts';
import type { RenderDoc } from './testing/gold-render-model.ts';
import { renderDocx } from './testing/render-docx.ts';
import { renderPdf } from './testing/render-pdf.ts';
import { renderXlsx } from './testing/render-xlsx.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Longer than any honest parse of these small files; a call still running is a hang. */
const HANG_MS = 15_000;

const TINY: RenderDoc = {
  title: '永州市优化营商环境实施方案',
  preamble: ['永政办函〔2022〕18号'],
  table: {
    header: ['序号', '一级指标', '重点工作任务', '完成时限', '牵头单位', '责任单位'],
    rows: [
      ['1', '开办企业', '1.压缩至 1 个工作日，税务 Ukey 免费', '2022年7月', '市市场监管局', '市税务局、市人社局等市直相关单位'],
      ['', '', '2.推行“证照分离”改革', '2022年9月', '', ''],
    ],
    merges: [{ col: 0, from: 0, to: 1 }, { col: 1, from: 0, to: 1 }, { col: 4, from: 0, to: 1 }, { col: 5, from: 0, to: 1 }],
    widths: [3, 6, 30, 6, 7, 18],
  },
};

type Target = (bytes: Uint8Array, fileName: string) => Promise<unknown>;
const TARGETS: [string, Target][] = [
  // A short deadline: a damaged font can keep pdfjs busy for long; the reader must cut it off.
  ['readPdf', (bytes, fileName) => readPdf(bytes, fileName, { timeoutMs: 1500 })],
  ['readDocx', readDocx],
  ['readXlsx', readXlsx],
  ['parseDocument', (bytes, fileName) => (typeof ingest.parseDocument === 'function' ? ingest.parseDocument({ bytes, fileName }) : Promise.resolve(null))],
];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), other: fc.nat(), from: fc.nat(), len: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(seed: Uint8Array, m: Mutation, seeds: Uint8Array[]): Uint8Array {
  const n = Math.max(seed.length, 1);
  const out = seed.slice();
  if (m.kind === 'flip') {
    // Flip bits across the file; flips near a zip's central directory or a PDF's xref matter most.
    for (let k = 0; k < m.count; k++) {
      const i = (m.at + k * 7919) % n;
      if (i < out.length) out[i] = (out[i] ?? 0) ^ (1 << m.bit);
    }
    return out;
  }
  if (m.kind === 'truncate') return seed.slice(0, m.at % n);
  if (m.kind === 'overwrite') {
    out.set(m.bytes.slice(0, Math.max(0, out.length - (m.at % n))), m.at % n);
    return out;
  }
  const other = seeds[m.other % seeds.length] ?? seed;
  const from = m.from % Math.max(other.length, 1);
  const at = m.at % n;
  return Uint8Array.from([...seed.slice(0, at), ...other.slice(from, from + m.len), ...seed.slice(at)]);
}

const EXT_TARGET: Record<string, number> = { pdf: 0, docx: 1, xlsx: 2 };

/** Mostly the matching reader (deep paths); one in ten a random target (sniffing paths). */
function pickTarget(ext: string, ti: number): [string, Target] {
  const own = EXT_TARGET[ext];
  const i = own === undefined || ti % 10 === 0 ? Math.floor(ti / 10) % TARGETS.length : own;
  return TARGETS[i] ?? (TARGETS[0] as [string, Target]);
}

async function settle(target: Target, bytes: Uint8Array, fileName: string): Promise<{ ok: boolean; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`HANG ${fileName}`)), HANG_MS); });
  try {
    await Promise.race([target(bytes, fileName), hang]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzzing the readers', () => {
  const seeds: { bytes: Uint8Array; ext: string }[] = [];
  beforeAll(async () => {
    const dir = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
    for (const f of readdirSync(dir).sort()) seeds.push({ bytes: new Uint8Array(readFileSync(dir + f)).slice(0, 6000), ext: 'txt' });
    seeds.push({ bytes: await renderDocx(TINY), ext: 'docx' }, { bytes: await renderXlsx(TINY), ext: 'xlsx' }, { bytes: await renderPdf(TINY, { runningTitle: false }), ext: 'pdf' });
  });

  it(`${RUNS} mutated inputs: a document or a coded AppError, never anything else`, async () => {
    const seedBytes = (): Uint8Array[] => seeds.map((s) => s.bytes);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), mutation, async (si, ti, m) => {
        const seed = seeds[si % seeds.length] ?? { bytes: new Uint8Array(), ext: 'txt' };
        const [name, target] = pickTarget(seed.ext, ti);
        const bytes = mutate(seed.bytes, m, seedBytes());
        const t0 = Date.now();
        const r = await settle(target, bytes, `fuzz.${seed.ext}`);
        if (process.env.FUZZ_SLOW && Date.now() - t0 > 500) console.log('slow', name, seed.ext, m.kind, Date.now() - t0);
        if (!r.ok && !(isAppError(r.error) && isErrorCode(r.error.code))) {
          throw new Error(`${name} threw a non-AppError: ${r.error instanceof Error ? `${r.error.name}: ${r.error.message}` : String(r.error)}`);
        }
      }),
      { seed: 20240501, numRuns: RUNS, endOnFailure: true },
    );
    expect(seeds.length).toBeGreaterThan(5);
  }, 300_000);
});
