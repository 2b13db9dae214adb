/** Request and response schemas of plan import (also the OpenAPI entries). */
import { z } from 'zod';
import { EditablePlanDraftSchema, ImportWarningSchema } from '../../domain/plan-draft.schema.ts';

const Id = z.number().int().positive().max(2_147_483_647);

export const UploadQuery = z.object({
  fileName: z.string().trim().min(1).max(200).describe('原文件名（含扩展名 .pdf/.docx/.doc/.wps/.xlsx/.xls/.et/.txt/.md）'),
  targetPlanId: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('重新导入：修订后的文件所对应的已有方案'),
});

// The raw file: any bytes pass here; the engine decides what they are (format sniffed, not trusted).
export const UploadBody = z.unknown().describe('文件原始内容（二进制）');

// The draft under review: the engine's one schema, every field allowed blank while an office edits.
export const DraftSchema = EditablePlanDraftSchema.describe('方案草稿（snake_case，与 fixtures/gold 同形）');

export const DraftBody = z.record(z.string(), z.unknown()).describe('修改后的方案草稿（与返回的 draft 同形），提交前按字段校验');

const DiffTaskSchema = z.object({
  seq: z.number(), indicatorSeq: z.number().nullable(), subIndicatorCode: z.string().nullable(), subIndicator: z.string().nullable(),
  text: z.string(), leader: z.string().nullable(), leadUnits: z.array(z.string()), responsibleUnits: z.array(z.string()),
  responsibleUnitsOpen: z.boolean(), deadline: z.string().nullable(), deadlineRaw: z.string().nullable(), annualTarget: z.string().nullable(),
  basis: z.array(z.string()), remarks: z.string().nullable(), notes: z.array(z.string()),
});

const FieldChange = z.object({ from: z.unknown(), to: z.unknown() });

export const DiffSchema = z.object({
  added: z.array(DiffTaskSchema).describe('修订稿中新增的任务（按修订稿序号）'),
  changed: z.array(z.object({
    seq: z.number().describe('修订稿中的序号'), taskId: z.number(), previousSeq: z.number(), text: z.string(),
    fields: z.record(z.string(), FieldChange).describe('字段 → {from, to}'),
  })),
  removed: z.array(DiffTaskSchema.extend({ id: z.number(), reportCount: z.number() }).describe('修订稿中已没有的任务（按现有序号）')),
  unchanged: z.number(),
}).describe('与已有方案的差异');

export const ImportViewSchema = z.object({
  id: z.number(),
  status: z.enum(['draft', 'committed', 'discarded']),
  fileName: z.string(),
  fileSize: z.number(),
  sha256: z.string(),
  format: z.string(),
  createdAt: z.string(),
  region: z.object({ id: z.number(), name: z.string() }),
  planId: z.number().nullable(),
  targetPlanId: z.number().nullable(),
  draft: DraftSchema,
  version: z.string().describe('草稿的版本；保存时放在 If-Match 请求头中，防止覆盖他人的修改'),
  warnings: z.array(ImportWarningSchema.extend({ excerpt: ImportWarningSchema.shape.excerpt.describe('原文中该位置的文字') })),
  unitMatches: z.array(z.object({ name: z.string(), unit: z.object({ id: z.number(), name: z.string() }).nullable() }))
    .describe('草稿中出现的每个单位名称及其在本区域匹配到的单位（null 为未匹配）'),
  problem: z.object({ code: z.string(), message: z.string(), path: z.string().nullable() }).nullable()
    .describe('草稿尚不能提交的原因（如缺少方案标题），修改草稿后消失'),
  diff: DiffSchema.optional().describe('重新导入时与已有方案的差异（草稿有效时）'),
});

const UnitMapping = z.record(z.string().min(1).max(200), z.union([Id, z.literal('new')]))
  .describe('草稿中的单位名称 → 已有单位 id 或 "new"（新建）；未列出的按名称、简称和词典匹配，匹配不到则新建');

export const CommitBody = z.object({
  regionId: Id.optional().describe('方案所属区域，默认为导入时确定的区域'),
  unitMapping: UnitMapping.optional(),
});

export const CommitResultSchema = z.object({
  planId: z.number(), indicators: z.number(), tasks: z.number(), targets: z.number(),
  unitsCreated: z.array(z.object({ id: z.number(), name: z.string() })),
});

const Seqs = z.array(z.number().int()).max(10_000);

export const ApplyBody = z.object({
  added: Seqs.default([]).describe('要新增的任务（修订稿序号）'),
  changed: Seqs.default([]).describe('要更新的任务（修订稿序号）'),
  removed: Seqs.default([]).describe('要删除的任务（现有序号）'),
  force: z.boolean().default(false).describe('删除已有进展报告的任务'),
  unitMapping: UnitMapping.optional(),
});

const Applied = z.array(z.object({ seq: z.number(), taskId: z.number() }));
export const ApplyResultSchema = z.object({ planId: z.number(), added: Applied, changed: Applied, removed: Applied });

export const AliasBody = z.object({ alias: z.string().trim().min(1).max(100) });
export const UnitAliasesSchema = z.object({ id: z.number(), name: z.string(), aliases: z.array(z.string()) });
