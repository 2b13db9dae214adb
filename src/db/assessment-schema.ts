/**
 * Tables of the assessment (评价考核): a provincial evaluation round per plan with the city's
 * rank per indicator, the ranks of its counties, districts and parks, raw indicator data for
 * methodology scoring, and the plan's assessment settings (consequence rules, bands, unit
 * assessment weights). Outcomes (约谈 lists …) are never stored: they are computed on read from
 * these rows and the rules, so they can never go stale.
 */
import { index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { indicators, plans, regionLevel, regions, users } from './schema.ts';

/** Field sizes by subject (indicator: 全省14个市州; county 86; district 36; park 134 — seed 000). */
export type FieldSizes = Record<'indicator' | 'county' | 'district' | 'park', number>;

/** One provincial evaluation of a plan's region, e.g. "2023年度省营商环境评价". */
export const assessmentRounds = pgTable('assessment_rounds', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  /** The period evaluated, as the province names it: '2023', '2023-H1' … */
  period: text('period').notNull(),
  methodologyKey: text('methodology_key'),
  methodologyVersion: text('methodology_version'),
  fieldSizes: jsonb('field_sizes').$type<FieldSizes>().notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('assessment_rounds_plan_title_uq').on(t.planId, t.title), index('assessment_rounds_plan_idx').on(t.planId)]);

/** The city's provincial rank (and score if published) per indicator of the plan. */
export const assessmentIndicatorRanks = pgTable('assessment_indicator_ranks', {
  roundId: integer('round_id').notNull().references(() => assessmentRounds.id, { onDelete: 'cascade' }),
  indicatorId: integer('indicator_id').notNull().references(() => indicators.id, { onDelete: 'cascade' }),
  rank: integer('rank').notNull(),
  score: numeric('score', { mode: 'number' }),
}, (t) => [primaryKey({ columns: [t.roundId, t.indicatorId] })]);

/** Provincial ranks of the city's counties, districts and parks (kind = the region's level). */
export const assessmentPlaceRanks = pgTable('assessment_place_ranks', {
  roundId: integer('round_id').notNull().references(() => assessmentRounds.id, { onDelete: 'cascade' }),
  regionId: integer('region_id').notNull().references(() => regions.id),
  kind: regionLevel('kind').notNull(),
  rank: integer('rank').notNull(),
  score: numeric('score', { mode: 'number' }),
}, (t) => [primaryKey({ columns: [t.roundId, t.regionId] })]);

/** Raw indicator data per place and component (value as entered: number, text value or null), for methodology scoring. */
export const assessmentRawValues = pgTable('assessment_raw_values', {
  roundId: integer('round_id').notNull().references(() => assessmentRounds.id, { onDelete: 'cascade' }),
  /** The place as the methodology input names it (region name, or the city itself). */
  place: text('place').notNull(),
  topic: text('topic').notNull(),
  component: text('component').notNull(),
  value: jsonb('value').$type<number | string | null>(),
}, (t) => [primaryKey({ columns: [t.roundId, t.place, t.topic, t.component] })]);

/** A plan's assessment settings; null rules mean none (no consequences), null bands / weights the defaults. */
export const planAssessmentSettings = pgTable('plan_assessment_settings', {
  planId: integer('plan_id').primaryKey().references(() => plans.id, { onDelete: 'cascade' }),
  consequenceRules: jsonb('consequence_rules').$type<unknown>(),
  bands: jsonb('bands').$type<unknown>(),
  unitWeights: jsonb('unit_weights').$type<unknown>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
