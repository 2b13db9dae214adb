import { defineConfig } from 'vitest/config';

// Unit and API tests live beside the code (src/**/*.test.ts); browser tests live in e2e/ and
// run through e2e/run.mjs, not vitest.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    setupFiles: ['test/setup-adapters.ts'],
    globalSetup: ['test/global-setup.ts'],
  },
});
