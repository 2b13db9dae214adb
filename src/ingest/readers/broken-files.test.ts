/**
 * Broken-file fixtures (fixtures/ingest/broken, made by scripts/make-broken-fixtures.mjs): each
 * reader must refuse them with the exact stable code, and the pipeline with a coded AppError.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../domain/errors.ts';
import * as ingest from '../index.ts';
import { readDocx } from './docx.reader.ts';
import { readPdf } from './pdf.reader.ts';
import { readXlsx } from './xlsx.reader.ts';

const DIR = fileURLToPath(new URL('../../../fixtures/ingest/broken/', import.meta.url));
const load = (name: string): Uint8Array => new Uint8Array(readFileSync(DIR + name));
const READERS = { pdf: readPdf, docx: readDocx, xlsx: readXlsx };

const CASES: [string, keyof typeof READERS, string][] = [
  ['empty.pdf', 'pdf', 'PLAN_IMPORT_EMPTY'],
  ['empty.docx', 'docx', 'PLAN_IMPORT_EMPTY'],
  ['empty.xlsx', 'xlsx', 'PLAN_IMPORT_EMPTY'],
  ['random.pdf', 'pdf', 'PLAN_IMPORT_CORRUPT'],
  ['random.docx', 'docx', 'PLAN_IMPORT_CORRUPT'],
  ['random.xlsx', 'xlsx', 'PLAN_IMPORT_CORRUPT'],
  ['truncated.docx', 'docx', 'PLAN_IMPORT_CORRUPT'],
  ['no-document-xml.docx', 'docx', 'PLAN_IMPORT_CORRUPT'],
  ['scanned.pdf', 'pdf', 'PLAN_IMPORT_OCR_UNSUPPORTED'],
  ['encrypted.docx', 'docx', 'PLAN_IMPORT_ENCRYPTED'],
  ['encrypted.xlsx', 'xlsx', 'PLAN_IMPORT_ENCRYPTED'],
];

const PIPELINE_CODE: Record<string, string> = {
  'random.pdf': 'PLAN_IMPORT_UNREADABLE', 'random.docx': 'PLAN_IMPORT_UNREADABLE', 'random.xlsx': 'PLAN_IMPORT_UNREADABLE',
  'no-document-xml.docx': 'PLAN_IMPORT_UNREADABLE',
};

describe('broken files', () => {
  it.each(CASES)('%s → %s reader throws %s naming the file', async (name, format, code) => {
    const err: unknown = await READERS[format](load(name), name).then(() => undefined, (e: unknown) => e);
    expect(isAppError(err)).toBe(true);
    expect(err).toMatchObject({ code });
    expect((err as Error).message).toContain(name);
  });

  it('a PDF with a truncated tail still opens or fails as corrupt', async () => {
    const pdf = load('scanned.pdf');
    const err: unknown = await readPdf(pdf.slice(0, 300), 'cut.pdf').then(() => undefined, (e: unknown) => e);
    expect(err).toMatchObject({ code: expect.stringMatching(/^PLAN_IMPORT_(CORRUPT|OCR_UNSUPPORTED)$/) as unknown });
  });

  it('a spreadsheet without a recognisable header reads, but is not a plan', async () => {
    const doc = await readXlsx(load('no-header.xlsx'), 'no-header.xlsx');
    expect(doc.blocks).toHaveLength(1);
    await expect(ingest.parseDocument({ bytes: load('no-header.xlsx'), fileName: 'no-header.xlsx' })).rejects.toMatchObject({ code: 'PLAN_IMPORT_NO_LAYOUT' });
  });

  it.each(CASES)('%s → the pipeline throws a coded error (reader: %s)', async (name, _format, code) => {
    const err: unknown = await ingest.parseDocument({ bytes: load(name), fileName: name }).then(() => undefined, (e: unknown) => e);
    expect(isAppError(err)).toBe(true);
    // The pipeline never trusts the extension: bytes that are no known format at all are
    // "unreadable" rather than a corrupt file of the kind the name claims.
    expect(err).toMatchObject({ code: PIPELINE_CODE[name] ?? code });
  });
});
