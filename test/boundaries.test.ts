// The layer boundaries (eslint/boundaries.js) fail on a planted violation of each rule and pass
// the allowed imports; the repository's ESLint config switches the rule on for src/ and web/.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import boundaries from '../eslint/boundaries.js';

const ROOT = new URL('..', import.meta.url).pathname;

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [{
    files: ['**/*.{ts,tsx,mjs}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { boundaries },
    rules: { 'boundaries/layers': 'error' },
  }],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const VIOLATIONS: Array<[rule: string, file: string, code: string]> = [
  ['domain → nothing (server)', 'src/domain/planted.ts', "import { appError } from '../server/errors.ts';"],
  ['domain → nothing (engine)', 'src/domain/supervision/planted.ts', "import { readDocument } from '../../ingest/readers/index.ts';"],
  ['domain is browser-safe', 'src/domain/planted.ts', "import { readFileSync } from 'node:fs';"],
  ['domain reads no environment', 'src/domain/planted.ts', 'export const x = process.env.X;'],
  ['engines → domain only (db)', 'src/ingest/planted.ts', "import { plans } from '../db/schema.ts';"],
  ['engines → domain only (other engine)', 'src/reports/charts/planted.ts', "import { parseDocument } from '../../ingest/index.ts';"],
  ['engines → domain only (server)', 'src/evaluation/planted.ts', "export { buildApp } from '../server/app.ts';"],
  ['engines: no file system', 'src/reports/planted.ts', "import { existsSync } from 'node:fs';"],
  ['engines: no file system (promises)', 'src/ingest/readers/planted.ts', "import { readFile } from 'fs/promises';"],
  ['engines: no child processes', 'src/ingest/planted.ts', "import { execFile } from 'node:child_process';"],
  ['engines: no child processes (dynamic)', 'src/evaluation/planted.ts', "export const cp = await import('child_process');"],
  ['engines: no environment', 'src/reports/planted.ts', 'export const font = process.env.YINGSHANG_CJK_FONT;'],
  ['engines: no server libraries', 'src/evaluation/planted.ts', "import { eq } from 'drizzle-orm';"],
  ['db ↛ server', 'src/db/planted.ts', "import { appError } from '../server/errors.ts';"],
  ['db ↛ use cases', 'src/db/plans/planted.ts', "import { login } from '../../server/use-cases/login.ts';"],
  ['db ↛ fastify', 'src/db/planted.ts', "import Fastify from 'fastify';"],
  ['use cases ↛ fastify', 'src/server/use-cases/planted.ts', "import type { FastifyRequest } from 'fastify';"],
  ['use cases ↛ fastify plugins', 'src/server/use-cases/supervision/planted.ts', "import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';"],
  ['use cases ↛ the HTTP edge', 'src/server/use-cases/planted.ts', "import { handleError } from '../errors.ts';"],
  ['use cases ↛ routes', 'src/server/use-cases/imports/planted.ts', "import { planRoutes } from '../../routes/plans.routes.ts';"],
  ['web → web and domain only (server)', 'web/src/pages/planted.tsx', "import { appError } from '../../../src/server/errors.ts';"],
  ['web → web and domain only (engine)', 'web/src/planted.ts', "import { renderDocx } from '../../src/reports/index.ts';"],
  ['web → web and domain only (db)', 'web/src/components/planted.tsx', "import type { Db } from '../../../src/db/client.ts';"],
  ['web: no Node modules', 'web/src/planted.ts', "import { readFileSync } from 'node:fs';"],
];

const ALLOWED: Array<[what: string, file: string, code: string]> = [
  ['domain → domain', 'src/domain/supervision/planted.ts', "import { AppError } from '../errors.ts';"],
  ['domain → browser-safe packages', 'src/domain/planted.ts', "import { z } from 'zod';"],
  ['engine → domain', 'src/reports/planted.ts', "import { appError } from '../domain/errors.ts';"],
  ['engine → itself', 'src/ingest/readers/planted.ts', "import { readDocx } from './docx.reader.ts';"],
  ['engine → shipped data', 'src/evaluation/planted.ts', "import data from '../../fixtures/methodology/db2020.methodology.json' with { type: 'json' };"],
  ['engine → worker threads', 'src/ingest/readers/planted.ts', "import { Worker } from 'node:worker_threads';"],
  ['db → domain', 'src/db/planted.ts', "import { AppError } from '../domain/errors.ts';"],
  ['use cases → domain, db, policies', 'src/server/use-cases/planted.ts', "import { appError } from '../../domain/errors.ts';\nimport type { Db } from '../../db/client.ts';\nimport { planScope } from '../policies/plan.policy.ts';"],
  ['routes → fastify and use cases', 'src/server/routes/planted.ts', "import type { FastifyInstance } from 'fastify';\nimport { login } from '../use-cases/login.ts';"],
  ['web → domain', 'web/src/pages/planted.tsx', "import { escapeHtml } from '../../../src/domain/escape-html.ts';"],
  ['tests may read files', 'src/reports/planted.test.ts', "import { readFileSync } from 'node:fs';"],
];

describe('layer boundaries lint', () => {
  it.each(VIOLATIONS)('fails on a planted violation: %s', async (_rule, file, code) => {
    const found = await problems(file, code);
    expect(found.length, `${file}: ${code}`).toBeGreaterThan(0);
    expect(found.every((p) => p.startsWith('boundaries/layers'))).toBe(true);
  });

  it.each(ALLOWED)('passes an allowed import: %s', async (_what, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });

  it('is switched on by the repository config for every layer', async () => {
    const repo = new ESLint({ cwd: ROOT });
    for (const file of ['src/domain/errors.ts', 'src/ingest/index.ts', 'src/reports/index.ts', 'src/db/client.ts', 'src/server/use-cases/login.ts', 'web/src/main.tsx']) {
      const config = (await repo.calculateConfigForFile(`${ROOT}${file}`)) as { rules?: Record<string, unknown> };
      const setting = config.rules?.['boundaries/layers'];
      expect([setting, file]).toEqual([[2], file]);
    }
  });
});
