// knip: unused files, dependencies and exports (`npm test` runs it after lint).
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    'scripts/*.mjs',
    // bin/yingshang.mjs loads the compiled CLI (dist/src/cli/main.js), which loads each command by name.
    'src/cli/main.ts',
    'src/cli/commands/*.command.ts',
    // Started as a child process / worker thread by file URL.
    'src/server/files/parse-child.mjs',
    'src/ingest/readers/*-thread.mjs',
    'e2e/*.mjs',
    'bench/*.{ts,mjs}',
    // The typed contract the web's generated client is built on (web/src/api, issue 19).
    'web/src/api/contract.ts',
  ],
  project: ['src/**/*.{ts,mjs}', 'web/src/**/*.{ts,tsx}', 'bin/*.mjs', 'scripts/*.mjs', 'e2e/*.mjs', 'bench/*.{ts,mjs}', 'test/**/*.ts', 'eslint/*.js'],
  // System tools the tests and benches call when installed (LibreOffice, poppler-utils, psql).
  ignoreBinaries: ['soffice', 'pdfinfo', 'pdftotext', 'pdffonts', 'psql'],
  // openapi-fetch: the web's typed fetch client (issue 19), wired by the web half of the contract.
  ignoreDependencies: ['openapi-fetch'],
  rules: {
    // Exports used only inside their own module are reported, not failed: most are a module's
    // documented surface (engine index files); dead ones are deleted as they are found.
    exports: 'warn',
    types: 'warn',
    nsExports: 'warn',
    nsTypes: 'warn',
    duplicates: 'warn',
  },
};

export default config;
