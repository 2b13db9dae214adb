/**
 * Progress reports (进展报告): save a draft, submit it, consolidate as lead unit, review as office.
 * A submitted version is never edited; a correction after a return (or acceptance) is a new
 * version. Submissions carry an idempotency key so a retried request never files twice.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { isSchedulePeriod } from '../../../domain/supervision/plan-periods.ts';
import { parsePeriod } from '../../../domain/supervision/periods.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import { progressReports, reportAttachments, taskTargets } from '../../../db/supervision-schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import { assertMayReport, mayReview, visibleReports } from '../../policies/report.policy.ts';
import { notifyUsers, regionUsers, unitUsers } from './notify.ts';
import { loadTaskContext, type TaskContext } from './task-context.ts';
import { markLightsStale } from './lights.ts';

export type Report = typeof progressReports.$inferSelect;

export interface ReportInput {
  period: string;
  status: 'not_started' | 'in_progress' | 'done' | 'blocked';
  percent: number;
  workDone: string;
  problems?: string;
  helpNeeded?: string;
  targetValues?: { targetId: number; value: number }[];
  consolidates?: number[];
  highlight?: string | null;
  idempotencyKey?: string;
  submit?: boolean;
}

/** A report's period must be one of the plan's periods: after a cycle change, the old cycle's before it took effect. */
function checkPeriod(ctx: TaskContext, key: string): void {
  const period = parsePeriod(key);
  if (!period || !isSchedulePeriod(ctx.settings, period)) {
    const example = { xun: '2023-06-2（6月中旬）', month: '2023-06', quarter: '2023-Q2' }[ctx.settings.cycle];
    throw appError('PERIOD_INVALID', `报告期“${key}”不正确：本方案按${{ xun: '旬', month: '月', quarter: '季度' }[ctx.settings.cycle]}报告，例如 ${example}`, { field: 'period' });
  }
}

async function checkTargets(tx: Tx, taskId: number, values: { targetId: number }[]): Promise<void> {
  if (!values.length) return;
  const ids = (await tx.select({ id: taskTargets.id }).from(taskTargets).where(eq(taskTargets.taskId, taskId))).map((t) => t.id);
  const bad = values.find((v) => !ids.includes(v.targetId));
  if (bad) throw appError('VALIDATION_FAILED', `量化目标 ${bad.targetId} 不属于该任务`, { field: 'targetValues' });
}

/**
 * The responsible units' reports a lead report consolidates, each as its latest filed version: a
 * member report returned and filed again since the lead began its draft is replaced by the new
 * version rather than refused (the lead's typed text is not lost over it).
 */
async function consolidated(tx: Tx, taskId: number, period: string, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await tx.select().from(progressReports)
    .where(and(eq(progressReports.taskId, taskId), eq(progressReports.period, period), eq(progressReports.role, 'responsible')));
  const filed = (r: Report) => r.state === 'submitted' || r.state === 'accepted';
  const out: number[] = [];
  for (const id of ids) {
    const chosen = rows.find((x) => x.id === id);
    const latest = chosen ? rows.filter((x) => x.unitId === chosen.unitId && filed(x)).sort((a, b) => b.version - a.version)[0] : undefined;
    if (!chosen || !latest || latest.version < chosen.version) {
      throw appError('VALIDATION_FAILED', `汇总的报告 ${id} 不是本任务本期已提交的责任单位报告`, { field: 'consolidates' });
    }
    if (!out.includes(latest.id)) out.push(latest.id);
  }
  return out;
}

/** Evidence files stay with a report's next version after a return (the unit changes only what was asked). */
async function carryAttachments(tx: Tx, fromReportId: number, toReportId: number): Promise<void> {
  const files = await tx.select().from(reportAttachments).where(eq(reportAttachments.reportId, fromReportId));
  if (files.length) await tx.insert(reportAttachments).values(files.map(({ id: _id, reportId: _r, ...f }) => ({ ...f, reportId: toReportId })));
}

async function notifySubmitted(tx: Tx, ctx: TaskContext, report: Report): Promise<void> {
  const link = `/tasks?task=${ctx.task.id}`;
  if (report.role === 'responsible') {
    const leads = ctx.links.filter((l) => l.role === 'lead').map((l) => l.unitId);
    await notifyUsers(tx, await unitUsers(tx, leads), { title: '责任单位已报送进展', body: `任务 ${ctx.task.seq}（${report.period}）有责任单位报送了进展，请汇总。`, link });
  } else {
    await notifyUsers(tx, await regionUsers(tx, ctx.plan.regionId, 'office'), { title: '牵头单位已提交进展报告', body: `任务 ${ctx.task.seq}（${report.period}）的汇总报告待审核。`, link: '/review' });
  }
}

async function latestVersion(tx: Tx, taskId: number, unitId: number, period: string): Promise<Report | undefined> {
  const [latest] = await tx.select().from(progressReports)
    .where(and(eq(progressReports.taskId, taskId), eq(progressReports.unitId, unitId), eq(progressReports.period, period)))
    .orderBy(desc(progressReports.version)).limit(1);
  return latest;
}

/** Saves (and optionally submits) the actor unit's report on a task for a period. */
export async function saveReport(db: Db, actor: Actor, taskId: number, input: ReportInput, now: Date): Promise<{ report: Report; replayed: boolean }> {
  return db.transaction(async (tx) => {
    if (input.idempotencyKey) {
      const [seen] = await tx.select().from(progressReports).where(eq(progressReports.idempotencyKey, input.idempotencyKey));
      if (seen) {
        if (seen.taskId !== taskId || seen.createdBy !== actor.userId) throw appError('IDEMPOTENCY_CONFLICT');
        return { report: seen, replayed: true };
      }
    }
    const ctx = await loadTaskContext(tx, actor, taskId);
    const { unitId, role } = assertMayReport(actor, ctx.links);
    if (ctx.supervision?.completedAt) throw appError('TASK_ALREADY_COMPLETED');
    checkPeriod(ctx, input.period);
    await checkTargets(tx, taskId, input.targetValues ?? []);
    const consolidates = role === 'lead' ? await consolidated(tx, taskId, input.period, input.consolidates ?? []) : [];
    const content = {
      status: input.status, percent: input.percent, workDone: input.workDone, problems: input.problems ?? '', helpNeeded: input.helpNeeded ?? '',
      targetValues: input.targetValues ?? [], consolidates, highlight: input.highlight ?? null,
      updatedAt: now, ...(input.submit ? { state: 'submitted' as const, submittedAt: now, submittedBy: actor.userId } : {}),
    };
    // Serialise filings of one unit on one task and period: concurrent requests (two users of a
    // unit, or a retry racing its original) must not both take the next version number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`report:${taskId}:${unitId}:${input.period}`}))`);
    if (input.idempotencyKey) {
      const [raced] = await tx.select().from(progressReports).where(eq(progressReports.idempotencyKey, input.idempotencyKey));
      if (raced) return { report: raced, replayed: true };
    }
    const latest = await latestVersion(tx, taskId, unitId, input.period);
    if (latest?.state === 'submitted') throw appError('REPORT_ALREADY_SUBMITTED');
    let report: Report | undefined;
    if (latest?.state === 'draft') {
      [report] = await tx.update(progressReports).set({ ...content, idempotencyKey: input.idempotencyKey ?? latest.idempotencyKey })
        .where(and(eq(progressReports.id, latest.id), eq(progressReports.state, 'draft'))).returning();
      if (!report) throw appError('REPORT_ALREADY_SUBMITTED');
    } else {
      [report] = await tx.insert(progressReports).values({
        ...content, taskId, unitId, period: input.period, version: (latest?.version ?? 0) + 1, role, createdBy: actor.userId, createdAt: now,
        idempotencyKey: input.idempotencyKey ?? null,
      }).returning();
      if (report && latest?.state === 'returned') await carryAttachments(tx, latest.id, report.id);
    }
    if (!report) throw appError('INTERNAL');
    await audit(tx, { actorUserId: actor.userId, action: input.submit ? 'report.submit' : 'report.save', entity: 'task', entityId: taskId, details: { reportId: report.id, period: report.period, version: report.version, role, state: report.state } });
    if (input.submit) {
      await markLightsStale(tx, taskId);
      await notifySubmitted(tx, ctx, report);
    }
    return { report, replayed: false };
  });
}

/** Submits an existing draft. */
export async function submitReport(db: Db, actor: Actor, reportId: number, now: Date): Promise<Report> {
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(progressReports).where(and(eq(progressReports.id, reportId), visibleReports(actor)));
    if (!report) throw appError('REPORT_NOT_FOUND');
    const ctx = await loadTaskContext(tx, actor, report.taskId);
    assertMayReport(actor, ctx.links);
    if (report.unitId !== actor.unit?.id) throw appError('REPORT_NOT_FOUND');
    if (report.state !== 'draft') throw appError('REPORT_NOT_EDITABLE');
    // Member reports returned and filed again since the draft was saved count as their new version.
    const consolidates = report.role === 'lead' ? await consolidated(tx, report.taskId, report.period, report.consolidates) : report.consolidates;
    // Guarded by state: of parallel submissions of one draft only the first finds it a draft (the
    // others wait for its row lock, then match nothing) — one audit row, one notification.
    const [updated] = await tx.update(progressReports).set({ state: 'submitted', consolidates, submittedAt: now, submittedBy: actor.userId, updatedAt: now })
      .where(and(eq(progressReports.id, reportId), eq(progressReports.state, 'draft'))).returning();
    if (!updated) throw appError('REPORT_ALREADY_SUBMITTED');
    await audit(tx, { actorUserId: actor.userId, action: 'report.submit', entity: 'task', entityId: report.taskId, details: { reportId, period: report.period, version: report.version } });
    await markLightsStale(tx, report.taskId);
    await notifySubmitted(tx, ctx, updated);
    return updated;
  });
}

/** Accepts or returns a submitted report (office for lead reports, lead unit for responsible ones). */
export async function reviewReport(db: Db, actor: Actor, reportId: number, decision: 'accept' | 'return', comment: string | undefined, now: Date): Promise<Report> {
  return db.transaction(async (tx) => {
    const [report] = await tx.select().from(progressReports).where(and(eq(progressReports.id, reportId), visibleReports(actor)));
    if (!report) throw appError('REPORT_NOT_FOUND');
    const ctx = await loadTaskContext(tx, actor, report.taskId);
    if (!mayReview(actor, report.role, ctx.links)) throw appError('FORBIDDEN', report.role === 'lead' ? '牵头单位的汇总报告由优化办审核' : '责任单位的报告由牵头单位审核');
    if (report.state !== 'submitted') throw appError('REPORT_NOT_SUBMITTED');
    if (decision === 'return' && !comment?.trim()) throw appError('COMMENT_REQUIRED');
    const [updated] = await tx.update(progressReports)
      .set({ state: decision === 'accept' ? 'accepted' : 'returned', reviewedAt: now, reviewedBy: actor.userId, reviewComment: comment?.trim() || null })
      // Guarded by state: of two reviewers deciding at once, the second finds it already decided.
      .where(and(eq(progressReports.id, reportId), eq(progressReports.state, 'submitted'))).returning();
    if (!updated) throw appError('REPORT_NOT_SUBMITTED');
    // Accepting the lead unit's consolidated report accepts what it consolidates as well.
    if (decision === 'accept' && report.role === 'lead' && report.consolidates.length) {
      await tx.update(progressReports).set({ state: 'accepted', reviewedAt: now, reviewedBy: actor.userId })
        .where(and(inArray(progressReports.id, report.consolidates), eq(progressReports.state, 'submitted')));
    }
    await markLightsStale(tx, report.taskId);
    await audit(tx, { actorUserId: actor.userId, action: `report.${decision}`, entity: 'task', entityId: report.taskId, details: { reportId, period: report.period, version: report.version, comment: comment ?? null } });
    await notifyUsers(tx, await unitUsers(tx, [report.unitId]), {
      title: decision === 'accept' ? '进展报告已通过审核' : '进展报告被退回',
      body: `任务 ${ctx.task.seq}（${report.period}）第 ${report.version} 版报告${decision === 'accept' ? '已通过' : `被退回：${comment ?? ''}`}`,
      link: `/tasks?task=${ctx.task.id}`,
    });
    return updated;
  });
}
