/** Request and response shapes of the problem (case) routes. */
import { z } from 'zod';
import { CASE_KINDS, CASE_SOURCES, CASE_STATES, SATISFACTIONS, SEVERITIES } from '../../domain/cases/case-model.ts';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const light = z.enum(['green', 'yellow', 'red', 'done']);

export const CaseCreateBody = z.object({
  source: z.enum(CASE_SOURCES), refNo: z.string().trim().max(100).nullish(), kind: z.enum(CASE_KINDS),
  title: z.string().trim().min(1).max(200), finding: z.string().trim().min(1).max(5000), place: z.string().trim().max(200).optional(),
  foundOn: isoDate, enterpriseName: z.string().trim().max(200).nullish(), creditCode: z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码应为 18 位').nullish().or(z.literal('')),
  contact: z.string().trim().max(200).nullish(), category: z.string().trim().max(100).optional(), severity: z.enum(SEVERITIES).optional(),
  planId: z.number().int().positive().nullish(), placeRegionId: z.number().int().positive().nullish(),
  /** 交办 at once when given. */
  leadUnitId: z.number().int().positive().optional(), coUnitIds: z.array(z.number().int().positive()).max(20).optional(),
});

export const Suggestion = z.object({ taskId: z.number(), seq: z.number(), indicatorId: z.number().nullable(), score: z.number(), explanation: z.string() });

export const CaseView = z.object({
  id: z.number(), regionId: z.number(), placeRegionId: z.number().nullable(), placeRegionName: z.string().nullable(), planId: z.number().nullable(),
  source: z.enum(CASE_SOURCES), refNo: z.string().nullable(), kind: z.enum(CASE_KINDS), title: z.string(), finding: z.string(), place: z.string(), foundOn: z.string(),
  enterpriseName: z.string().nullable(), creditCode: z.string().nullable(), contact: z.string().nullable().describe('仅优化办可见'),
  category: z.string(), severity: z.enum(SEVERITIES), state: z.enum(CASE_STATES),
  leadUnitId: z.number().nullable(), leadUnitName: z.string().nullable(), coUnitIds: z.array(z.number()), coUnitNames: z.array(z.string()),
  assignedOn: z.string().nullable(), dueOn: z.string().nullable(), originalDueOn: z.string().nullable(), repliedOn: z.string().nullable(),
  finishedOn: z.string().nullable(), closedOn: z.string().nullable(), satisfaction: z.enum(SATISFACTIONS).nullable(), returns: z.number(), reopens: z.number(),
  taskIds: z.array(z.number()), tasks: z.array(z.object({ id: z.number(), seq: z.number(), text: z.string() })),
  indicatorId: z.number().nullable(), indicatorName: z.string().nullable(), suggestions: z.array(Suggestion),
  extensionRequest: z.object({ proposedDueOn: z.string(), reason: z.string(), requestedOn: z.string(), unitId: z.number() }).nullable(),
  light, lightReason: z.string(), createdAt: z.string(),
});

export const CaseFile = z.object({
  id: z.number(), fileName: z.string(), contentType: z.string(), size: z.number(), unitName: z.string().nullable().describe('上传单位；优化办上传时为空'), uploaderName: z.string().nullable(), createdAt: z.string(),
});

export const CaseEvent = z.object({
  id: z.number(), step: z.string(), day: z.string(), at: z.string(), actorName: z.string().nullable(), unitName: z.string().nullable(), text: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const CaseListQuery = z.object({
  planId: z.coerce.number().int().positive().optional(), source: z.enum(CASE_SOURCES).optional(),
  state: z.string().max(200).optional().describe('逗号分隔的状态').transform((s) => s?.split(',').filter(Boolean)).pipe(z.array(z.enum(CASE_STATES)).optional()),
  unitId: z.coerce.number().int().positive().optional(), placeRegionId: z.coerce.number().int().positive().optional(), indicatorId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => v === 'true'), todo: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const Rates = z.object({
  total: z.number(), finished: z.number(), onTime: z.number(), overdue: z.number(), visited: z.number(), satisfied: z.number(), dissatisfied: z.number(),
  repeated: z.number(), replied: z.number(), returned: z.number(),
  onTimeRate: z.number().nullable().describe('按期办结率 %'), satisfactionRate: z.number().nullable().describe('满意率 %'), returnRate: z.number().nullable().describe('退回率 %'),
});
const RateGroup = Rates.extend({ key: z.string(), name: z.string() });
export const CaseStats = z.object({ all: Rates, bySource: z.array(RateGroup), byUnit: z.array(RateGroup), byCounty: z.array(RateGroup), byIndicator: z.array(RateGroup) });

export const CaseRulesBody = z.object({
  kindWorkdays: z.object(Object.fromEntries(CASE_KINDS.map((k) => [k, z.number().int().min(1).max(120)])) as Record<(typeof CASE_KINDS)[number], z.ZodNumber>),
  nearWorkdays: z.number().int().min(0).max(30), taskLightRule: z.enum(['off', 'downgrade', 'red']),
});
