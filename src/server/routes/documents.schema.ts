/** Request and response schemas of the documents (公文) and practice-note routes. */
import { z } from 'zod';
import { reportDocumentSchema, reportKindSchema } from '../../reports/index.ts';

const periodKey = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-[1-3])?|-Q[1-4]|-H[12])?$/, '期间格式：2023-06、2023-06-2（旬）、2023-Q2、2023-H1 或 2023');

export const ResultsBody = z.object({
  indicators: z.array(z.object({
    seq: z.number().int().positive().describe('方案中的指标序号'),
    rank: z.number().int().positive().nullable().describe('在省评价中的排名'),
    benchmark: z.boolean().optional().describe('被评为全省先进标杆'),
  })).max(100),
  places: z.array(z.object({ name: z.string().min(1).max(100), kind: z.string().min(1).max(20).describe('county / district / park'), rank: z.number().int().positive().nullable() })).max(500),
}).describe('评价结果（尚未录入评价轮次时由调用方提供）');

export const CreateDocumentBody = z.object({
  kind: reportKindSchema.describe('dekad-brief 旬简报 / monthly-notice 月通报 / quarterly-summary 季度小结 / half-year-review 半年讲评 / annual-summary 年终总结 / work-bulletin 工作专报 / commendation 表彰通报 / supervision-order 督办单'),
  period: periodKey,
  orderId: z.number().int().positive().optional().describe('督办单：所印的督办记录 id（期间内只有一份时可省略）'),
  results: ResultsBody.optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写作 YYYY-MM-DD').optional().describe('成文日期（默认：期间结束日，期间未结束时为当天）'),
});

export const UpdateDocumentBody = z.object({
  model: z.unknown().describe('编辑后的文稿模型（GET 返回的 model 结构），由公文引擎校验'),
  version: z.string().max(100).optional().describe('读取时的 version：草稿其间已被他人修改时返回 409 EDIT_CONFLICT，不覆盖对方的修改'),
});

export const RegenerateBody = z.object({ results: ResultsBody.optional() }).nullish();

export const DocumentSummarySchema = z.object({
  id: z.number(),
  planId: z.number(),
  kind: reportKindSchema,
  kindLabel: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  status: z.enum(['draft', 'issued']),
  title: z.string(),
  number: z.string().nullable().describe('文号或期数，印发时编定'),
  orderId: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  issuedAt: z.string().nullable(),
  hasPdf: z.boolean(),
  permissions: z.object({ edit: z.boolean(), issue: z.boolean() }),
});

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  model: reportDocumentSchema,
  version: z.string().describe('草稿内容的版本，保存时带回'),
  html: z.string().describe('HTML 预览片段（含样式）'),
  notes: z.array(z.string()).describe('数据未能填写、待优化办补充的部分（文稿中标有【待补充】）；印发前须补充或删除'),
});

export const LayoutQuery = z.object({ layout: z.enum(['ten', 'six']).optional().describe('ten 十列（邵阳式）/ six 六列（永州式）；省略时按方案自身的列') });

export const PracticeNoteBody = z.object({
  period: periodKey,
  group: z.enum(['county', 'department', 'tactic']).describe('county 县市区 / department 市直部门 / tactic 战术借鉴'),
  unitId: z.number().int().positive().nullish(),
  regionId: z.number().int().positive().nullish(),
  text: z.string().trim().min(1).max(5000),
});

export const PracticeNoteSchema = z.object({
  id: z.number(), planId: z.number(), period: z.string(), group: z.enum(['county', 'department', 'tactic']),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(), region: z.object({ id: z.number(), name: z.string() }).nullable(),
  text: z.string(), createdAt: z.string(),
});
