import { z } from 'zod';
import { UnitRefSchema } from './common.schema.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM 格式的月份');

/** Filters shared by the plan's task list and the cross-plan task list. */
export const TaskFilterQuery = z.object({
  indicator: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('一级指标 id'),
  subIndicator: z.string().max(200).optional().describe('二级指标名称'),
  unit: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('单位 id'),
  role: z.enum(['lead', 'responsible']).optional().describe('单位角色：牵头 lead / 责任 responsible（与 unit 同用）'),
  deadlineFrom: month.optional().describe('完成时限起（含），YYYY-MM'),
  deadlineTo: month.optional().describe('完成时限止（含），YYYY-MM'),
  q: z.string().trim().max(200).optional().describe('全文搜索：举措、二级指标、备注、单位'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const CrossPlanTaskQuery = TaskFilterQuery.extend({
  plan: z.coerce.number().int().positive().max(2_147_483_647).optional().describe('方案 id'),
});

export const TaskSchema = z.object({
  id: z.number(),
  planId: z.number(),
  seq: z.number(),
  seqCn: z.string().nullable(),
  indicator: z.object({ id: z.number(), seq: z.number(), name: z.string(), kind: z.enum(['indicator', 'section']) }).nullable(),
  subIndicatorCode: z.string().nullable(),
  subIndicator: z.string().nullable(),
  text: z.string(),
  leader: z.string().nullable(),
  leadUnits: z.array(UnitRefSchema),
  responsibleUnits: z.array(UnitRefSchema),
  responsibleUnitsOpen: z.boolean(),
  deadline: z.string().nullable(),
  deadlineRaw: z.string().nullable(),
  annualTarget: z.string().nullable(),
  basis: z.array(z.string()),
  remarks: z.string().nullable(),
  notes: z.array(z.string()),
  uncertain: z.array(z.string()),
});

export const TaskPage = z.object({ items: z.array(TaskSchema), total: z.number(), page: z.number(), pageSize: z.number() });

export const TargetSchema = z.object({
  id: z.number(),
  metric: z.string().describe('指标短语，如 企业开办全流程'),
  comparator: z.string().describe('le ≤ / ge ≥ / eq = / range 区间'),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().describe('个工作日、小时、% …'),
  source: z.string().describe('原文片段'),
});

export const TaskDetail = TaskSchema.extend({
  plan: z.object({ id: z.number(), title: z.string() }),
  targets: z.array(TargetSchema).describe('任务文本中的量化目标'),
  permissions: z.object({
    edit: z.boolean().describe('可修改任务（优化办）'),
    report: z.boolean().describe('可填报进展：本单位（或所属集体单位）牵头或负责的任务'),
    consolidate: z.boolean().describe('可汇总：本单位牵头的任务'),
    requestExtension: z.boolean().describe('可申请延期：本单位任务、未办结、有时限且（延期后的）时限未过'),
    urge: z.boolean().describe('可催办、下发督办单（优化办）'),
    complete: z.boolean().describe('可办结审核：牵头单位最近一次通过的汇总报告为已完成，任务未办结（优化办）'),
  }).describe('当前用户对此任务可做的操作'),
  supervision: z.object({
    plannedDueOn: z.string().nullable().describe('方案原定时限'),
    dueOn: z.string().nullable().describe('现行时限（批准延期后为延期后的日期）'),
    extended: z.boolean(),
    ongoing: z.boolean().describe('持续推进/长期坚持：每期报送，不计逾期'),
    completedOn: z.string().nullable().describe('办结日期：单位报告完成之日（经办结审核）'),
    light: z.enum(['green', 'yellow', 'red', 'done']),
    reasons: z.array(z.string()),
    overdue: z.boolean(),
    nearDue: z.boolean(),
  }).describe('督办状态（服务端按方案设置计算）'),
});

const UnitIds = z.array(z.number().int().positive().max(2_147_483_647)).max(100);

/** What an office may change in a task without re-importing the plan. */
export const TaskChangesBody = z.object({
  text: z.string().trim().min(1).max(5000).optional(),
  deadlineRaw: z.string().trim().max(100).nullable().optional().describe('完成时限，如“2023年6月”“2023年底”“长期坚持”'),
  indicatorId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  leadUnitIds: UnitIds.optional(),
  responsibleUnitIds: UnitIds.optional(),
});
