import { z } from 'zod';

const periodKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-[1-3])?$|^\d{4}-Q[1-4]$/, '报告期格式：2023-06、2023-06-2（旬）或 2023-Q2');

export const ReportBody = z.object({
  period: periodKey,
  status: z.enum(['not_started', 'in_progress', 'done', 'blocked']).describe('未启动 / 推进中 / 已完成 / 无法按期完成'),
  percent: z.number().int().min(0).max(100),
  workDone: z.string().trim().min(1, '请填写本期工作进展').max(5000),
  problems: z.string().max(5000).optional(),
  helpNeeded: z.string().max(5000).optional(),
  targetValues: z.array(z.object({ targetId: z.number().int().positive(), value: z.number().finite() })).max(50).optional(),
  consolidates: z.array(z.number().int().positive()).max(200).optional().describe('牵头单位汇总的责任单位报告 id'),
  highlight: z.string().max(2000).nullish().describe('工作亮点，供工作专报选用'),
  idempotencyKey: z.string().min(8).max(100).optional().describe('客户端生成的幂等键，重试不会重复提交'),
  submit: z.boolean().optional().describe('true 表示直接提交，否则保存草稿'),
});

export const ReviewBody = z.object({ decision: z.enum(['accept', 'return']), comment: z.string().max(2000).optional() });

export const AttachmentSchema = z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), size: z.number(), createdAt: z.string() });

export const ReportSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  unit: z.object({ id: z.number(), name: z.string() }),
  period: z.string(),
  version: z.number(),
  role: z.enum(['responsible', 'lead']),
  state: z.enum(['draft', 'submitted', 'returned', 'accepted']),
  status: z.enum(['not_started', 'in_progress', 'done', 'blocked']),
  percent: z.number(),
  workDone: z.string(),
  problems: z.string(),
  helpNeeded: z.string(),
  targetValues: z.array(z.object({ targetId: z.number(), value: z.number() })),
  consolidates: z.array(z.number()),
  highlight: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  attachments: z.array(AttachmentSchema),
  reportDueOn: z.string().nullable().describe('本期报告截止日'),
  filedLate: z.boolean().describe('逾期报送（补报）'),
  permissions: z.object({
    review: z.boolean().describe('可审核（通过/退回）：已提交的报告，汇总报告由优化办、责任单位报告由牵头单位审核'),
    completeTask: z.boolean().describe('可据此报告办结审核：已通过且状态为已完成的汇总报告，任务尚未办结（优化办）'),
  }).describe('当前用户对此报告可做的操作'),
});

export const ReportList = z.object({ items: z.array(ReportSchema) });
