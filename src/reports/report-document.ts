/**
 * The intermediate document model: what a report says, block by block, before it is typeset.
 * Builders (kinds/) produce it from data; people may edit its text in the browser before issuing;
 * renderers (gbt9704/ for DOCX, html/ for the preview) typeset it. It is plain JSON, and the
 * schema validates an edited copy that comes back from the browser.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { blockPlace, documentProblems } from './document-rules.ts';
import { OFFICE_TODO } from './kinds/text-helpers.ts';

/** A piece of paragraph text; `face` switches the font for a lead-in such as “冷水滩区：”. */
export const inlineSchema = z.object({
  text: z.string(),
  face: z.enum(['hei', 'kai', 'fang']).optional(),
  bold: z.boolean().optional(),
});

// null = no value (e.g. nothing due yet): drawn as a gap, not as 0.
const chartSeriesSchema = z.object({ name: z.string().min(1), values: z.array(z.number().nullable()) });

/** Data of one chart: a bar chart of rates by indicator or a line chart of rates over periods. */
export const chartSpecSchema = z.object({
  type: z.enum(['bar', 'line']),
  title: z.string(),
  categories: z.array(z.string()),
  series: z.array(chartSeriesSchema).min(1),
  /** Suffix of the values, e.g. `%`; rates are given as percentages (0–100). */
  unit: z.string(),
});

const columnSchema = z.object({
  title: z.string(),
  /** Relative width; the renderer shares the type area out in proportion. */
  weight: z.number().positive(),
  align: z.enum(['left', 'center', 'right']),
});

/** Blocks, in reading order. */
export const blockSchema = z.discriminatedUnion('kind', [
  /** 版头 of the 文件格式: red issuer name, 发文字号, red rule (GB/T 9704 7.2). */
  z.object({ kind: z.literal('redHeader'), issuer: z.string().min(1), docNumber: z.string().nullable(), mark: z.string() }),
  /** 报头 of a 简报/专报: red title, issue line, issuer and date, red rule. */
  z.object({ kind: z.literal('masthead'), title: z.string().min(1), issueLabel: z.string(), issuer: z.string(), date: z.string() }),
  z.object({ kind: z.literal('title'), text: z.string().min(1) }),
  /** 主送机关, printed with a full-width colon. */
  z.object({ kind: z.literal('addressee'), text: z.string().min(1) }),
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), number: z.string(), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), runs: z.array(inlineSchema).min(1), indent: z.boolean() }),
  z.object({ kind: z.literal('table'), caption: z.string().nullable(), columns: z.array(columnSchema).min(1), rows: z.array(z.array(z.string())) }),
  z.object({ kind: z.literal('chart'), caption: z.string(), chart: chartSpecSchema }),
  /** 附件说明 (GB/T 9704 7.3.4). */
  z.object({ kind: z.literal('attachmentNote'), items: z.array(z.string()).min(1) }),
  /** 发文机关署名 and 成文日期 (7.3.5.2); date is ISO YYYY-MM-DD. */
  z.object({ kind: z.literal('signature'), issuer: z.string().min(1), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  /** Starts an attachment on a new page: “附件” in 黑体 at the top left (GB/T 9704 8). */
  z.object({ kind: z.literal('attachment'), label: z.string().min(1) }),
  /** 版记 (7.4): 抄送 / 报 / 发 lines between rules, then 印发机关 and 印发日期. */
  z.object({
    kind: z.literal('record'),
    lines: z.array(z.object({ label: z.string(), text: z.string() })),
    printed: z.object({ by: z.string(), on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).nullable(),
  }),
]);

/** The kinds of document the engine writes. */
export const reportKindSchema = z.enum([
  'dekad-brief', 'monthly-notice', 'quarterly-summary', 'half-year-review', 'annual-summary',
  'work-bulletin', 'commendation', 'supervision-order', 'inspection-notice',
]);

/** A whole report. */
export const reportDocumentSchema = z.object({
  kind: reportKindSchema,
  /** Document title for file metadata and the browser tab. */
  title: z.string().min(1),
  /**
   * 成文日期 chosen for the document (ISO), printed in the signature, 印发 line and 报头; issuing
   * keeps it. Absent in models built before it existed: then the issue date is used.
   */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  blocks: z.array(blockSchema).min(1),
});

export type Inline = z.infer<typeof inlineSchema>;
export type ChartSpec = z.infer<typeof chartSpecSchema>;
export type Block = z.infer<typeof blockSchema>;
export type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;
export type ReportKind = z.infer<typeof reportKindSchema>;
export type ReportDocument = z.infer<typeof reportDocumentSchema>;
export type TableColumn = z.infer<typeof columnSchema>;

/** A zod issue said in Chinese: what is wrong, without the library's English. */
function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small': return issue.origin === 'array' ? '不能为空' : '不能为空或过短';
    case 'too_big': return `过长或过多（最多${String(issue.maximum)}）`;
    case 'invalid_union': return '块类型不正确（不支持的块或缺少字段）';
    case 'invalid_value': return `取值不正确（可选：${issue.values.map(String).join('、')}）`;
    case 'invalid_format': return '格式不正确（日期应写作 YYYY-MM-DD）';
    case 'invalid_type': return `类型不正确（应为${TYPE_NAMES[issue.expected] ?? issue.expected}）`;
    case 'unrecognized_keys': return `有不认识的字段：${issue.keys.join('、')}`;
    default: return '格式不正确';
  }
}

const TYPE_NAMES: Record<string, string> = { string: '文字', number: '数字', boolean: '是或否', array: '列表', object: '对象', null: '空值' };

/**
 * Validates a document that was edited outside the engine (the browser's structure editor, or any
 * client) before it is saved or rendered: the schema, then the sizes and places of blocks
 * (document-rules.ts). The first problem is thrown in Chinese, naming the block.
 */
export function parseReportDocument(value: unknown): ReportDocument {
  const parsed = reportDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const where = path.join('.');
    const place = blockPlace((value ?? {}), path);
    throw new AppError('REPORT_DOCUMENT_INVALID', `文稿格式不正确：${place}：${issue ? issueText(issue) : ''}`, { path: where });
  }
  const [problem] = documentProblems(parsed.data);
  if (problem) throw new AppError('REPORT_DOCUMENT_INVALID', `文稿格式不正确：${problem.message}`, { path: problem.path });
  return parsed.data;
}

/**
 * What the office still has to write: the text of every paragraph or heading flagged 【待补充】
 * (the data could not fill it), in reading order, without the marker — shown above the editor.
 */
export function officeNotes(model: ReportDocument): string[] {
  return model.blocks.flatMap((b) => {
    const text = b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.kind === 'heading' ? b.text : '';
    const at = text.indexOf(OFFICE_TODO);
    if (at < 0) return [];
    // A flagged heading's own paragraph says what to write; the heading alone would repeat it.
    if (b.kind === 'heading') return [];
    const lead = text.slice(0, at).replace(/[。：\s]+$/, '');
    const what = text.slice(at + OFFICE_TODO.length);
    return [lead ? `${lead}：${what}` : what];
  });
}
