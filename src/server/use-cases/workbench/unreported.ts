/**
 * 本期未报送单位: for a plan and day, the units (each member of a collective on its own) that have not
 * filed this period's progress report on tasks still owing one. "This period" is the period whose
 * report the office collects now — the one before the current, as in the late-report rule — so a
 * unit listed after the period's due date is late (逾期未报).
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { lastOwedPeriod } from '../../../domain/supervision/plan-periods.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { taskUnits, tasks, units, unitMemberships } from '../../../db/schema.ts';
import { progressReports, taskSupervision } from '../../../db/supervision-schema.ts';
import { planSchedules } from '../supervision/plan-status.ts';

export interface UnreportedUnit { unitId: number; name: string; taskIds: number[]; seqs: number[]; lead: boolean }

export interface UnreportedList {
  planId: number;
  period: { key: string; label: string } | null;
  dueOn: string | null;
  late: boolean;
  units: UnreportedUnit[];
}

/** The units of a plan that have not reported the period collected on `today`. */
export async function unreportedUnits(db: Db | Tx, planId: number, today: string, calendar: WorkCalendar): Promise<UnreportedList> {
  const list = (await unreportedOfPlans(db, [planId], today, calendar)).get(planId);
  if (!list) throw new Error(`plan ${planId} not found`);
  return list;
}

/**
 * unreportedUnits of several plans (unknown plans are left out), in a constant number of
 * statements: the open tasks' links, who filed each plan's owed period, collective members, names.
 * Only what the list needs is read (not the lead reports of every period the lights fold).
 */
export async function unreportedOfPlans(db: Db | Tx, planIds: readonly number[], today: string, calendar: WorkCalendar): Promise<Map<number, UnreportedList>> {
  const schedules = await planSchedules(db, planIds);
  const out = new Map<number, UnreportedList>();
  const owedOf = new Map<number, NonNullable<ReturnType<typeof lastOwedPeriod>>>();
  for (const planId of planIds) {
    const found = schedules.get(planId);
    if (!found || out.has(planId)) continue;
    const owed = lastOwedPeriod(found.schedule, today, calendar);
    if (owed) owedOf.set(planId, owed);
    out.set(planId, owed
      ? { planId, period: { key: owed.period.key, label: owed.period.label }, dueOn: owed.dueOn, late: today > owed.dueOn, units: [] }
      : { planId, period: null, dueOn: null, late: false, units: [] });
  }
  if (!owedOf.size) return out;
  const owing = [...owedOf.keys()];
  // A task completed (办结) no longer reports; the reminders skip it the same way.
  const links = await db.select({ taskId: tasks.id, planId: tasks.planId, seq: tasks.seq, unitId: taskUnits.unitId, role: taskUnits.role })
    .from(tasks).innerJoin(taskUnits, eq(taskUnits.taskId, tasks.id)).leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id))
    .where(and(inArray(tasks.planId, owing), isNull(taskSupervision.completedAt))).orderBy(asc(tasks.planId), asc(tasks.seq));
  if (!links.length) return out;
  const plansOfPeriod = new Map<string, number[]>();
  for (const [planId, owed] of owedOf) plansOfPeriod.set(owed.period.key, [...(plansOfPeriod.get(owed.period.key) ?? []), planId]);
  const filed = await db.selectDistinct({ taskId: progressReports.taskId, unitId: progressReports.unitId }).from(progressReports)
    .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
    .where(and(inArray(progressReports.state, ['submitted', 'accepted']),
      or(...[...plansOfPeriod].map(([period, ids]) => and(eq(progressReports.period, period), inArray(tasks.planId, ids))))));
  const filedBy = new Set(filed.map((f) => `${f.taskId}|${f.unitId}`));
  const linked = [...new Set(links.map((l) => l.unitId))];
  const members = await db.select().from(unitMemberships).where(inArray(unitMemberships.collectiveId, linked)).orderBy(asc(unitMemberships.memberId));
  const membersOf = new Map<number, number[]>();
  for (const m of members) membersOf.set(m.collectiveId, [...(membersOf.get(m.collectiveId) ?? []), m.memberId]);
  const missingOf = new Map<number, Map<number, UnreportedUnit>>();
  for (const link of links) {
    const missing = missingOf.get(link.planId) ?? new Map<number, UnreportedUnit>();
    missingOf.set(link.planId, missing);
    for (const unitId of membersOf.get(link.unitId) ?? [link.unitId]) {
      if (filedBy.has(`${link.taskId}|${unitId}`)) continue;
      const entry = missing.get(unitId) ?? { unitId, name: '', taskIds: [], seqs: [], lead: false };
      // Links arrive task by task in seq order: a task already listed is the last one.
      if (entry.taskIds.at(-1) !== link.taskId) {
        entry.taskIds.push(link.taskId);
        entry.seqs.push(link.seq);
      }
      entry.lead ||= link.role === 'lead';
      missing.set(unitId, entry);
    }
  }
  const ids = [...new Set([...missingOf.values()].flatMap((m) => [...m.keys()]))];
  const names = ids.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids)) : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  for (const [planId, missing] of missingOf) {
    for (const entry of missing.values()) entry.name = nameOf.get(entry.unitId) ?? '';
    (out.get(planId) as UnreportedList).units = [...missing.values()].sort((a, b) => b.taskIds.length - a.taskIds.length || a.unitId - b.unitId);
  }
  return out;
}
