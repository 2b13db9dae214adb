/** Reading reports for presentation: with unit names and attachment lists, in the actor's scope. */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { isFiledLate } from '../../../domain/supervision/late-report.ts';
import { parsePeriod, reportDueDate } from '../../../domain/supervision/periods.ts';
import { chinaDate, WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { taskUnits, tasks, units } from '../../../db/schema.ts';
import { planSupervision, progressReports, reportAttachments, taskSupervision } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { reportPermissions, type ReportPermissions, type TaskLink } from '../../policies/report.policy.ts';
import type { Report } from './reports.ts';

export interface ReportView {
  id: number; taskId: number; unit: { id: number; name: string }; period: string; version: number;
  role: Report['role']; state: Report['state']; status: Report['status']; percent: number; workDone: string; problems: string;
  helpNeeded: string; targetValues: { targetId: number; value: number }[]; consolidates: number[]; highlight: string | null;
  createdAt: string; submittedAt: string | null; reviewedAt: string | null; reviewComment: string | null;
  attachments: { id: number; fileName: string; contentType: string; size: number; createdAt: string }[];
  /** When the period's report was due, and whether this version was filed after it (补报 / late). */
  reportDueOn: string | null;
  filedLate: boolean;
  /** What the actor may do with the report (policies/report.policy.ts). */
  permissions: ReportPermissions;
}

/** Newest period first (by the period's dates, not its key's text: 2023-06-2 vs 2023-Q2), then responsible before lead (the enum's order), unit, newest version. */
function byPeriodDesc(a: { period: string; role: string; unitId: number; version: number }, b: typeof a): number {
  const pa = parsePeriod(a.period);
  const pb = parsePeriod(b.period);
  return (pb?.end ?? b.period).localeCompare(pa?.end ?? a.period) || (pb?.start ?? '').localeCompare(pa?.start ?? '')
    || (a.role === 'lead' ? 1 : 0) - (b.role === 'lead' ? 1 : 0) || a.unitId - b.unitId || b.version - a.version;
}

/**
 * The filing unit's name, looked up by its key per report: joined, PostgreSQL hashes every unit of
 * the province (3 k rows) for a page of 50 reports. Every report has its unit (a foreign key).
 */
const unitNameOf = sql<string>`(select ${units.name} from ${units} where ${units.id} = ${progressReports.unitId})`;

/** A report's evidence files, oldest first, as one JSON value of its row (timestamps as text). */
const attachmentsOf = sql<{ id: number; fileName: string; contentType: string; size: number; createdAt: string }[]>`(select coalesce(json_agg(json_build_object('id', ${reportAttachments.id},
  'fileName', ${reportAttachments.fileName}, 'contentType', ${reportAttachments.contentType}, 'size', ${reportAttachments.size}, 'createdAt', ${reportAttachments.createdAt}) order by ${reportAttachments.id}), '[]'::json)
  from ${reportAttachments} where ${reportAttachments.reportId} = ${progressReports.id})`;

/** The report's task's unit links (what the actor may do with it depends on them), as one JSON value. */
const linksOf = sql<TaskLink[]>`(select coalesce(json_agg(json_build_object('unitId', ${taskUnits.unitId}, 'role', ${taskUnits.role})), '[]'::json)
  from ${taskUnits} where ${taskUnits.taskId} = ${progressReports.taskId})`;

/**
 * Presents the reports matching a condition. `order` 'period' (default): newest period first, by
 * the periods' dates; 'given': the order of `ids` when the caller chose the reports (a page).
 * The condition must bound the rows (one task, one report, a page of ids): nothing is cut here.
 * One statement: each row brings its attachments and its task's links as JSON values.
 */
export async function reportViews(db: Db, actor: Actor, where: SQL | undefined, calendar: WorkCalendar = new WorkCalendar(), ids?: number[]): Promise<ReportView[]> {
  const rows = await db.select({ report: progressReports, unitName: unitNameOf, dueWorkdays: planSupervision.dueWorkdays, completedAt: taskSupervision.completedAt, files: attachmentsOf, links: linksOf })
    .from(progressReports)
    .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
    .leftJoin(planSupervision, eq(planSupervision.planId, tasks.planId)).leftJoin(taskSupervision, eq(taskSupervision.taskId, progressReports.taskId)).where(where);
  if (ids) {
    const rank = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => (rank.get(a.report.id) ?? 0) - (rank.get(b.report.id) ?? 0));
  } else {
    rows.sort((a, b) => byPeriodDesc(a.report, b.report));
  }
  const dueOf = (period: string, workdays: number | null): string | null => {
    const p = parsePeriod(period);
    return p ? reportDueDate(p, calendar, workdays ?? 3) : null;
  };
  return rows.map(({ report: r, unitName, dueWorkdays, completedAt, files, links }) => ({
    id: r.id, taskId: r.taskId, unit: { id: r.unitId, name: unitName }, period: r.period, version: r.version, role: r.role, state: r.state,
    status: r.status, percent: r.percent, workDone: r.workDone, problems: r.problems, helpNeeded: r.helpNeeded, targetValues: r.targetValues,
    consolidates: r.consolidates, highlight: r.highlight, createdAt: r.createdAt.toISOString(), submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null, reviewComment: r.reviewComment,
    // JSON carries the timestamp as text with microseconds; Date keeps milliseconds, as the driver's own parse does.
    attachments: files.map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size, createdAt: new Date(f.createdAt).toISOString() })),
    ...lateness(dueOf(r.period, dueWorkdays), r.submittedAt),
    permissions: reportPermissions(actor, { role: r.role, state: r.state, status: r.status, links, taskCompleted: completedAt !== null }),
  }));
}

function lateness(reportDueOn: string | null, submittedAt: Date | null): { reportDueOn: string | null; filedLate: boolean } {
  return { reportDueOn, filedLate: reportDueOn !== null && submittedAt !== null && isFiledLate(chinaDate(submittedAt), reportDueOn) };
}

/**
 * The reports of one task visible under `visible`, or null when the task is not in the actor's
 * scope (`taskVisible`, a condition on tasks). The scope is part of the reports' statement, so a
 * task with reports costs one statement; only an empty list asks whether the task is visible at all.
 */
export async function taskReportViews(db: Db, actor: Actor, taskId: number, visible: SQL, taskVisible: SQL, calendar?: WorkCalendar): Promise<ReportView[] | null> {
  const views = await reportViews(db, actor, and(eq(progressReports.taskId, taskId), visible, taskVisible), calendar);
  if (views.length) return views;
  const [task] = await db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.id, taskId), taskVisible));
  return task ? [] : null;
}
