/**
 * Excel exports of a plan's lists and boards, each with the filters the screen applied and its
 * 期/日期 in the title: tasks, 预警, progress of a period, urges and their replies, extension
 * requests. The figures come from the same sources as the screens (plan-status.ts for lights).
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { parsePeriod } from '../../../domain/supervision/periods.ts';
import { schedulePeriodContaining } from '../../../domain/supervision/plan-periods.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { listTasks, type TaskFilter } from '../../../db/queries/task-query.ts';
import { indicators, plans, tasks, units } from '../../../db/schema.ts';
import { extensionRequests, progressReports, urges } from '../../../db/supervision-schema.ts';
import type { Cell, ListSheet } from '../../../reports/xlsx/list-sheet.ts';
import { render } from '../../files/render-pool.ts';
import type { SheetColumn } from '../../../reports/xlsx/sheet-style.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { visiblePlan } from '../../policies/plan.policy.ts';
import { visibleExtensionRequests, visibleUrges } from '../../policies/supervision.policy.ts';
import { visibleTasks } from '../../policies/task.policy.ts';
import { planStatus } from '../supervision/plan-status.ts';
import { EXTENSION_STATE_NAMES, LIGHT_NAMES, REPORT_STATE_NAMES, REPORT_STATUS_NAMES, URGE_KIND_NAMES, asOfDay, cnDate, cnDateTime } from './export-labels.ts';

export interface ExportFile { fileName: string; bytes: Uint8Array }
type Plan = typeof plans.$inferSelect;

const SEQ: SheetColumn = { header: '序号', width: 6, align: 'center' };
const INDICATOR: SheetColumn = { header: '一级指标', width: 16 };
const TASK: SheetColumn = { header: '重点工作任务', width: 50 };
const LEAD: SheetColumn = { header: '牵头单位', width: 18 };

/** A plan the actor may see; units only for their own lists (tasks, urges, extensions). */
export async function loadExportPlan(db: Db, actor: Actor, planId: number, unitsToo = false): Promise<Plan> {
  const [plan] = await db.select().from(plans).where(visiblePlan(actor, planId));
  if (!plan || (!unitsToo && actor.role === 'unit') || actor.role === 'admin') throw appError('PLAN_NOT_FOUND');
  return plan;
}

async function file(plan: Plan, what: string, sheet: Omit<ListSheet, 'title' | 'name'>): Promise<ExportFile> {
  return { fileName: `${plan.title}-${what}（${sheet.asOf.replace(/^截至/, '')}）.xlsx`, bytes: await render({ kind: 'list-workbook', sheets: [{ ...sheet, name: what, title: `${plan.title} ${what}` }] }) };
}

/** Names of the filters a list was drawn with: indicator, unit … */
export async function filterNames(db: Db, f: { indicatorId?: number; unitId?: number }): Promise<{ indicator?: string; unit?: string }> {
  const [ind] = f.indicatorId ? await db.select({ name: indicators.name }).from(indicators).where(eq(indicators.id, f.indicatorId)) : [];
  const [unit] = f.unitId ? await db.select({ name: units.name }).from(units).where(eq(units.id, f.unitId)) : [];
  return { indicator: ind?.name, unit: unit?.name };
}

function unitNames(list: { name: string }[]): string {
  return list.map((u) => u.name).join('、');
}

/** The plan's tasks as the task list shows them with its filters, with each task's light. */
export async function exportTasks(db: Db, actor: Actor, plan: Plan, filter: TaskFilter, day: string, calendar: WorkCalendar): Promise<ExportFile> {
  const { items } = await listTasks(db, visibleTasks(actor), { ...filter, planId: plan.id }, 1, 100_000);
  const status = new Map((await planStatus(db, plan.id, day, calendar, { taskIds: items.map((t) => t.id) })).tasks.map((s) => [s.taskId, s]));
  const names = await filterNames(db, filter);
  const filters = [
    names.indicator && `一级指标：${names.indicator}`, names.unit && `单位：${names.unit}${filter.role ? `（${filter.role === 'lead' ? '牵头' : '责任'}）` : ''}`,
    filter.deadlineFrom && `完成时限起：${filter.deadlineFrom}`, filter.deadlineTo && `完成时限止：${filter.deadlineTo}`, filter.q && `关键词：${filter.q}`,
  ].filter((x): x is string => Boolean(x));
  const rows: Cell[][] = items.map((t) => {
    const s = status.get(t.id);
    return [t.seq, t.indicator?.name ?? '', t.text, t.deadlineRaw ?? '', unitNames(t.leadUnits), unitNames(t.responsibleUnits), s ? LIGHT_NAMES[s.light] : '', cnDate(s?.completedOn)];
  });
  return file(plan, '任务清单', {
    asOf: asOfDay(day), filters, rows,
    columns: [SEQ, INDICATOR, TASK, { header: '完成时限', width: 12, align: 'center' }, LEAD, { header: '责任单位', width: 30 }, { header: '督办状态', width: 9, align: 'center' }, { header: '办结日期', width: 14, align: 'center' }],
  });
}

export interface LightFilter { light?: keyof typeof LIGHT_NAMES; indicatorId?: number; unitId?: number }

/** 预警: the plan's tasks with their lights and reasons, filtered as the board is. */
export async function exportLights(db: Db, plan: Plan, filter: LightFilter, day: string, calendar: WorkCalendar): Promise<ExportFile> {
  const status = await planStatus(db, plan.id, day, calendar);
  const { items } = await listTasks(db, eq(tasks.planId, plan.id), { planId: plan.id, unitId: filter.unitId }, 1, 100_000);
  const byId = new Map(items.map((t) => [t.id, t]));
  const rows: Cell[][] = status.tasks
    .filter((s) => (!filter.light || s.light === filter.light) && (!filter.indicatorId || s.indicatorId === filter.indicatorId) && byId.has(s.taskId))
    .map((s) => {
      const t = byId.get(s.taskId)!;
      return [s.seq, t.indicator?.name ?? '', t.text, unitNames(t.leadUnits), s.ongoing ? '持续推进' : cnDate(s.dueOn), LIGHT_NAMES[s.light], s.reasons.join('；')];
    });
  const names = await filterNames(db, filter);
  const period = schedulePeriodContaining(status.schedule, day);
  const filters = [filter.light && `预警：${LIGHT_NAMES[filter.light]}`, names.indicator && `一级指标：${names.indicator}`, names.unit && `单位：${names.unit}`].filter((x): x is string => Boolean(x));
  return file(plan, '预警清单', {
    asOf: `${period.label}，${asOfDay(day)}`, filters, rows,
    columns: [SEQ, INDICATOR, TASK, LEAD, { header: '完成时限', width: 14, align: 'center' }, { header: '预警', width: 8, align: 'center' }, { header: '预警原因', width: 30 }],
  });
}

/** Progress of a period: each task's lead report(s) for the period (latest version), or 未报送. */
export async function exportProgress(db: Db, plan: Plan, periodKey: string | undefined, day: string, calendar: WorkCalendar): Promise<ExportFile> {
  const status = await planStatus(db, plan.id, day, calendar);
  const period = periodKey ? parsePeriod(periodKey) : schedulePeriodContaining(status.schedule, day);
  if (!period) throw appError('VALIDATION_FAILED', `报告期“${periodKey ?? ''}”格式不正确，应如 2023-06、2023-06-2、2023-Q2`, { field: 'period' });
  const { items } = await listTasks(db, eq(tasks.planId, plan.id), { planId: plan.id }, 1, 100_000);
  const reports = await db.select({ r: progressReports, unit: units.name }).from(progressReports).innerJoin(units, eq(units.id, progressReports.unitId))
    .where(and(inArray(progressReports.taskId, items.map((t) => t.id).concat(-1)), eq(progressReports.period, period.key), eq(progressReports.role, 'lead'), ne(progressReports.state, 'draft')))
    .orderBy(asc(progressReports.taskId), asc(progressReports.unitId), desc(progressReports.version));
  const rows: Cell[][] = items.map((t) => {
    const latest = reports.filter((x, i) => x.r.taskId === t.id && reports.findIndex((y) => y.r.taskId === t.id && y.r.unitId === x.r.unitId) === i);
    const multi = latest.length > 1;
    const each = (f: (x: (typeof latest)[number]) => string) => latest.map((x) => (multi ? `${x.unit}：${f(x)}` : f(x))).join('\n');
    return [t.seq, t.indicator?.name ?? '', t.text, unitNames(t.leadUnits), latest.length ? each((x) => REPORT_STATE_NAMES[x.r.state]) : '未报送',
      each((x) => REPORT_STATUS_NAMES[x.r.status]), each((x) => `${x.r.percent}%`), each((x) => x.r.workDone), each((x) => x.r.problems)];
  });
  return file(plan, '工作进展', {
    asOf: period.label, filters: [], rows,
    columns: [SEQ, INDICATOR, { ...TASK, width: 36 }, LEAD, { header: '报送情况', width: 9, align: 'center' }, { header: '进展状态', width: 9, align: 'center' },
      { header: '完成进度', width: 8, align: 'center' }, { header: '工作进展', width: 44 }, { header: '存在问题', width: 24 }],
  });
}

export interface UrgeFilter { kind?: 'reminder' | 'order'; replied?: boolean }

/** Urges and supervision orders of the plan with their replies. */
export async function exportUrges(db: Db, actor: Actor, plan: Plan, filter: UrgeFilter, day: string): Promise<ExportFile> {
  const rows = await db.select({ u: urges, seq: tasks.seq, text: tasks.text, unit: units.name }).from(urges)
    .innerJoin(tasks, eq(tasks.id, urges.taskId)).innerJoin(units, eq(units.id, urges.unitId))
    .where(and(eq(tasks.planId, plan.id), visibleTasks(actor), visibleUrges(actor), filter.kind ? eq(urges.kind, filter.kind) : undefined,
      filter.replied === undefined ? undefined : filter.replied ? isNotNull(urges.repliedAt) : isNull(urges.repliedAt)))
    .orderBy(asc(urges.createdAt), asc(urges.id));
  const filters = [filter.kind && `类别：${URGE_KIND_NAMES[filter.kind]}`, filter.replied !== undefined && `回复：${filter.replied ? '已回复' : '未回复'}`].filter((x): x is string => Boolean(x));
  return file(plan, '催办督办及回复', {
    asOf: asOfDay(day), filters,
    rows: rows.map((r, i) => [i + 1, URGE_KIND_NAMES[r.u.kind], r.u.number ?? '', r.seq, r.text, r.unit, r.u.message, cnDateTime(r.u.createdAt), cnDate(r.u.replyBy), r.u.reply ?? '未回复', cnDateTime(r.u.repliedAt)]),
    columns: [SEQ, { header: '类别', width: 8, align: 'center' }, { header: '文号', width: 18 }, { header: '任务序号', width: 6, align: 'center' }, { ...TASK, width: 36 },
      { header: '被督办单位', width: 16 }, { header: '督办内容', width: 30 }, { header: '下发时间', width: 17 }, { header: '回复期限', width: 14 }, { header: '回复内容', width: 30 }, { header: '回复时间', width: 17 }],
  });
}

/** Extension requests of the plan (optionally of one state). */
export async function exportExtensions(db: Db, actor: Actor, plan: Plan, state: keyof typeof EXTENSION_STATE_NAMES | undefined, day: string): Promise<ExportFile> {
  const rows = await db.select({ e: extensionRequests, seq: tasks.seq, text: tasks.text, unit: units.name }).from(extensionRequests)
    .innerJoin(tasks, eq(tasks.id, extensionRequests.taskId)).innerJoin(units, eq(units.id, extensionRequests.unitId))
    .where(and(eq(tasks.planId, plan.id), visibleTasks(actor), visibleExtensionRequests(actor), state ? eq(extensionRequests.state, state) : undefined))
    .orderBy(asc(extensionRequests.createdAt), asc(extensionRequests.id));
  return file(plan, '延期申请', {
    asOf: asOfDay(day), filters: state ? [`状态：${EXTENSION_STATE_NAMES[state]}`] : [],
    rows: rows.map((r, i) => [i + 1, r.seq, r.text, r.unit, cnDateTime(r.e.createdAt), cnDate(r.e.originalDueOn), cnDate(r.e.proposedDueOn), r.e.reason, EXTENSION_STATE_NAMES[r.e.state], cnDate(r.e.newDueOn), r.e.decisionComment ?? '']),
    columns: [SEQ, { header: '任务序号', width: 6, align: 'center' }, { ...TASK, width: 36 }, { header: '申请单位', width: 16 }, { header: '申请时间', width: 17 },
      { header: '原时限', width: 14 }, { header: '申请延至', width: 14 }, { header: '申请理由', width: 30 }, { header: '状态', width: 12, align: 'center' }, { header: '批准时限', width: 14 }, { header: '审批意见', width: 24 }],
  });
}
