/**
 * The plan's responsibility table (责任分工表) as XLSX, from the stored plan in the import shape,
 * in seed 000's ten-column or seed 001's six-column layout. Units are written as the plan wrote
 * them (task_units.written_name), so the export reads back through the importer to the same tasks.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { ImportedTask } from '../../../domain/plan-import.ts';
import type { Db } from '../../../db/client.ts';
import { indicators, plans, taskUnits, tasks } from '../../../db/schema.ts';
import type { ResponsibilityPlan } from '../../../reports/index.ts';
import { render } from '../../files/render-pool.ts';
import { appError } from '../../../domain/errors.ts';

export type TableLayout = 'ten' | 'six';

/** The stored plan in the import shape the XLSX writers take. */
export async function responsibilityPlan(db: Db, planId: number): Promise<ResponsibilityPlan> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw appError('PLAN_NOT_FOUND');
  const inds = await db.select().from(indicators).where(eq(indicators.planId, planId)).orderBy(asc(indicators.seq));
  const rows = await db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.seq));
  const links = rows.length ? await db.select().from(taskUnits).where(inArray(taskUnits.taskId, rows.map((t) => t.id))).orderBy(asc(taskUnits.position)) : [];
  const seqOf = new Map(inds.map((i) => [i.id, i.seq]));
  const names = (taskId: number, role: 'lead' | 'responsible') => links.filter((l) => l.taskId === taskId && l.role === role).map((l) => l.writtenName);
  return {
    title: plan.title,
    year: plan.year,
    responsibleUnitsNote: plan.responsibleUnitsNote,
    indicators: inds.map((i) => ({ seq: i.seq, kind: i.kind, name: i.name, scope: i.scope, leader: i.leader, annualTarget: i.annualTarget, aliases: i.aliases, leadUnits: i.leadUnits })),
    tasks: rows.map((t): ImportedTask => ({
      seq: t.seq, seqCn: t.seqCn, indicatorSeq: t.indicatorId === null ? null : (seqOf.get(t.indicatorId) ?? null),
      subIndicatorCode: t.subIndicatorCode, subIndicator: t.subIndicator, text: t.text, leader: t.leader,
      units: { lead: names(t.id, 'lead'), responsible: names(t.id, 'responsible'), open: t.responsibleUnitsOpen },
      deadline: t.deadline, deadlineRaw: t.deadlineRaw, annualTarget: t.annualTarget, basis: t.basis, remarks: t.remarks, notes: t.notes, uncertain: t.uncertain,
    })),
  };
}

/**
 * The layout matching the plan's own columns: a plan with 责任领导, 二级指标, 年度目标 or 文件依据
 * came from a ten-column table (seed 000); one without them fits seed 001's six columns.
 */
export function planLayout(plan: ResponsibilityPlan): TableLayout {
  const ten = plan.tasks.some((t) => t.leader !== null || t.subIndicator !== null || t.annualTarget !== null || t.basis.length > 0 || t.remarks !== null);
  return ten ? 'ten' : 'six';
}

/** The XLSX bytes of the plan's responsibility table in the given (or the plan's own) layout. */
export async function responsibilityTableXlsx(db: Db, planId: number, layout?: TableLayout): Promise<{ bytes: Uint8Array; layout: TableLayout; title: string }> {
  const plan = await responsibilityPlan(db, planId);
  const chosen = layout ?? planLayout(plan);
  // Rendered in the render pool's thread, not on the request thread.
  const bytes = await render({ kind: chosen === 'ten' ? 'responsibility-xlsx' : 'task-list-xlsx', plan });
  return { bytes, layout: chosen, title: plan.title };
}
