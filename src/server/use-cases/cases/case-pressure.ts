/**
 * What the problems say about the plan: the overdue and 不满意 cases linked to each task on a day
 * (they count against its light, by the plan's rule), and the daily sweep that tells units of
 * 临期 and overdue cases and writes an overdue case on its tasks' timelines once.
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { caseOverdue } from '../../../domain/cases/case-light.ts';
import { SOURCE_LABELS } from '../../../domain/cases/case-model.ts';
import type { CaseRules, TaskLightRule } from '../../../domain/cases/case-light.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import { caseEvents, cases } from '../../../db/case-schema.ts';
import { notifications } from '../../../db/supervision-schema.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { notifyUsers, regionUsers, unitUsers } from '../supervision/notify.ts';
import { auditOnTasks } from './case-links.ts';
import { caseRulesOf } from './case-rules.ts';
import { markTasksLightsStale } from '../supervision/lights.ts';

const label = (c: { source: keyof typeof SOURCE_LABELS; refNo: string | null; title: string }) => `${SOURCE_LABELS[c.source]}问题“${c.title}”${c.refNo ? `（${c.refNo}）` : ''}`;

/**
 * For each task of the plan with linked cases: why they weigh on it on `day` (events up to
 * `cutoff` count), and the plan's rule. A case is 不满意 from a 回访 saying so until a later
 * accepted reply.
 */
export async function casePressure(db: Db | Tx, planId: number, day: string, cutoff: string = day): Promise<{ rule: TaskLightRule; byTask: Map<number, string[]> }> {
  const rules = await caseRulesOf(db, planId);
  const byTask = new Map<number, string[]>();
  if (rules.taskLightRule === 'off') return { rule: rules.taskLightRule, byTask };
  const rows = await db.select({ id: cases.id, source: cases.source, refNo: cases.refNo, title: cases.title, taskIds: cases.taskIds, dueOn: cases.dueOn, finishedOn: cases.finishedOn })
    .from(cases).where(and(eq(cases.planId, planId), sql`cardinality(${cases.taskIds}) > 0`, lte(cases.foundOn, cutoff)));
  if (!rows.length) return { rule: rules.taskLightRule, byTask };
  const events = await db.select({ caseId: caseEvents.caseId, step: caseEvents.step, details: caseEvents.details }).from(caseEvents)
    .where(and(inArray(caseEvents.caseId, rows.map((r) => r.id)), inArray(caseEvents.step, ['visit', 'accept']), lte(caseEvents.day, cutoff)))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const dissatisfied = dissatisfiedCases(events);
  for (const c of rows) {
    const reasons = caseReasons(c, dissatisfied.has(c.id), day);
    if (!reasons.length) continue;
    for (const t of c.taskIds) byTask.set(t, [...(byTask.get(t) ?? []), ...reasons]);
  }
  return { rule: rules.taskLightRule, byTask };
}

/** The cases 不满意 after their 回访 and 答复 events (in time order): a later accepted reply clears it. */
export function dissatisfiedCases(events: { caseId: number; step: string; details: Record<string, unknown> | null }[]): Set<number> {
  const dissatisfied = new Set<number>();
  for (const e of events) {
    if (e.step === 'accept') dissatisfied.delete(e.caseId);
    else if (e.details?.satisfaction === 'dissatisfied') dissatisfied.add(e.caseId);
  }
  return dissatisfied;
}

/** Why one case weighs on its tasks on `day` (shared by the plan's pressure and one task's detail). */
export function caseReasons(c: { source: keyof typeof SOURCE_LABELS; refNo: string | null; title: string; dueOn: string | null; finishedOn: string | null }, dissatisfied: boolean, day: string): string[] {
  const reasons: string[] = [];
  if (caseOverdue({ dueOn: c.dueOn, finishedOn: c.finishedOn }, day)) reasons.push(`${label(c)}已超期未办结`);
  if (dissatisfied) reasons.push(`${label(c)}企业回访不满意`);
  return reasons;
}

/** A case 临期 or overdue on the sweep's day (the outbound copies are keyed by it). */
export interface SweptCase { caseId: number; stage: 'near' | 'overdue'; dueOn: string }

/**
 * The daily sweep on `today`: 临期 reminders to the 主办 unit, and for an overdue case its units
 * and the office are told and the linked tasks' timelines get the line — each once per deadline.
 * Returns what it told and every case 临期 or overdue today.
 */
export async function sweepCases(db: Db, today: string, calendar: WorkCalendar, now: Date = new Date(`${today}T08:00:00+08:00`)): Promise<{ near: number; overdue: number; cases: SweptCase[] }> {
  const open = await db.select().from(cases).where(and(isNotNull(cases.dueOn), isNull(cases.finishedOn), inArray(cases.state, ['assigned', 'handling', 'replied'])));
  let near = 0;
  let overdue = 0;
  // Every open case 临期 or overdue today, for the outbound copies (each keyed once per deadline).
  const swept: SweptCase[] = [];
  if (!open.length) return { near, overdue, cases: swept };
  // What earlier runs did, read once: the overdue lines written and the 临期 messages sent (a daily
  // run over every open case must not open a transaction per case to find it has nothing to do).
  const written = new Set((await db.select({ caseId: caseEvents.caseId, dueOn: sql<string>`${caseEvents.details}->>'dueOn'` }).from(caseEvents)
    .where(and(inArray(caseEvents.caseId, open.map((c) => c.id)), eq(caseEvents.step, 'overdue')))).map((e) => `${e.caseId}:${e.dueOn}`));
  const nearKeys = open.map((c) => `case-near-${c.id}-${c.dueOn}`);
  const told = new Set((await db.select({ key: notifications.dedupeKey }).from(notifications).where(inArray(notifications.dedupeKey, nearKeys))).map((n) => n.key));
  const rulesOf = new Map<number | null, Promise<CaseRules>>();
  for (const c of open) {
    if (!rulesOf.has(c.planId)) rulesOf.set(c.planId, caseRulesOf(db, c.planId));
    const rules = await rulesOf.get(c.planId)!;
    const units = [c.leadUnitId, ...c.coUnitIds].filter((u): u is number => u !== null);
    if (c.dueOn! < today) {
      swept.push({ caseId: c.id, stage: 'overdue', dueOn: c.dueOn! });
      if (written.has(`${c.id}:${c.dueOn}`)) continue;
      const done = await db.transaction(async (tx) => {
        const [seen] = await tx.select({ id: caseEvents.id }).from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.step, 'overdue'), sql`${caseEvents.details}->>'dueOn' = ${c.dueOn}`));
        if (seen) return false;
        await tx.insert(caseEvents).values({ caseId: c.id, step: 'overdue', day: today, at: now, text: `已超过办理时限（${c.dueOn}）`, details: { dueOn: c.dueOn } });
        await notifyUsers(tx, [...await unitUsers(tx, units), ...await regionUsers(tx, c.regionId, 'office')], { title: '问题已超期', body: `${c.title}（时限 ${c.dueOn}）`, link: `/cases/${c.id}`, dedupeKey: `case-overdue-${c.id}-${c.dueOn}` });
        await auditOnTasks(tx, null, c.taskIds, 'case.overdue', { caseId: c.id, title: c.title, refNo: c.refNo, dueOn: c.dueOn });
        await markTasksLightsStale(tx, c.taskIds);
        return true;
      });
      if (done) overdue++;
    } else if (calendar.workdaysBetween(today, c.dueOn!) <= rules.nearWorkdays && c.state !== 'replied') {
      swept.push({ caseId: c.id, stage: 'near', dueOn: c.dueOn! });
      if (told.has(`case-near-${c.id}-${c.dueOn}`)) continue;
      near += await db.transaction(async (tx) => notifyUsers(tx, await unitUsers(tx, units), { title: '问题临期', body: `${c.title}（请于 ${c.dueOn} 前答复）`, link: `/cases/${c.id}`, dedupeKey: `case-near-${c.id}-${c.dueOn}` }));
    }
  }
  return { near, overdue, cases: swept };
}
