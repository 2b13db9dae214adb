/**
 * Tables of the problem loop (问题, Case): the case with its current state, every step it went
 * through (the timeline, also the source of its state on any past day), its evidence files, and
 * each plan's case rules (working days by kind, 临期, the rule on linked task lights).
 */
import { sql } from 'drizzle-orm';
import { customType, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CaseKind, CaseSource, CaseState, Satisfaction, Severity } from '../domain/cases/case-model.ts';
import { indicators, plans, regions, units, users } from './schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export interface CaseLinkSuggestionRow { taskId: number; seq: number; indicatorId: number | null; score: number; explanation: string }

export const cases = pgTable('cases', {
  id: serial('id').primaryKey(),
  /** The office that owns the case (its region); units see only the cases assigned to them. */
  regionId: integer('region_id').notNull().references(() => regions.id),
  /** The county (or city) where the problem was found, for the per-county figures. */
  placeRegionId: integer('place_region_id').references(() => regions.id),
  planId: integer('plan_id').references(() => plans.id, { onDelete: 'set null' }),
  /** CaseSource / CaseKind / Severity / CaseState of src/domain/cases/case-model.ts. */
  source: text('source').$type<CaseSource>().notNull(),
  refNo: text('ref_no'),
  kind: text('kind').$type<CaseKind>().notNull(),
  title: text('title').notNull(),
  finding: text('finding').notNull(),
  place: text('place').notNull().default(''),
  foundOn: date('found_on', { mode: 'string' }).notNull(),
  enterpriseName: text('enterprise_name'),
  creditCode: text('credit_code'),
  /** Contact details of the enterprise: shown to the office only. */
  contact: text('contact'),
  category: text('category').notNull().default(''),
  severity: text('severity').$type<Severity>().notNull().default('general'),
  state: text('state').$type<CaseState>().notNull().default('registered'),
  leadUnitId: integer('lead_unit_id').references(() => units.id),
  coUnitIds: integer('co_unit_ids').array().notNull().default(sql`'{}'::int[]`),
  assignedOn: date('assigned_on', { mode: 'string' }),
  /** Reply deadline (after an approved extension, the new one); the first one stays in originalDueOn. */
  dueOn: date('due_on', { mode: 'string' }),
  originalDueOn: date('original_due_on', { mode: 'string' }),
  repliedOn: date('replied_on', { mode: 'string' }),
  /** The day the office accepted the reply: the case is 办结 for the rates. */
  finishedOn: date('finished_on', { mode: 'string' }),
  closedOn: date('closed_on', { mode: 'string' }),
  satisfaction: text('satisfaction').$type<Satisfaction>(),
  /** A 延期 request waiting for the office: { proposedDueOn, reason, requestedOn, unitId }. */
  extensionRequest: jsonb('extension_request').$type<{ proposedDueOn: string; reason: string; requestedOn: string; unitId: number } | null>(),
  returns: integer('returns').notNull().default(0),
  reopens: integer('reopens').notNull().default(0),
  /** The plan tasks the office confirmed the case concerns. */
  taskIds: integer('task_ids').array().notNull().default(sql`'{}'::int[]`),
  indicatorId: integer('indicator_id').references(() => indicators.id, { onDelete: 'set null' }),
  suggestions: jsonb('suggestions').$type<CaseLinkSuggestionRow[]>().notNull().default(sql`'[]'::jsonb`),
  /** The import batch it came from (督查整改清单 or a 12345 export), to trace and undo an import. */
  importBatch: text('import_batch'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('cases_region_state_idx').on(t.regionId, t.state),
  index('cases_lead_unit_idx').on(t.leadUnitId),
  index('cases_plan_idx').on(t.planId),
  uniqueIndex('cases_source_ref_uq').on(t.regionId, t.source, t.refNo),
]);

/** Every step of a case: its timeline and the record the audit log points to. */
export const caseEvents = pgTable('case_events', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  step: text('step').notNull(),
  /** China date of the step (the day rules apply to). */
  day: date('day', { mode: 'string' }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
  unitId: integer('unit_id').references(() => units.id),
  text: text('text').notNull().default(''),
  details: jsonb('details').$type<Record<string, unknown>>(),
}, (t) => [index('case_events_case_idx').on(t.caseId, t.at)]);

/** Evidence files of a case (the finding's, or a reply's when eventId is set). */
export const caseFiles = pgTable('case_files', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  eventId: integer('event_id').references(() => caseEvents.id, { onDelete: 'set null' }),
  unitId: integer('unit_id').references(() => units.id),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data'),
  storagePath: text('storage_path'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('case_files_case_idx').on(t.caseId)]);

/** A plan's case rules; absent → the defaults of src/domain/cases/case-light.ts. */
export const planCaseRules = pgTable('plan_case_rules', {
  planId: integer('plan_id').primaryKey().references(() => plans.id, { onDelete: 'cascade' }),
  kindWorkdays: jsonb('kind_workdays').$type<Record<string, number>>().notNull(),
  nearWorkdays: integer('near_workdays').notNull().default(2),
  /** off | downgrade | red: how an overdue or 不满意 case weighs on its linked task's light. */
  taskLightRule: text('task_light_rule').notNull().default('downgrade'),
});
