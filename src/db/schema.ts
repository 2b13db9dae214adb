/**
 * The database schema (Drizzle, Postgres dialect). The same migrations run on PGlite (embedded
 * default) and on a PostgreSQL server. Names follow the glossary of ARCHITECTURE.md.
 */
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

export const regionLevel = pgEnum('region_level', ['province', 'city', 'county', 'district', 'park']);
export const unitKind = pgEnum('unit_kind', ['department', 'government', 'utility', 'court', 'bank', 'collective', 'other']);
export const taskUnitRole = pgEnum('task_unit_role', ['lead', 'responsible']);
export const indicatorKind = pgEnum('indicator_kind', ['indicator', 'section']);
export const planLayout = pgEnum('plan_layout', ['table', 'prose']);

export const regions = pgTable('regions', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  level: regionLevel('level').notNull(),
  parentId: integer('parent_id').references((): AnyPgColumn => regions.id),
}, (t) => [uniqueIndex('regions_parent_name_uq').on(t.parentId, t.name), index('regions_parent_idx').on(t.parentId)]);

export const units = pgTable('units', {
  id: serial('id').primaryKey(),
  regionId: integer('region_id').notNull().references(() => regions.id),
  name: text('name').notNull(),
  aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
  kind: unitKind('kind').notNull().default('department'),
}, (t) => [uniqueIndex('units_region_name_uq').on(t.regionId, t.name)]);

/** A collective unit (各县市区政府) stands for its members: a member sees the collective's tasks. */
export const unitMemberships = pgTable('unit_memberships', {
  collectiveId: integer('collective_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
  memberId: integer('member_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.collectiveId, t.memberId] })]);

export const roles = pgTable('roles', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
});

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  login: text('login').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull().references(() => roles.key),
  regionId: integer('region_id').notNull().references(() => regions.id),
  unitId: integer('unit_id').references(() => units.id),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set for a first administrator and after a reset: every request but the password change is refused. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** A disabled account cannot sign in and has no sessions; null while the account is active. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256 hash. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** Login attempts, kept in the database so rate limits hold across several server instances. */
export const loginAttempts = pgTable('login_attempts', {
  id: serial('id').primaryKey(),
  ip: text('ip').notNull(),
  login: text('login').notNull(),
  succeeded: boolean('succeeded').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('login_attempts_ip_at_idx').on(t.ip, t.at),
  // Throttling counts per login; pruning deletes by age.
  index('login_attempts_login_at_idx').on(t.login, t.at),
  index('login_attempts_at_idx').on(t.at),
]);

export const plans = pgTable('plans', {
  id: serial('id').primaryKey(),
  regionId: integer('region_id').notNull().references(() => regions.id),
  title: text('title').notNull(),
  issuer: text('issuer'),
  docNumber: text('doc_number'),
  issuedOn: date('issued_on', { mode: 'string' }),
  year: integer('year').notNull(),
  layout: planLayout('layout').notNull().default('table'),
  responsibleUnitsNote: text('responsible_units_note'),
  basis: text('basis').array().notNull().default(sql`'{}'::text[]`),
  source: jsonb('source').$type<Record<string, unknown>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('plans_region_idx').on(t.regionId)]);

/** 一级指标 of a table plan, or a section (一、…) of a prose plan. */
export const indicators = pgTable('indicators', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  kind: indicatorKind('kind').notNull().default('indicator'),
  name: text('name').notNull(),
  scope: text('scope'),
  leader: text('leader'),
  annualTarget: text('annual_target'),
  aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
  leadUnits: text('lead_units').array().notNull().default(sql`'{}'::text[]`),
}, (t) => [uniqueIndex('indicators_plan_seq_uq').on(t.planId, t.seq)]);

export const tasks = pgTable('tasks', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  indicatorId: integer('indicator_id').references(() => indicators.id, { onDelete: 'set null' }),
  seq: integer('seq').notNull(),
  seqCn: text('seq_cn'),
  subIndicatorCode: text('sub_indicator_code'),
  subIndicator: text('sub_indicator'),
  text: text('text').notNull(),
  leader: text('leader'),
  /** 'YYYY-MM' or 'YYYY' as the plan states it; null when the cell is blank or not a date. */
  deadline: text('deadline'),
  deadlineRaw: text('deadline_raw'),
  /** Last day of the deadline month/year, derived from `deadline`, for range filters and lights. */
  dueOn: date('due_on', { mode: 'string' }),
  annualTarget: text('annual_target'),
  basis: text('basis').array().notNull().default(sql`'{}'::text[]`),
  remarks: text('remarks'),
  notes: text('notes').array().notNull().default(sql`'{}'::text[]`),
  responsibleUnitsOpen: boolean('responsible_units_open').notNull().default(false),
  uncertain: text('uncertain').array().notNull().default(sql`'{}'::text[]`),
}, (t) => [
  uniqueIndex('tasks_plan_seq_uq').on(t.planId, t.seq),
  index('tasks_indicator_idx').on(t.indicatorId),
  index('tasks_due_idx').on(t.planId, t.dueOn),
]);

/** Task–unit links; `writtenName` keeps the unit as the plan wrote it (市住建局 vs 市住房和城乡建设局). */
export const taskUnits = pgTable('task_units', {
  taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').notNull().references(() => units.id),
  role: taskUnitRole('role').notNull(),
  position: integer('position').notNull(),
  writtenName: text('written_name').notNull(),
}, (t) => [primaryKey({ columns: [t.taskId, t.role, t.position] }), index('task_units_unit_idx').on(t.unitId, t.role)]);

export const auditLog = pgTable('audit_log', {
  id: serial('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  details: jsonb('details').$type<Record<string, unknown>>(),
}, (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId)]);
