/**
 * Test factories: records made to measure, so a test states the figures it checks instead of
 * relying on the seed plans' counts.
 */
import type { Database } from '../../db/client.ts';
import { insertPlan } from '../../db/plans/write-plan.ts';
import type { ImportedTask, PlanImport } from '../../domain/plan-import.ts';

export interface PlanSpec {
  regionId: number;
  /** How many tasks, spread round-robin over the indicators. */
  tasks: number;
  indicators?: number;
  title?: string;
  year?: number;
  /** Lead unit names of every task (created in the region when unknown). */
  leadUnits?: string[];
  /** Deadline of every task, YYYY-MM-DD or YYYY-MM. */
  deadline?: string | null;
}

function task(seq: number, indicatorSeq: number, spec: PlanSpec): ImportedTask {
  return {
    seq, seqCn: null, indicatorSeq, subIndicatorCode: null, subIndicator: null, text: `测试任务${seq}：按期完成工作。`,
    leader: null, units: { lead: spec.leadUnits ?? ['测试牵头单位'], responsible: [], open: false },
    deadline: spec.deadline ?? null, deadlineRaw: spec.deadline ?? null, annualTarget: null, basis: [], remarks: null, notes: [], uncertain: [],
  };
}

/** Creates a plan with exactly `spec.tasks` tasks in `spec.indicators` (default 1) indicators; returns its id. */
export async function createPlan(database: Database, spec: PlanSpec): Promise<number> {
  const indicatorCount = spec.indicators ?? 1;
  const plan: PlanImport = {
    title: spec.title ?? `测试方案（${spec.tasks}项任务）`, issuer: null, docNumber: null, issuedOn: null, regionName: null,
    year: spec.year ?? 2023, layout: 'table', responsibleUnitsNote: null, basis: [],
    indicators: Array.from({ length: indicatorCount }, (_, i) => ({
      seq: i + 1, kind: 'indicator' as const, name: `测试指标${i + 1}`, scope: null, leader: null, annualTarget: null, aliases: [], leadUnits: [],
    })),
    tasks: Array.from({ length: spec.tasks }, (_, i) => task(i + 1, (i % indicatorCount) + 1, spec)),
  };
  return database.db.transaction((tx) => insertPlan(tx, spec.regionId, plan, null, { kind: 'test-factory' }));
}
