/**
 * Official documents the office writes from the data (简报, 通报, 小结, 讲评, 总结, 专报, 表彰通报,
 * 督办单): a draft holds the editable document model; issuing assigns the number and freezes the
 * DOCX (and PDF) bytes, so what was sent out can always be produced again byte for byte. Also the
 * practice notes (典型做法) the office types for the work bulletin.
 */
import {
  customType, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ReportDocument } from '../reports/index.ts';
import { plans, regions, units, users } from './schema.ts';
import { urges } from './supervision-schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const documentStatus = pgEnum('document_status', ['draft', 'issued']);
/** The three groups of a 工作专报 (seed 003): 战斗动态 by 县市区 / 市直部门, and 战术借鉴. */
export const practiceGroup = pgEnum('practice_group', ['county', 'department', 'tactic']);

export const documents = pgTable('documents', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  /** The plan's region: numbers run per region, so it is kept even if the plan moves. */
  regionId: integer('region_id').notNull().references(() => regions.id),
  kind: text('kind').notNull(),
  /** Period key: 2023-06, 2023-06-2, 2023-Q2, 2023-H1, 2023. */
  period: text('period').notNull(),
  /** For a 督办单: the supervision order (urge of kind order) it prints. */
  urgeId: integer('urge_id').references(() => urges.id, { onDelete: 'set null' }),
  status: documentStatus('status').notNull().default('draft'),
  title: text('title').notNull(),
  /** 邵优化通〔2023〕5号 or 2023年第5期; null until issued. */
  number: text('number'),
  /** Numbering series (a 文号 prefix or a 简报 masthead): numbers are consecutive per region, series and year. */
  series: text('series'),
  year: integer('year'),
  seq: integer('seq'),
  model: jsonb('model').$type<ReportDocument>().notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  issuedBy: integer('issued_by').references(() => users.id, { onDelete: 'set null' }),
  issuedAt: timestamp('issued_at', { withTimezone: true }),
  docx: bytea('docx'),
  pdf: bytea('pdf'),
}, (t) => [
  uniqueIndex('documents_number_uq').on(t.regionId, t.series, t.year, t.seq),
  index('documents_plan_idx').on(t.planId, t.kind, t.period),
]);

/** 典型做法 / 工作动态 the office enters for a period's 工作专报 (seed 003). */
export const practiceNotes = pgTable('practice_notes', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  period: text('period').notNull(),
  group: practiceGroup('group').notNull(),
  unitId: integer('unit_id').references(() => units.id, { onDelete: 'set null' }),
  regionId: integer('region_id').references(() => regions.id, { onDelete: 'set null' }),
  text: text('text').notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('practice_notes_plan_idx').on(t.planId, t.period)]);
