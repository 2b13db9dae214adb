/**
 * The draft a plan document becomes (snake_case, the shape of the gold files): plan metadata,
 * indicators or sections, tasks and warnings. A person reviews it before anything is stored.
 */
import type { SourceRef } from './document-model.ts';

/** A measurable goal inside a task's text (≤ 1 个工作日, ≥ 95%). */
export interface Target {
  metric: string;
  comparator: 'le' | 'ge' | 'eq' | 'range';
  value: number;
  value_max?: number;
  unit: string;
  /** [start, end) character offsets of the matched phrase in the task text. */
  span: [number, number];
  source: string;
}

export interface PlanMeta {
  title: string | null;
  issuer: string | null;
  doc_number: string | null;
  issued_on: string | null;
  region: string | null;
  year: number | null;
  responsible_units_note: string | null;
  basis?: string[];
}

/** A task read from a responsibility table (fields present according to the table's columns). */
export interface TableTask {
  seq: number;
  indicator_seq: number | null;
  indicator: string | null;
  sub_indicator_code?: string | null;
  sub_indicator?: string | null;
  text: string;
  leader?: string | null;
  deadline_raw: string | null;
  deadline: string | null;
  lead_units: string[];
  responsible_units: string[];
  responsible_units_open: boolean;
  annual_target?: string | null;
  basis?: string[];
  remarks?: string | null;
  targets: Target[];
  uncertain: string[];
}

/** A numbered task of a prose plan, units from its closing parenthesis. */
export interface ProseTask {
  seq: number;
  seq_cn: string;
  section_seq: number | null;
  text: string;
  units: string[];
  lead_units: string[];
  responsible_units: string[];
  responsible_units_open: boolean;
  deadline_raw?: string | null;
  deadline?: string | null;
  notes: string[];
  targets: Target[];
  uncertain: string[];
}

export type DraftTask = TableTask | ProseTask;

export interface DraftIndicator {
  seq: number;
  name: string;
  aliases?: string[];
  scope?: string | null;
  leader?: string | null;
  lead_units: string[];
  responsible_units?: string[];
  responsible_units_open?: boolean;
  annual_target?: string | null;
}

export interface DraftSection {
  seq: number;
  title: string;
}

export interface DraftWarning {
  message: string;
  ref: Pick<SourceRef, 'page' | 'line' | 'row' | 'sheet'>;
  /** The source text at `ref`, as read (see source-excerpt.ts); absent when the ref names no text. */
  excerpt?: string;
}

export interface PlanDraft {
  source?: string;
  plan: PlanMeta;
  indicators?: DraftIndicator[];
  sections?: DraftSection[];
  tasks: DraftTask[];
  warnings: DraftWarning[];
}

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
