/**
 * Plan imports: an uploaded document's draft, kept between upload and commit so the office can
 * review it (units, fields, re-import diff) before anything becomes a plan.
 */
import { index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { plans, regions, users } from './schema.ts';

export const planImportStatus = pgEnum('plan_import_status', ['draft', 'committed', 'discarded']);

export const planImports = pgTable('plan_imports', {
  id: serial('id').primaryKey(),
  regionId: integer('region_id').notNull().references(() => regions.id),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  fileName: text('file_name').notNull(),
  fileSize: integer('file_size').notNull(),
  sha256: text('sha256').notNull(),
  /** Format sniffed from the bytes: pdf | docx | xlsx | text. */
  format: text('format').notNull(),
  /** The PlanDraft (gold-file shape) as parsed, then as edited on the review screen. */
  draft: jsonb('draft').$type<unknown>().notNull(),
  status: planImportStatus('status').notNull().default('draft'),
  /** The plan the draft became (commit) or was applied to (re-import). */
  planId: integer('plan_id').references(() => plans.id, { onDelete: 'set null' }),
  /** For a re-import of a revised document: the plan it is compared with. */
  targetPlanId: integer('target_plan_id').references(() => plans.id, { onDelete: 'set null' }),
}, (t) => [index('plan_imports_region_idx').on(t.regionId, t.status)]);
