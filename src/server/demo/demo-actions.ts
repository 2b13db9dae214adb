/**
 * The demo year's only door into the product: every action is one call of a use case (the same
 * ones the routes call), as the acting user, at the simulated moment. Keeping the calls here
 * means a change of a use case's signature is fixed in one place.
 */
import type { EvidenceFiles } from '../files/file-store.ts';
import { withClock } from '../../db/clock.ts';
import { OFFICE_TODO, type ReportDocument } from '../../reports/index.ts';
import { dropEmptyAttachments } from '../../domain/documents/document-structure.ts';
import { and, eq, inArray } from 'drizzle-orm';
import type { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import type { Db } from '../../db/client.ts';
import { audit } from '../../db/audit.ts';
import { planSupervision, progressReports } from '../../db/supervision-schema.ts';
import type { Actor } from '../auth/actor.ts';
import { planIndicators, planPlaces } from '../use-cases/assessment/assessment-data.ts';
import { createRound, putIndicatorRanks, putPlaceRanks } from '../use-cases/assessment/rounds.ts';
import { createDraft, issueDocument, updateDraft } from '../use-cases/documents/documents.ts';
import { addAttachment } from '../use-cases/supervision/attachments.ts';
import { recordPlanLights } from '../use-cases/supervision/lights.ts';
import { planSettings } from '../use-cases/supervision/task-context.ts';
import { reviewCompletion } from '../use-cases/supervision/completion.ts';
import { confirmExtension, decideExtension, requestExtension } from '../use-cases/supervision/extensions.ts';
import { reviewReport, saveReport, submitReport } from '../use-cases/supervision/reports.ts';
import { replyToUrge, urgeTask } from '../use-cases/supervision/urges.ts';
import { loadAssessmentPlan } from '../policies/assessment.policy.ts';
import type { DemoActors } from './demo-actors.ts';
import type { Milestone } from './demo-plays.ts';
import type { Random } from './demo-random.ts';
import type { DemoAction } from './demo-script.ts';

/** Ids of what earlier actions created, for the actions that refer to them. */
interface Made { reports: Map<string, number>; extensions: Map<number, number>; orders: Map<string, number> }

export interface ActionContext { db: Db; calendar: WorkCalendar; actors: DemoActors; office: string; planId: number; rng: Random }

/** The office sets the plan's reporting cycle, as PUT /api/plans/{id}/supervision does (audited). */
export async function setCycle(db: Db, office: Actor, planId: number, cycle: 'month' | 'quarter'): Promise<void> {
  await db.transaction(async (tx) => {
    await planSettings(tx, planId);
    await tx.update(planSupervision).set({ cycle }).where(eq(planSupervision.planId, planId));
    await audit(tx, { actorUserId: office.userId, action: 'plan.supervision_settings', entity: 'plan', entityId: planId, details: { cycle } });
  });
}

// The demo's evidence is a few hundred bytes of text per report: kept in the database, whatever the
// deployment's file store, and outside the quotas meant for real uploads.
const DEMO_EVIDENCE: EvidenceFiles = { store: null, unitQuotaBytes: Number.MAX_SAFE_INTEGER, totalQuotaBytes: Number.MAX_SAFE_INTEGER };

const reportKey = (taskId: number, unitId: number, period: string): string => `${taskId}:${unitId}:${period}`;

export class DemoActions {
  private readonly made: Made = { reports: new Map(), extensions: new Map(), orders: new Map() };

  constructor(private readonly db: Db) {}

  /** Performs one task-level action at `now` (also the ambient clock of the rows it stamps: audit, inbox, files). */
  perform(c: ActionContext, a: DemoAction, now: Date): Promise<void> {
    return withClock(() => now, () => this.performAt(c, a, now));
  }

  private async performAt(c: ActionContext, a: DemoAction, now: Date): Promise<void> {
    const office = () => c.actors.office(c.office);
    switch (a.kind) {
      case 'report': return this.report(c, a, now);
      case 'review': {
        const id = this.made.reports.get(reportKey(a.taskId, a.unitId, a.period));
        if (id === undefined) throw new Error(`no report to review: task ${a.taskId} ${a.period}`);
        await reviewReport(this.db, await office(), id, a.accept ? 'accept' : 'return', a.comment, now);
        return;
      }
      case 'complete': return reviewCompletion(this.db, await office(), a.taskId, true, '经审核，佐证材料齐全，同意办结。', now);
      case 'extension': {
        // A unit with a head has its requests confirmed by the head first (a headless unit's would go
        // straight to the office): the demo's requesting units have one, so the whole chain plays.
        await c.actors.head(a.unitId);
        const req = await requestExtension(this.db, await c.actors.unit(a.unitId), a.taskId, { reason: a.reason, proposedDueOn: a.proposedDueOn, progress: a.progress }, now);
        this.made.extensions.set(a.taskId, req.id);
        return;
      }
      case 'extension-confirm': {
        await confirmExtension(this.db, await c.actors.head(a.unitId), this.extension(a.taskId), now);
        return;
      }
      case 'extension-decide': {
        await decideExtension(this.db, await office(), this.extension(a.taskId), a.approve ? { approve: true } : { approve: false, comment: a.comment }, now);
        return;
      }
      case 'urge': {
        // An urge to a collective becomes one record per member: the demo follows the addressee's own.
        const made = await urgeTask(this.db, await office(), a.taskId, { kind: a.urge, unitId: a.unitId, message: a.message, replyBy: a.replyBy ?? null }, now);
        const urge = made.find((u) => u.unitId === a.unitId) ?? made[0];
        if (a.urge === 'order' && urge) this.made.orders.set(`${a.taskId}:${a.unitId}`, urge.id);
        return;
      }
      case 'urge-reply': {
        const id = this.made.orders.get(`${a.taskId}:${a.unitId}`);
        if (id === undefined) throw new Error(`no order to reply to: task ${a.taskId}`);
        await replyToUrge(this.db, await c.actors.unit(a.unitId), id, a.reply, now);
        return;
      }
    }
  }

  private extension(taskId: number): number {
    const id = this.made.extensions.get(taskId);
    if (id === undefined) throw new Error(`no extension request on task ${taskId}`);
    return id;
  }

  /** A unit files its report: draft, evidence, submit — or submitted at once when it has no evidence. */
  private async report(c: ActionContext, a: Extract<DemoAction, { kind: 'report' }>, now: Date): Promise<void> {
    const actor = await c.actors.unit(a.unitId);
    // The lead unit consolidates what its responsible units have submitted for the period.
    const consolidates = a.consolidate
      ? (await this.db.select({ id: progressReports.id }).from(progressReports).where(and(eq(progressReports.taskId, a.taskId), eq(progressReports.period, a.period),
        eq(progressReports.role, 'responsible'), inArray(progressReports.state, ['submitted', 'accepted'])))).map((r) => r.id)
      : [];
    const input = { period: a.period, status: a.status, percent: a.percent, workDone: a.workDone, problems: a.problems, helpNeeded: a.helpNeeded, consolidates };
    const { report } = await saveReport(this.db, actor, a.taskId, { ...input, submit: a.evidence === null }, now);
    if (a.evidence !== null) {
      const text = `${actor.unit?.name ?? ''} ${a.period} 工作台账\n${a.workDone}\n（演示数据）\n`;
      await addAttachment(this.db, actor, report.id, a.evidence, Buffer.from(text, 'utf8'), DEMO_EVIDENCE);
      await submitReport(this.db, actor, report.id, now);
    }
    this.made.reports.set(reportKey(a.taskId, a.unitId, a.period), report.id);
  }

  /** Performs a plan-level milestone: a document drafted (and issued), or an assessment round entered. */
  milestone(c: ActionContext, m: Milestone, now: Date): Promise<void> {
    return withClock(() => now, () => this.milestoneAt(c, m, now));
  }

  private async milestoneAt(c: ActionContext, m: Milestone, now: Date): Promise<void> {
    if (m.kind === 'lights') {
      await recordPlanLights(this.db, c.planId, m.day, c.calendar);
      return;
    }
    const office = await c.actors.office(c.office);
    if (m.kind === 'document') {
      const draft = await createDraft(this.db, office, c.planId, { kind: m.docKind, period: m.period }, now, c.calendar);
      if (m.issue) {
        // As an office would before 印发: the parts the data could not fill (【待补充】) are deleted, and an
        // 附件 left empty by that goes too (headings renumbered).
        const model = draft.model;
        const flagged = (b: ReportDocument['blocks'][number]): boolean =>
          (b.kind === 'paragraph' && b.runs.some((r) => r.text.includes(OFFICE_TODO))) || (b.kind === 'heading' && b.text.includes(OFFICE_TODO));
        if (model.blocks.some(flagged)) await updateDraft(this.db, office, draft.id, { ...model, blocks: dropEmptyAttachments(model.blocks.filter((b) => !flagged(b))) }, now);
        await issueDocument(this.db, office, draft.id, now);
      }
      return;
    }
    const round = await createRound(this.db, office, c.planId, { title: m.title, period: m.period }, now);
    const indicators = await planIndicators(this.db, c.planId);
    // Mostly in the upper half of the province, a few indicators behind: some consequences, some awards.
    await putIndicatorRanks(this.db, office, round.id, indicators.map((i) => ({ indicatorId: i.id, rank: c.rng.chance(0.75) ? c.rng.int(1, 6) : c.rng.int(7, round.fieldSizes.indicator) })));
    const places = await planPlaces(this.db, await loadAssessmentPlan(this.db, office, c.planId));
    await putPlaceRanks(this.db, office, round.id, places.map((p) => ({ regionId: p.regionId, rank: c.rng.int(1, round.fieldSizes[p.kind]) })));
  }
}
