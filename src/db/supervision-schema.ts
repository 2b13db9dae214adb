/**
 * Tables of the supervision loop: plan settings, quantitative targets, progress reports with
 * their evidence, lights per period, urging and supervision orders, extension requests, the
 * in-app inbox and outbound notification channels.
 */
import { sql } from 'drizzle-orm';
import {
  boolean, customType, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { plans, regions, tasks, units, users } from './schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const reportingCycle = pgEnum('reporting_cycle', ['xun', 'month', 'quarter']);
export const reportState = pgEnum('report_state', ['draft', 'submitted', 'returned', 'accepted']);
export const reportRole = pgEnum('report_role', ['responsible', 'lead']);
export const progressStatus = pgEnum('progress_status', ['not_started', 'in_progress', 'done', 'blocked']);
export const lightEnum = pgEnum('light', ['green', 'yellow', 'red', 'done']);
export const urgeKind = pgEnum('urge_kind', ['reminder', 'order']);
export const extensionState = pgEnum('extension_state', ['pending_head', 'pending_office', 'approved', 'refused', 'withdrawn']);
export const channelKind = pgEnum('channel_kind', ['email', 'dingtalk', 'wecom']);

/** How a plan is supervised; one row per plan, created with defaults when first needed. */
export const planSupervision = pgTable('plan_supervision', {
  planId: integer('plan_id').primaryKey().references(() => plans.id, { onDelete: 'cascade' }),
  cycle: reportingCycle('cycle').notNull().default('month'),
  /** After a cycle change: periods beginning before `cycle_from` keep the previous cycle (null: no change). */
  previousCycle: reportingCycle('previous_cycle'),
  cycleFrom: date('cycle_from', { mode: 'string' }),
  /** The report of a period is due on this working day after the period ends. */
  dueWorkdays: integer('due_workdays').notNull().default(3),
  yellowWithinDays: integer('yellow_within_days').notNull().default(15),
  redAfterReturns: integer('red_after_returns').notNull().default(2),
  /** Working days late after which reminders also go to the responsible leader. */
  escalateAfterWorkdays: integer('escalate_after_workdays').notNull().default(3),
  /** Prefix of supervision order numbers, e.g. 邵优化督 → 邵优化督〔2023〕12号. */
  orderPrefix: text('order_prefix').notNull().default('优化督'),
});

/** 量化目标 found in a task's text (≤ 1 个工作日, ≥ 95%). */
export const taskTargets = pgTable('task_targets', {
  id: serial('id').primaryKey(),
  taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  metric: text('metric').notNull(),
  comparator: text('comparator').notNull(),
  value: numeric('value', { mode: 'number' }).notNull(),
  valueMax: numeric('value_max', { mode: 'number' }),
  unit: text('unit').notNull(),
  source: text('source').notNull(),
}, (t) => [uniqueIndex('task_targets_task_pos_uq').on(t.taskId, t.position)]);

/**
 * 进展报告. A submitted version is immutable; a correction is a new version. Responsible units
 * report to the lead unit (role responsible); the lead unit's consolidated report (role lead) goes
 * to the office, which accepts or returns it.
 */
export const progressReports = pgTable('progress_reports', {
  id: serial('id').primaryKey(),
  taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').notNull().references(() => units.id),
  period: text('period').notNull(),
  version: integer('version').notNull(),
  role: reportRole('role').notNull(),
  state: reportState('state').notNull().default('draft'),
  status: progressStatus('status').notNull(),
  percent: integer('percent').notNull(),
  workDone: text('work_done').notNull(),
  problems: text('problems').notNull().default(''),
  helpNeeded: text('help_needed').notNull().default(''),
  /** Actual values of the task's targets: [{targetId, value}]. */
  targetValues: jsonb('target_values').$type<{ targetId: number; value: number }[]>().notNull().default(sql`'[]'::jsonb`),
  /** For a lead unit's report: the responsible units' reports it consolidates. */
  consolidates: integer('consolidates').array().notNull().default(sql`'{}'::int[]`),
  /** A highlight the unit or office marked for the work bulletin (工作专报). */
  highlight: text('highlight'),
  idempotencyKey: text('idempotency_key'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  submittedBy: integer('submitted_by').references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewedBy: integer('reviewed_by').references(() => users.id),
  reviewComment: text('review_comment'),
}, (t) => [
  uniqueIndex('progress_reports_version_uq').on(t.taskId, t.unitId, t.period, t.version),
  uniqueIndex('progress_reports_idem_uq').on(t.idempotencyKey),
  index('progress_reports_state_idx').on(t.state, t.role),
  index('progress_reports_task_idx').on(t.taskId, t.period),
  // The review queue: pending consolidated reports, oldest submission first (a few thousand of a million rows).
  index('progress_reports_pending_idx').on(t.submittedAt, t.id, t.taskId).where(sql`${t.state} = 'submitted' and ${t.role} = 'lead'`),
]);

/**
 * Evidence files of a report. On PostgreSQL the bytes are in `data` (every server instance sees
 * them); on embedded PGlite they are files under DATA_DIR/files and `storage_path` names one, so
 * an upload never holds PGlite's single connection while megabytes are written.
 */
export const reportAttachments = pgTable('report_attachments', {
  id: serial('id').primaryKey(),
  reportId: integer('report_id').notNull().references(() => progressReports.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: bytea('data'),
  /** Path relative to the files directory, when the bytes are on disk instead of in `data`. */
  storagePath: text('storage_path'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('report_attachments_report_idx').on(t.reportId)]);

/** Supervision state of a task beyond the plan's text: extension and completion review (办结审核). */
export const taskSupervision = pgTable('task_supervision', {
  taskId: integer('task_id').primaryKey().references(() => tasks.id, { onDelete: 'cascade' }),
  /** New due date after an approved extension; the plan's deadline stays for assessment. */
  extendedDueOn: date('extended_due_on', { mode: 'string' }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  /** Completion date: the day the unit reported the task done (its 已完成 report confirmed in 办结审核). */
  doneOn: date('done_on', { mode: 'string' }),
  completedBy: integer('completed_by').references(() => users.id),
  completionComment: text('completion_comment'),
});

/** The light of each task per period, kept for trends. */
export const taskLights = pgTable('task_lights', {
  taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  period: text('period').notNull(),
  light: lightEnum('light').notNull(),
  reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  /** The rest of the stored status the cockpit, dashboard and documents read with the light. */
  lateReport: boolean('late_report').notNull().default(false),
  note: text('note'),
}, (t) => [primaryKey({ columns: [t.taskId, t.period] }), index('task_lights_period_idx').on(t.period, t.light)]);

/** 催办 (reminder) and numbered 督办单 (formal supervision order). */
export const urges = pgTable('urges', {
  id: serial('id').primaryKey(),
  taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').notNull().references(() => units.id),
  kind: urgeKind('kind').notNull(),
  regionId: integer('region_id').notNull().references(() => regions.id),
  year: integer('year'),
  seq: integer('seq'),
  number: text('number'),
  message: text('message').notNull(),
  replyBy: date('reply_by', { mode: 'string' }),
  copiedLeader: text('copied_leader'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  repliedAt: timestamp('replied_at', { withTimezone: true }),
  reply: text('reply'),
  /** A batch urge covers several tasks of one unit (one 督办单 per unit): all of them, `task_id` first; empty for one task. */
  taskIds: integer('task_ids').array().notNull().default(sql`'{}'::int[]`),
  /** 签收: when a user of the addressed unit acknowledged receipt (a reply also acknowledges). */
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedBy: integer('acknowledged_by').references(() => users.id),
}, (t) => [uniqueIndex('urges_order_number_uq').on(t.regionId, t.year, t.seq), index('urges_task_idx').on(t.taskId)]);

/**
 * 签收 of a newly assigned task: one row per task and addressed unit (each member of a collective),
 * written when the office assigns the unit to the task; the unit acknowledges it.
 */
export const taskReceipts = pgTable('task_receipts', {
  taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
  assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  assignedBy: integer('assigned_by').references(() => users.id, { onDelete: 'set null' }),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedBy: integer('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('task_receipts_unit_idx').on(t.unitId, t.acknowledgedAt)]);

/** 延期申请: only before the deadline; the unit head confirms, the office decides. */
export const extensionRequests = pgTable('extension_requests', {
  id: serial('id').primaryKey(),
  taskId: integer('task_id').notNull().references(() => tasks.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').notNull().references(() => units.id),
  state: extensionState('state').notNull().default('pending_head'),
  reason: text('reason').notNull(),
  progress: text('progress').notNull(),
  originalDueOn: date('original_due_on', { mode: 'string' }).notNull(),
  proposedDueOn: date('proposed_due_on', { mode: 'string' }).notNull(),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  headConfirmedBy: integer('head_confirmed_by').references(() => users.id),
  headConfirmedAt: timestamp('head_confirmed_at', { withTimezone: true }),
  decidedBy: integer('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionComment: text('decision_comment'),
  newDueOn: date('new_due_on', { mode: 'string' }),
}, (t) => [index('extension_requests_task_idx').on(t.taskId)]);

/** The in-app inbox. `dedupeKey` makes a reminder land once even when several servers run it. */
export const notifications = pgTable('notifications', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  body: text('body').notNull(),
  link: text('link'),
  dedupeKey: text('dedupe_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey), index('notifications_user_idx').on(t.userId, t.readAt)]);

/** Where a region's reminders also go: e-mail addresses and DingTalk / WeCom group robots. */
export const notificationChannels = pgTable('notification_channels', {
  id: serial('id').primaryKey(),
  regionId: integer('region_id').notNull().references(() => regions.id),
  unitId: integer('unit_id').references(() => units.id),
  kind: channelKind('kind').notNull(),
  target: text('target').notNull(),
  enabled: boolean('enabled').notNull().default(true),
});

/** One row per outbound message actually handed to a channel: the guard against sending twice. */
export const deliveries = pgTable('deliveries', {
  key: text('key').primaryKey(),
  channelId: integer('channel_id').references(() => notificationChannels.id, { onDelete: 'set null' }),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  status: text('status').notNull(),
  detail: text('detail'),
});

/** Whether a unit user is the unit's head (confirms extension requests). */
export const unitHeads = pgTable('unit_heads', {
  userId: integer('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
});
