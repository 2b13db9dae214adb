/**
 * Fixture: the 邵阳 2023 plan (gold 000, 204 tasks) with made-up but plausible progress for a
 * report date. Lights are a deterministic function of the task number, so tests can count them.
 */
import { readFileSync } from 'node:fs';
import { deadlineDueOn, planImportFromDraft, type PlanImport } from '../../domain/plan-import.ts';
import type { IssueInfo, ProgressReviewData, ReviewPeriod, TaskLight, TaskProgress } from '../report-data.ts';

/** Reads a gold file of fixtures/gold as unknown JSON. */
export function readGold(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/gold/${name}`, import.meta.url), 'utf8'));
}

let cached: PlanImport | null = null;
/** The 邵阳 plan as imported (gold 000). */
export function shaoyangPlan(): PlanImport {
  cached ??= planImportFromDraft(readGold('000.json'));
  return cached;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Made-up progress: every 9th due task is overdue, every 11th was accepted late; of the tasks
// not yet due, every 7th is at risk and every 3rd is already done.
function progressOf(seq: number, dueOn: string | null, asOf: string): Pick<TaskProgress, 'light' | 'completedOn' | 'progressNote' | 'overdue' | 'nearDue'> {
  const p = lightOf(seq, dueOn, asOf);
  return { ...p, overdue: p.light === 'red', nearDue: false };
}

function lightOf(seq: number, dueOn: string | null, asOf: string): Pick<TaskProgress, 'light' | 'completedOn' | 'progressNote'> {
  const due = dueOn !== null && dueOn <= asOf;
  if (due && seq % 9 === 0) return { light: 'red', completedOn: null, progressNote: '已形成工作方案，相关系统对接尚未完成' };
  if (due && seq % 11 === 0 && dueOn < addDays(asOf, -10)) return { light: 'done', completedOn: addDays(dueOn, 8), progressNote: null };
  if (due) return { light: 'done', completedOn: addDays(dueOn ?? asOf, -6), progressNote: null };
  if (seq % 7 === 0) return { light: 'yellow', completedOn: null, progressNote: '正在征求相关单位意见，进度滞后于计划' };
  if (seq % 3 === 0) return { light: 'done', completedOn: addDays(asOf, -3), progressNote: null };
  return { light: 'green', completedOn: null, progressNote: null };
}

/** All 204 tasks of the 邵阳 plan with progress on `asOf`. */
export function shaoyangTasks(asOf: string): TaskProgress[] {
  return shaoyangPlan().tasks.map((t) => ({
    seq: t.seq,
    indicatorSeq: t.indicatorSeq ?? 0,
    text: t.text,
    leadUnits: t.units.lead,
    responsibleUnits: t.units.responsible,
    deadline: t.deadline,
    deadlineRaw: t.deadlineRaw,
    dueOn: deadlineDueOn(t.deadline),
    ongoing: false,
    ...progressOf(t.seq, deadlineDueOn(t.deadline), asOf),
  }));
}

/** The issuing office of the 邵阳 notices. */
export function shaoyangIssue(date: string, docNumber: string): IssueInfo {
  return {
    issuer: '邵阳市优化营商环境工作领导小组办公室',
    docNumber,
    date,
    addressee: '各县市区人民政府，邵阳经开区管委会，市直有关单位',
    cc: ['市委办公室', '市人大常委会办公室', '市政府办公室', '市政协办公室'],
    printed: { by: '邵阳市优化营商环境工作领导小组办公室', on: date },
  };
}

/** A month (or another period) of the 邵阳 plan, ready for a notice or review. */
export function shaoyangProgress(period: ReviewPeriod = { kind: 'month', year: 2023, month: 6 }, asOf = '2023-06-30'): ProgressReviewData {
  const plan = shaoyangPlan();
  return {
    issue: shaoyangIssue(asOf, '邵优化办〔2023〕12号'),
    region: '全市',
    planTitle: plan.title,
    period,
    asOf,
    indicators: plan.indicators.map((i) => ({ seq: i.seq, name: i.name, leader: i.leader, leadUnits: i.leadUnits })),
    tasks: shaoyangTasks(asOf),
    trend: [
      { label: '3月', completionRate: 0.62, onTimeRate: 0.55 },
      { label: '4月', completionRate: 0.74, onTimeRate: 0.66 },
      { label: '5月', completionRate: 0.81, onTimeRate: 0.73 },
    ],
    highlights: ['企业开办全流程压缩至1个工作日以内，“一件事一次办”事项扩展到120项', '不动产登记与水电气联动过户在市本级全面推行'],
    nextSteps: [
      '各牵头单位要对照红灯任务清单逐项销号，7月15日前报送整改情况',
      '对黄灯任务实行周调度，责任单位每周五报送进展',
      '市优化办将对连续两月存在逾期任务的单位开展约谈',
    ],
  };
}

/** Counts the fixture's lights, for assertions. */
export function lightCounts(tasks: readonly TaskProgress[]): Record<TaskLight, number> {
  const out: Record<TaskLight, number> = { done: 0, green: 0, yellow: 0, red: 0 };
  for (const t of tasks) out[t.light] += 1;
  return out;
}
