import { z } from 'zod';
import { RegionRef } from './common.schema.ts';

export const PlanSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  year: z.number(),
  layout: z.enum(['table', 'prose']),
  region: RegionRef,
  indicatorCount: z.number(),
  taskCount: z.number(),
});

export const IndicatorSchema = z.object({
  id: z.number(),
  seq: z.number(),
  kind: z.enum(['indicator', 'section']),
  name: z.string(),
  scope: z.string().nullable(),
  leader: z.string().nullable(),
  annualTarget: z.string().nullable(),
  leadUnits: z.array(z.string()),
  aliases: z.array(z.string()),
  taskCount: z.number(),
  subIndicators: z.array(z.object({ code: z.string().nullable(), name: z.string(), taskCount: z.number() })),
});

export const PlanDetailSchema = PlanSummarySchema.extend({
  responsibleUnitsNote: z.string().nullable(),
  basis: z.array(z.string()),
  indicators: z.array(IndicatorSchema),
  permissions: z.object({ manage: z.boolean() }),
});
