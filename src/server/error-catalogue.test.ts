// Every error code thrown anywhere in src is in the catalogue, and each kind reaches the client
// with the right HTTP status (a server fault such as a missing font is never a 400).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, errorKind, isErrorCode } from '../domain/error-catalogue.ts';
import { EVALUATION_ERRORS } from '../evaluation/errors.ts';
import { READER_ERROR_CODES } from '../ingest/readers/reader-guards.ts';
import { httpStatusOf } from './errors.ts';

const SRC = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(p);
    return /\.(ts|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Codes written as literals where errors are made or sent: AppError, appError, `{ code: '…' }`, `code === '…'`. */
const CODE_SITES = [
  /new AppError\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /appError\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /appError\(\s*[^,()]+\?\s*'([A-Z][A-Z0-9_]+)'\s*:\s*'([A-Z][A-Z0-9_]+)'/g,
  /\bcode: '([A-Z][A-Z0-9_]+)'/g,
  /\.code === '([A-Z][A-Z0-9_]+)'/g,
];

/** Node's (ENOENT, ERR_…) and Fastify's (FST_ERR_…) own codes, compared but never thrown by us. */
const FOREIGN_CODE = /^(E[A-Z]+|ERR_[A-Z0-9_]+|FST_[A-Z0-9_]+)$/;

function thrownCodes(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (code: string, where: string) => {
    if (!FOREIGN_CODE.test(code)) found.set(code, [...(found.get(code) ?? []), where]);
  };
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const re of CODE_SITES) {
      for (const m of text.matchAll(re)) for (const code of m.slice(1)) if (code) add(code, relative(SRC, file));
    }
  }
  for (const code of Object.values(READER_ERROR_CODES)) add(code, 'ingest/readers/reader-guards.ts');
  for (const code of Object.values(EVALUATION_ERRORS)) add(code, 'evaluation/errors.ts');
  return found;
}

describe('error catalogue', () => {
  const codes = thrownCodes();

  it('finds the codes of every layer (the scan is not empty-handed)', () => {
    for (const code of ['PLAN_NOT_FOUND', 'PLAN_IMPORT_CORRUPT', 'EVALUATION_INPUT_INVALID', 'REPORT_FONT_MISSING', 'BACKUP_FAILED', 'DATA_DIR_LOCKED', 'FORBIDDEN']) {
      expect(codes.has(code), code).toBe(true);
    }
    expect(codes.size).toBeGreaterThan(80);
  });

  it('catalogues every code thrown or sent anywhere in src', () => {
    const missing = [...codes].filter(([code]) => !isErrorCode(code)).map(([code, where]) => `${code} (${[...new Set(where)].join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('gives every code a Chinese message', () => {
    for (const [code, [, message]] of Object.entries(ERROR_CATALOGUE)) expect(message, code).toMatch(/[\u4e00-\u9fff]/);
  });

  it('maps server faults to 5xx and client mistakes to 4xx', () => {
    expect(httpStatusOf('REPORT_FONT_MISSING')).toBe(503);
    expect(httpStatusOf('PLAN_IMPORT_LEGACY_UNSUPPORTED')).toBe(503);
    expect(httpStatusOf('BACKUP_TOOL_MISSING')).toBe(503);
    expect(httpStatusOf('BACKUP_FAILED')).toBe(500);
    expect(httpStatusOf('INTERNAL')).toBe(500);
    expect(httpStatusOf('PLAN_IMPORT_CORRUPT')).toBe(400);
    expect(httpStatusOf('EVALUATION_INPUT_INVALID')).toBe(400);
    expect(httpStatusOf('PLAN_NOT_FOUND')).toBe(404);
    expect(httpStatusOf('AUTH_REQUIRED')).toBe(401);
    expect(httpStatusOf('DISK_SPACE_LOW')).toBe(507);
    // A code that escaped the catalogue is the server's fault, not the client's.
    expect(errorKind('NO_SUCH_CODE')).toBe('internal');
    expect(httpStatusOf('NO_SUCH_CODE')).toBe(500);
  });

  it('keeps the catalogue transport-free (no server or Fastify import)', () => {
    const text = readFileSync(join(SRC, 'domain/error-catalogue.ts'), 'utf8');
    expect(text).not.toMatch(/^import /m);
  });
});
