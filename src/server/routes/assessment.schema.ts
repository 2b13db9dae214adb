/** Request and response schemas of the assessment routes (they also produce the OpenAPI entries). */
import { z } from 'zod';
import { BandsSchema } from '../../evaluation/bands.ts';
import { ConsequenceRuleSetSchema } from '../../evaluation/consequence-rules.ts';

const Rank = z.number().int().positive().max(10_000);
const Score = z.number().finite().nullable().optional();
const sizes = z.object({
  indicator: z.number().int().positive().max(10_000), county: z.number().int().positive().max(10_000),
  district: z.number().int().positive().max(10_000), park: z.number().int().positive().max(10_000),
});

export const FieldSizesSchema = sizes.describe('参评总数：指标（全省市州数）、县市、市辖区、园区');

export const RoundBody = z.object({
  title: z.string().trim().min(1).max(200).describe('如“2023年度省营商环境评价”'),
  period: z.string().trim().min(1).max(20).describe('评价期，如 2023、2023-H1'),
  methodologyKey: z.string().max(50).nullish(),
  methodologyVersion: z.string().max(50).nullish(),
  fieldSizes: sizes.partial().optional(),
});

export const RoundPatch = RoundBody.partial();

export const RoundSchema = z.object({
  id: z.number(), planId: z.number(), title: z.string(), period: z.string(), methodologyKey: z.string().nullable(), methodologyVersion: z.string().nullable(),
  fieldSizes: FieldSizesSchema, createdAt: z.string(), updatedAt: z.string(),
  indicatorRanks: z.number().optional(), placeRanks: z.number().optional(),
  permissions: z.object({ manage: z.boolean() }),
});

export const IndicatorRanksBody = z.object({
  items: z.array(z.object({ indicatorId: z.number().int().positive(), rank: Rank, score: Score })).max(500),
}).describe('本市各指标的全省排名（整表替换）');

export const PlaceRanksBody = z.object({
  items: z.array(z.object({ regionId: z.number().int().positive(), rank: Rank, score: Score })).max(2000),
}).describe('县市区、园区的全省排名（整表替换）');

const overrides = z.record(z.string().regex(/^\d+$/, '应为编号'), Rank.nullable());
export const WhatIfBody = z.object({
  indicatorRanks: overrides.optional().describe('指标编号 → 假设排名（null 为未排名）'),
  placeRanks: overrides.optional().describe('地区编号 → 假设排名'),
});

const UnitRef = z.object({ id: z.number().nullable(), name: z.string() });
const BandRef = z.object({ key: z.string(), label: z.string() }).nullable();
const Consequence = z.object({
  ruleId: z.string(), action: z.string(), actionLabel: z.string(), subjectKind: z.string(), subjectId: z.number(), subject: z.string(),
  rank: z.number(), total: z.number(), condition: z.string(), quote: z.string().nullable(), source: z.string().nullable(), units: z.array(UnitRef), persons: z.array(z.string()),
});

export const ResultsSchema = z.object({
  round: z.object({ id: z.number(), planId: z.number(), title: z.string(), period: z.string(), methodologyKey: z.string().nullable(), methodologyVersion: z.string().nullable(), fieldSizes: FieldSizesSchema }),
  rules: z.object({ id: z.string(), version: z.string(), label: z.string(), source: z.string().nullable() }).nullable().describe('方案的考核规则；null 表示本方案未设置考核规则（不计算后果）'),
  indicators: z.array(z.object({
    indicatorId: z.number(), seq: z.number(), name: z.string(), annualTarget: z.string().nullable(), targetRank: z.number().nullable(),
    rank: z.number().nullable(), total: z.number(), score: z.number().nullable(), targetMet: z.boolean().nullable(), band: BandRef,
    leadUnits: z.array(UnitRef), responsibleUnits: z.array(UnitRef),
  })),
  places: z.array(z.object({
    kind: z.enum(['county', 'district', 'park']), label: z.string(), total: z.number(),
    items: z.array(z.object({ regionId: z.number(), name: z.string(), rank: z.number().nullable(), score: z.number().nullable(), band: BandRef })),
  })),
  consequences: z.array(Consequence),
  skipped: z.array(z.object({ subjectKind: z.string(), subject: z.string(), ruleId: z.string(), reason: z.string() })),
  commendations: z.object({
    indicatorAwards: z.array(z.object({
      seq: z.number(), indicator: z.string(), rank: z.number().nullable(), annualTarget: z.string().nullable(), reason: z.enum(['target-reached', 'benchmark']),
      leadUnits: z.array(z.string()), keyResponsibleUnits: z.array(z.string()),
    })),
    placeAwards: z.array(z.object({ kind: z.string(), name: z.string(), rank: z.number() })),
  }),
});

export const WhatIfSchema = ResultsSchema.extend({
  changes: z.object({ added: z.array(Consequence), removed: z.array(Consequence) }).describe('与实际结果相比新增、消除的后果'),
});

export const WeightsSchema = z.object({
  onTimeReport: z.number().min(0).max(1000), completion: z.number().min(0).max(1000), overdue: z.number().min(0).max(1000),
  returned: z.number().min(0).max(1000), extensions: z.number().min(0).max(1000),
}).describe('按时报送率、完成率、逾期任务、退回报告、延期申请的权重（按总和归一）');

export const UnitAssessmentSchema = z.object({
  period: z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() }),
  weights: WeightsSchema,
  units: z.array(z.object({
    unitId: z.number(), unit: z.string(), period: z.string(), tasks: z.number(), onTimeReportRate: z.number(), completionRate: z.number(),
    overdueTasks: z.number(), returnedReports: z.number(), extensions: z.number(), score: z.number().nullable(), rank: z.number().nullable(), parts: WeightsSchema,
  })),
  best: z.array(z.object({ unitId: z.number(), unit: z.string() })).describe('骏马单位'),
  worst: z.array(z.object({ unitId: z.number(), unit: z.string() })).describe('蜗牛单位'),
});

export const RulesBody = z.object({
  consequenceRules: z.record(z.string(), z.unknown()).nullable().optional().describe('考核规则（结构见评价引擎；可从模板开始编辑；null 清除：本方案不设考核规则）'),
  bands: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).nullable().optional().describe('各对象的等次定义；null 恢复默认'),
});

export const RulesSchema = z.object({
  consequenceRules: ConsequenceRuleSetSchema.nullable().describe('null：本方案未设置考核规则'),
  bands: z.record(z.string(), BandsSchema),
  weights: WeightsSchema,
  custom: z.object({ rules: z.boolean(), bands: z.boolean(), weights: z.boolean() }),
});

export const RuleTemplatesSchema = z.object({
  templates: z.array(z.object({ key: z.string(), label: z.string(), rules: ConsequenceRuleSetSchema })),
});
