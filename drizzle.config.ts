import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema.ts and committed; CI regenerates and compares.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts', './src/db/supervision-schema.ts', './src/db/import-schema.ts', './src/db/assessment-schema.ts', './src/db/document-schema.ts', './src/db/instruction-schema.ts', './src/db/case-schema.ts'],
  out: './src/db/migrations',
});
