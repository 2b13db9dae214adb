/**
 * 本期未报送单位: for a plan and day, the units (each member of a collective on its own) that have not
 * filed this period's progress report on tasks still owing one. "This period" is the period whose
 * report the office collects now — the one before the current, as in the late-report rule — so a
 * unit listed after the period's due date is late (逾期未报).
 */
import { asc, inArray } from 'drizzle-orm';
import { lastOwedPeriod } from '../../../domain/supervision/plan-periods.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { units, unitMemberships } from '../../../db/schema.ts';
import { planSchedule } from '../supervision/plan-status.ts';
import { reportFacts } from '../supervision/report-status.ts';

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
  const { schedule } = await planSchedule(db, planId);
  const owed = lastOwedPeriod(schedule, today, calendar);
  if (!owed) return { planId, period: null, dueOn: null, late: false, units: [] };
  const facts = await reportFacts(db, planId, owed.period.key);
  const linked = [...new Set(facts.flatMap((f) => f.links.map((l) => l.unitId)))];
  const members = linked.length ? await db.select().from(unitMemberships).where(inArray(unitMemberships.collectiveId, linked)).orderBy(asc(unitMemberships.memberId)) : [];
  const membersOf = (id: number) => {
    const own = members.filter((m) => m.collectiveId === id).map((m) => m.memberId);
    return own.length ? own : [id];
  };
  const missing = new Map<number, UnreportedUnit>();
  for (const f of facts) {
    // A task completed (办结) no longer reports; the reminders skip it the same way.
    if (f.completed) continue;
    for (const link of f.links) {
      for (const unitId of membersOf(link.unitId)) {
        if (f.filedUnits.has(unitId)) continue;
        const entry = missing.get(unitId) ?? { unitId, name: '', taskIds: [], seqs: [], lead: false };
        if (!entry.taskIds.includes(f.taskId)) {
          entry.taskIds.push(f.taskId);
          entry.seqs.push(f.seq);
        }
        entry.lead ||= link.role === 'lead';
        missing.set(unitId, entry);
      }
    }
  }
  const ids = [...missing.keys()];
  const names = ids.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids)) : [];
  for (const n of names) {
    const entry = missing.get(n.id);
    if (entry) entry.name = n.name;
  }
  const list = [...missing.values()].sort((a, b) => b.taskIds.length - a.taskIds.length || a.unitId - b.unitId);
  return { planId, period: { key: owed.period.key, label: owed.period.label }, dueOn: owed.dueOn, late: today > owed.dueOn, units: list };
}
