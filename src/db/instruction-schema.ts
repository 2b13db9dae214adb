/**
 * 领导批示: an instruction a leader (or the office) writes on a task, a progress report or a
 * document, addressed to the units concerned, and each unit's answer.
 */
import { index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { plans, tasks, units, users } from './schema.ts';

export const instructionTarget = pgEnum('instruction_target', ['task', 'report', 'document']);

export const instructions = pgTable('instructions', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  targetKind: instructionTarget('target_kind').notNull(),
  /** The task, progress report or document the instruction is written on. */
  targetId: integer('target_id').notNull(),
  /** The task concerned (a report's task; null for a document). */
  taskId: integer('task_id').references(() => tasks.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  /** Units asked to answer (ids). */
  unitIds: integer('unit_ids').array().notNull(),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('instructions_plan_idx').on(t.planId, t.createdAt), index('instructions_task_idx').on(t.taskId)]);

/** A unit's answer to an instruction (one per unit; answering again replaces it). */
export const instructionAnswers = pgTable('instruction_answers', {
  id: serial('id').primaryKey(),
  instructionId: integer('instruction_id').notNull().references(() => instructions.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').notNull().references(() => units.id),
  text: text('text').notNull(),
  answeredBy: integer('answered_by').notNull().references(() => users.id),
  answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('instruction_answers_unit_uq').on(t.instructionId, t.unitId)]);
