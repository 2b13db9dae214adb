/**
 * Engine input of the progress documents — 旬简报, 月通报, 季度小结, 半年讲评, 年终总结 — for a plan
 * and period: the tasks with their lights on the report date (the period's last day, or today
 * while the period runs), the trend of earlier periods, highlights and default next steps the
 * office then edits in the draft.
 */
import type { Period } from '../../../domain/supervision/periods.ts';
import { eq } from 'drizzle-orm';
import { addDays, chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import { plans } from '../../../db/schema.ts';
import type { Db } from '../../../db/client.ts';
import type { DekadBriefData, ProgressReviewData, ReviewPeriod, TaskProgress } from '../../../reports/index.ts';
import { distributionFor, periodPracticeNotes, reportHighlights } from './bulletin-data.ts';
import { issueInfo, issuerName, regionWord, type PlanWithRegion } from './issuing-office.ts';
import { documentInstructions } from './instruction-data.ts';
import { supervisionRecord } from './supervision-record.ts';
import { planProgress } from './task-progress.ts';

/**
 * The report date of a period: its last day, or yesterday while it is still running — figures are
 * taken as of the close of a day, so a deadline falling today is not yet counted as passed.
 */
export function reportDate(period: Period, today: string): string {
  return period.end < today ? period.end : addDays(today, -1);
}

/** The engine's period of a notice or review (months, quarters, halves, years). */
export function reviewPeriod(period: Period): ReviewPeriod | null {
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  switch (period.kind) {
    case 'month': return { kind: 'month', year, month };
    case 'quarter': return { kind: 'quarter', year, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4 };
    case 'half': return { kind: 'half', year, half: month === 1 ? 1 : 2 };
    case 'year': return { kind: 'year', year };
    case 'xun': return null;
  }
}

/** Next steps worded from the figures; the office rewrites them in the draft as it sees fit. */
export function defaultNextSteps(tasks: readonly TaskProgress[]): string[] {
  const red = tasks.filter((t) => t.overdue).length;
  const yellow = tasks.filter((t) => t.light === 'yellow').length;
  const steps: string[] = [];
  if (red) steps.push(`各牵头单位要对照${red}项逾期未办结任务逐项分析原因、限期销号，并向市优化办书面报告整改情况`);
  if (yellow) steps.push(`对${yellow}项临期或进度滞后任务实行重点调度，责任单位要倒排工期、加快推进`);
  steps.push('各责任单位要按时报送进展报告，如实反映工作进展和存在问题，确保各项任务按期保质完成');
  return steps;
}

async function highlightsOf(db: Db, plan: PlanWithRegion, period: Period): Promise<string[]> {
  const notes = (await periodPracticeNotes(db, plan.id, period.key)).filter((n) => n.group !== 'tactic');
  const fromNotes = notes.map((n) => (n.label ? `${n.label}${n.text}` : n.text));
  const fromReports = (await reportHighlights(db, plan.id, period)).map((h) => (h.unit ? `${h.unit}${h.text}` : h.text));
  return [...new Set([...fromNotes, ...fromReports])].slice(0, 8);
}

/** The plan's first day: the day it was issued, or the day it was entered when no issue date is known. */
async function planStart(db: Db, planId: number): Promise<string | undefined> {
  const [row] = await db.select({ issuedOn: plans.issuedOn, createdAt: plans.createdAt }).from(plans).where(eq(plans.id, planId));
  return row ? (row.issuedOn ?? chinaDate(row.createdAt)) : undefined;
}

/** 月通报 / 季度小结 / 半年讲评 / 年终总结 input for a month, quarter, half or year. */
export async function progressReviewData(db: Db, plan: PlanWithRegion, period: Period, today: string, calendar: WorkCalendar): Promise<ProgressReviewData> {
  const review = reviewPeriod(period);
  if (!review) throw new Error(`progressReviewData: ${period.key} is a 旬`);
  const asOf = reportDate(period, today);
  const progress = await planProgress(db, plan.id, asOf, calendar, today);
  return {
    issue: issueInfo(plan, today),
    region: regionWord(plan.regionLevel),
    planTitle: plan.title,
    period: review,
    asOf,
    indicators: progress.indicators,
    tasks: progress.tasks,
    // The trend is computed from the tasks month by month from the plan's start (see trendChart).
    trend: [],
    planStart: await planStart(db, plan.id),
    highlights: await highlightsOf(db, plan, period),
    nextSteps: defaultNextSteps(progress.tasks),
    supervision: await supervisionRecord(db, plan.id, period, calendar),
    instructions: await documentInstructions(db, plan.id, period),
  };
}

/** 旬简报 input: the figures on the 旬's last day and the news of the ten days. */
export async function dekadBriefData(db: Db, plan: PlanWithRegion, period: Period, today: string, calendar: WorkCalendar): Promise<DekadBriefData> {
  const asOf = reportDate(period, today);
  const progress = await planProgress(db, plan.id, asOf, calendar, today);
  const notes = (await periodPracticeNotes(db, plan.id, period.key)).filter((n) => n.group !== 'tactic');
  const items = [
    ...notes.map((n) => ({ unit: n.label, group: n.group === 'county' ? '县市区' : '市直部门', text: n.text })),
    ...(await reportHighlights(db, plan.id, period)),
  ];
  const month = Number(period.start.slice(5, 7));
  const day = Number(period.start.slice(8, 10));
  return {
    ...distributionFor(plan),
    masthead: { title: `${plan.regionName}优化营商环境工作简报`, issueNo: 0, issuer: issuerName(plan), date: today },
    period: { year: Number(period.start.slice(0, 4)), month, dekad: day <= 10 ? 1 : day <= 20 ? 2 : 3 },
    asOf,
    tasks: progress.tasks,
    items,
    nextSteps: defaultNextSteps(progress.tasks).slice(0, 2),
  };
}
