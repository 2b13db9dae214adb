/**
 * The one definition of the plan draft (issue 18): the engine's output in the gold files'
 * snake_case shape. It lives in domain so that every layer can derive from it (ingest re-exports
 * it): the engine's TypeScript types (ingest/plan-draft.ts), the draft under review
 * (`EditablePlanDraft`: the same fields, every one may be blank while an office edits it, and
 * unknown keys pass through — the server's response schema and the web app's types) and the
 * draft as it may be committed (`CommittableDraftSchema`: the draft under review plus what a
 * stored plan needs; domain/plan-import.ts).
 */
import { z } from 'zod';

const str = z.string();
const strList = z.array(z.string());

/** A measurable goal inside a task's text (≤ 1 个工作日, ≥ 95%). */
export const TargetSchema = z.object({
  metric: str,
  comparator: z.enum(['le', 'ge', 'eq', 'range']),
  value: z.number(),
  value_max: z.number().optional(),
  unit: str,
  /** [start, end) character offsets of the matched phrase in the task text. */
  span: z.tuple([z.number(), z.number()]),
  source: str,
});

export const PlanMetaSchema = z.object({
  title: str.nullable(),
  issuer: str.nullable(),
  doc_number: str.nullable(),
  issued_on: str.nullable(),
  region: str.nullable(),
  year: z.number().nullable(),
  responsible_units_note: str.nullable(),
  basis: strList.optional(),
});

/** A task read from a responsibility table (fields present according to the table's columns). */
export const TableTaskSchema = z.object({
  seq: z.number(),
  indicator_seq: z.number().nullable(),
  indicator: str.nullable(),
  sub_indicator_code: str.nullable().optional(),
  sub_indicator: str.nullable().optional(),
  text: str,
  leader: str.nullable().optional(),
  deadline_raw: str.nullable(),
  deadline: str.nullable(),
  lead_units: strList,
  responsible_units: strList,
  responsible_units_open: z.boolean(),
  annual_target: str.nullable().optional(),
  basis: strList.optional(),
  remarks: str.nullable().optional(),
  targets: z.array(TargetSchema),
  uncertain: strList,
});

/** A numbered task of a prose plan, units from its closing parenthesis. */
export const ProseTaskSchema = z.object({
  seq: z.number(),
  seq_cn: str,
  section_seq: z.number().nullable(),
  text: str,
  units: strList,
  lead_units: strList,
  responsible_units: strList,
  responsible_units_open: z.boolean(),
  deadline_raw: str.nullable().optional(),
  deadline: str.nullable().optional(),
  notes: strList,
  targets: z.array(TargetSchema),
  uncertain: strList,
});

export const DraftIndicatorSchema = z.object({
  seq: z.number(),
  name: str,
  aliases: strList.optional(),
  scope: str.nullable().optional(),
  leader: str.nullable().optional(),
  lead_units: strList,
  responsible_units: strList.optional(),
  responsible_units_open: z.boolean().optional(),
  annual_target: str.nullable().optional(),
});

export const DraftSectionSchema = z.object({ seq: z.number(), title: str });

export const DraftWarningSchema = z.object({
  message: str,
  ref: z.object({ page: z.number().optional(), line: z.number().optional(), row: z.number().optional(), sheet: str.optional() }),
  /** The source text at `ref`, as read; absent when the ref names no text. */
  excerpt: str.optional(),
});

export const PlanDraftSchema = z.object({
  source: str.optional(),
  plan: PlanMetaSchema,
  indicators: z.array(DraftIndicatorSchema).optional(),
  sections: z.array(DraftSectionSchema).optional(),
  tasks: z.array(z.union([TableTaskSchema, ProseTaskSchema])),
  warnings: z.array(DraftWarningSchema),
});

type Shape = z.ZodRawShape;
type Lenient<S extends Shape, R extends keyof S> = { [K in keyof S]: K extends R ? S[K] : z.ZodOptional<z.ZodNullable<S[K]>> };

/** The object with every field but `required` allowed blank (null or absent), unknown keys kept. */
function lenient<S extends Shape, R extends keyof S = never>(schema: z.ZodObject<S>, required: readonly R[] = []): z.ZodObject<Lenient<S, R>, z.core.$loose> {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, required.includes(k as R) ? v : (v as z.ZodType).nullable().optional()]));
  return z.looseObject(shape) as unknown as z.ZodObject<Lenient<S, R>, z.core.$loose>;
}

const EditablePlanMeta = lenient(PlanMetaSchema);
const EditableIndicator = lenient(DraftIndicatorSchema, ['seq', 'name']);
const EditableSection = lenient(DraftSectionSchema, ['seq', 'title']);
/** A reader or layout note as stored: `ref` may carry keys beyond page/line/row/sheet. */
export const EditableWarningSchema = lenient(DraftWarningSchema.extend({ ref: z.record(z.string(), z.unknown()) }), ['message']);
const EditableTarget = lenient(TargetSchema.extend({ comparator: str }), ['metric', 'comparator', 'value', 'unit', 'source']);
// One task shape for both layouts: an office may edit any field of either.
export const EditableTaskSchema = lenient(TableTaskSchema.extend(ProseTaskSchema.shape).extend({ targets: z.array(EditableTarget) }), ['seq', 'text']);

/** A draft as stored for review and edited by an office (the server's response, the web's type). */
export const EditablePlanDraftSchema = lenient(PlanDraftSchema.extend({
  plan: EditablePlanMeta,
  indicators: z.array(EditableIndicator),
  sections: z.array(EditableSection),
  tasks: z.array(EditableTaskSchema),
  warnings: z.array(EditableWarningSchema),
}), ['plan', 'tasks']);

export type EditablePlanDraft = z.infer<typeof EditablePlanDraftSchema>;
export type EditableDraftTask = z.infer<typeof EditableTaskSchema>;
export type EditableDraftTarget = z.infer<typeof EditableTarget>;

/** A warning as the review screen receives it: the stored one with its `ref` always present. */
export const ImportWarningSchema = DraftWarningSchema.extend({ ref: z.record(z.string(), z.unknown()) });
export type ImportWarning = z.infer<typeof ImportWarningSchema>;

// What a stored plan needs beyond the draft under review: these narrow the editable fields, so a
// draft that commits is always one the review screen can show.
const WholeNumber = z.number().int();
/** A normalised deadline (domain/deadline.ts): YYYY, YYYY-MM, YYYY-MM-DD or ongoing. */
const NormalisedDeadline = z.string().regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|ongoing)$/, '应写作 2023、2023-06 或 2023-06-30');

export const CommittableTargetSchema = EditableTarget.extend({ comparator: TargetSchema.shape.comparator });

export const CommittableTaskSchema = EditableTaskSchema.extend({
  seq: WholeNumber,
  text: str.min(1),
  indicator_seq: WholeNumber.nullish(),
  section_seq: WholeNumber.nullish(),
  deadline: NormalisedDeadline.nullish(),
  targets: z.array(CommittableTargetSchema).nullish(),
});

/** The draft as it may be committed as a plan: a title, a year, at least one task, whole seqs, normalised deadlines. */
export const CommittableDraftSchema = EditablePlanDraftSchema.extend({
  plan: EditablePlanMeta.extend({ title: str.min(1), year: WholeNumber.min(1990).max(2100) }),
  indicators: z.array(EditableIndicator.extend({ seq: WholeNumber, name: str.min(1) })).nullish(),
  sections: z.array(EditableSection.extend({ seq: WholeNumber, title: str.min(1) })).nullish(),
  tasks: z.array(CommittableTaskSchema).min(1),
});

