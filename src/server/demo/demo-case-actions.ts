/**
 * Plays the demo's case steps (demo-case-script.ts) through the problem loop's use cases, as the
 * office or the case's unit, at the simulated moment; and the daily case sweep (临期/超期).
 */
import { inArray } from 'drizzle-orm';
import { withClock } from '../../db/clock.ts';
import type { Db } from '../../db/client.ts';
import { regions } from '../../db/schema.ts';
import { sweepCases } from '../use-cases/cases/case-pressure.ts';
import { decideCaseExtension, requestCaseExtension, urgeCase } from '../use-cases/cases/case-extension.ts';
import { assignCase, closeCase, noteCase, replyCase, reviewCase, signCase, visitCase } from '../use-cases/cases/case-loop.ts';
import type { CandidateCache } from '../use-cases/cases/case-links.ts';
import { createCase, linkCase } from '../use-cases/cases/create-case.ts';
import type { ActionContext } from './demo-actions.ts';
import type { CaseAction } from './demo-case-script.ts';

interface MadeCase { id: number; lead: number | null }

export class DemoCaseActions {
  private readonly made = new Map<number, MadeCase>();
  private places: Map<string, number> | null = null;
  // The plan's tasks as link candidates, read once for the hundred registrations.
  private readonly candidates: CandidateCache = new Map();

  constructor(private readonly db: Db) {}

  /** Performs one case step at `now` (also the ambient clock of what it stamps: audit, inbox). */
  perform(c: ActionContext, a: CaseAction, now: Date): Promise<void> {
    return withClock(() => now, () => this.performAt(c, a, now));
  }

  /** The daily sweep of open cases: 临期 reminders, and an overdue case written on its timeline once. */
  sweep(c: ActionContext, day: string, now: Date): Promise<void> {
    return withClock(() => now, async () => { await sweepCases(this.db, day, c.calendar, now); });
  }

  private find(key: number): MadeCase {
    const m = this.made.get(key);
    if (!m) throw new Error(`no demo case ${key}`);
    return m;
  }

  private async placeId(c: ActionContext, name: string): Promise<number | null> {
    if (!this.places) {
      const office = await c.actors.office(c.office);
      const rows = await this.db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, office.regionIds));
      this.places = new Map(rows.map((r) => [r.name, r.id]));
    }
    return this.places.get(name) ?? null;
  }

  private async lead(c: ActionContext, key: number) {
    const lead = this.find(key).lead;
    if (lead === null) throw new Error(`demo case ${key} has no lead unit`);
    return c.actors.unit(lead);
  }

  private async performAt(c: ActionContext, a: CaseAction, now: Date): Promise<void> {
    const office = await c.actors.office(c.office);
    const id = () => this.find(a.key).id;
    switch (a.kind) {
      case 'case-create': {
        const placeRegionId = await this.placeId(c, a.input.place);
        const row = await this.db.transaction((tx) => createCase(tx, office, { ...a.input, planId: c.planId, placeRegionId }, now, this.candidates));
        this.made.set(a.key, { id: row.id, lead: null });
        return;
      }
      case 'case-link': await linkCase(this.db, office, id(), { taskIds: a.taskIds, indicatorId: null }, now); return;
      case 'case-assign':
        await assignCase(this.db, office, id(), { leadUnitId: a.leadUnitId, coUnitIds: a.coUnitIds }, now, c.calendar);
        this.find(a.key).lead = a.leadUnitId;
        return;
      case 'case-sign': await signCase(this.db, await this.lead(c, a.key), id(), now); return;
      case 'case-note': await noteCase(this.db, await c.actors.unit(a.unitId), id(), a.text, now); return;
      case 'case-reply': await replyCase(this.db, await this.lead(c, a.key), id(), a.text, now); return;
      case 'case-review': await reviewCase(this.db, office, id(), { accept: a.accept, comment: a.comment }, now); return;
      case 'case-visit': await visitCase(this.db, office, id(), { satisfaction: a.satisfaction, comment: a.comment }, now, c.calendar); return;
      case 'case-close': await closeCase(this.db, office, id(), undefined, now); return;
      case 'case-extension': await requestCaseExtension(this.db, await this.lead(c, a.key), id(), { proposedDueOn: a.proposedDueOn, reason: a.reason }, now); return;
      case 'case-extension-decide': await decideCaseExtension(this.db, office, id(), { approve: a.approve, comment: a.comment }, now); return;
      case 'case-urge': await urgeCase(this.db, office, id(), { kind: a.urge, message: a.message, replyBy: a.replyBy ?? null }, now); return;
    }
  }
}

