import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Engines must stay pure so they can run from tests, the CLI and (later) workers without a server.
const engineRestriction = {
  patterns: [
    { group: ['**/server/**', '**/server', '../server/*'], message: 'Engines (domain/ingest/evaluation/reports) must not depend on the HTTP server: keep them pure and reusable from the CLI and tests.' },
    { group: ['**/db/**', '**/db', '../db/*'], message: 'Engines must not touch the database: pass data in, get data out; persistence belongs to db/ and server/.' },
    { group: ['fastify', 'fastify/*', '@fastify/*', 'pg', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/*'], message: 'Engines must not import server or database libraries.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'web/dist', 'data', 'bench/out', 'src/db/migrations', 'test-results', 'e2e/screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'scripts/*.mjs', 'e2e/*.mjs', 'bench/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**', 'src/ingest/**', 'src/evaluation/**', 'src/reports/**'],
    rules: { 'no-restricted-imports': ['error', engineRestriction] },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
