/**
 * The draft a plan document becomes (snake_case, the shape of the gold files): plan metadata,
 * indicators or sections, tasks and warnings. A person reviews it before anything is stored.
 */
import type { z } from 'zod';
import type {
  DraftIndicatorSchema, DraftSectionSchema, DraftWarningSchema, PlanDraftSchema, PlanMetaSchema, ProseTaskSchema, TableTaskSchema, TargetSchema,
} from './plan-draft.schema.ts';

// The types are those of the one zod definition (plan-draft.schema.ts).
/** A measurable goal inside a task's text (≤ 1 个工作日, ≥ 95%). */
export type Target = z.infer<typeof TargetSchema>;
export type PlanMeta = z.infer<typeof PlanMetaSchema>;
/** A task read from a responsibility table (fields present according to the table's columns). */
export type TableTask = z.infer<typeof TableTaskSchema>;
/** A numbered task of a prose plan, units from its closing parenthesis. */
export type ProseTask = z.infer<typeof ProseTaskSchema>;
export type DraftTask = TableTask | ProseTask;
export type DraftIndicator = z.infer<typeof DraftIndicatorSchema>;
export type DraftSection = z.infer<typeof DraftSectionSchema>;
export type DraftWarning = z.infer<typeof DraftWarningSchema>;
export type PlanDraft = z.infer<typeof PlanDraftSchema>;

/** What a layout recogniser returns before plan metadata and targets are added. */
export interface LayoutResult {
  indicators?: DraftIndicator[];
  sections?: DraftSection[];
  tasks: DraftTask[];
  warnings: DraftWarning[];
  /** Plan-level boilerplate found in unit cells (responsible_units_note). */
  planNotes: string[];
  /** Line (1-based) where the task part begins, so metadata is read from what comes before. */
  bodyStartLine?: number;
}
