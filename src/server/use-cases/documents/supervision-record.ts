/**
 * The units' reporting and 督办 record of a period and of the period before, for the 报送和督办情况
 * section of the notices and reviews: per lead unit, reports filed late (after their cycle's due
 * date), tasks whose report is owed and missing at the period's close (the supervision model's
 * lateReport verdict), reports returned by the office, and 督办单 received; and each 督办单 of the
 * period with its reply.
 */
import { and, asc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { dayAfterClose } from '../../../domain/supervision/due-dates.ts';
import { parsePeriod, previousPeriod, reportDueDate, type Period } from '../../../domain/supervision/periods.ts';
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { taskUnits, tasks, units } from '../../../db/schema.ts';
import { progressReports, urges } from '../../../db/supervision-schema.ts';
import type { OrderRecord, SupervisionRecord, UnitCounts, UnitRecord } from '../../../reports/index.ts';
import { planSchedule, planStatus } from '../supervision/plan-status.ts';

const PREVIOUS_LABEL: Record<Period['kind'], string> = { xun: '上旬', month: '上月', quarter: '上季度', half: '上半年', year: '上年' };

/** The period before, as the text names it: the first half compares with 上年下半年, not 上半年. */
function previousLabel(period: Period): string {
  return period.kind === 'half' && period.start.slice(5, 7) === '01' ? '上年下半年' : PREVIOUS_LABEL[period.kind];
}

const bounds = (p: Period) => ({ from: new Date(`${p.start}T00:00:00+08:00`), to: new Date(`${p.end}T23:59:59.999+08:00`) });

/** Counts per lead unit id in one period. */
async function periodCounts(db: Db, planId: number, period: Period, calendar: WorkCalendar): Promise<Map<number, UnitCounts>> {
  const { from, to } = bounds(period);
  const { schedule } = await planSchedule(db, planId);
  const counts = new Map<number, UnitCounts>();
  const bump = (unitId: number, key: keyof UnitCounts) => {
    const c = counts.get(unitId) ?? { late: 0, returned: 0, notReported: 0, orders: 0 };
    c[key] += 1;
    counts.set(unitId, c);
  };
  const filed = await db.select({ unitId: progressReports.unitId, period: progressReports.period, submittedAt: progressReports.submittedAt, state: progressReports.state, reviewedAt: progressReports.reviewedAt })
    .from(progressReports).innerJoin(tasks, eq(tasks.id, progressReports.taskId))
    .where(and(eq(tasks.planId, planId), eq(progressReports.role, 'lead'), isNotNull(progressReports.submittedAt), lte(progressReports.submittedAt, to), gte(progressReports.submittedAt, new Date(from.getTime() - 400 * 86_400_000))));
  for (const r of filed) {
    const submitted = r.submittedAt ? chinaDate(r.submittedAt) : null;
    const cycle = parsePeriod(r.period);
    if (submitted && submitted >= period.start && cycle && submitted > reportDueDate(cycle, calendar, schedule.dueWorkdays)) bump(r.unitId, 'late');
    if (r.state === 'returned' && r.reviewedAt && r.reviewedAt >= from && r.reviewedAt <= to) bump(r.unitId, 'returned');
  }
  const status = await planStatus(db, planId, dayAfterClose(period.end), calendar, { cutoff: period.end });
  const missing = status.tasks.filter((t) => t.lateReport && !t.completedOn).map((t) => t.taskId);
  if (missing.length) {
    const leads = await db.select({ unitId: taskUnits.unitId }).from(taskUnits).where(and(inArray(taskUnits.taskId, missing), eq(taskUnits.role, 'lead')));
    for (const l of leads) bump(l.unitId, 'notReported');
  }
  const orders = await db.select({ unitId: urges.unitId }).from(urges).innerJoin(tasks, eq(tasks.id, urges.taskId))
    .where(and(eq(tasks.planId, planId), eq(urges.kind, 'order'), gte(urges.createdAt, from), lte(urges.createdAt, to)));
  for (const o of orders) bump(o.unitId, 'orders');
  return counts;
}

async function periodOrders(db: Db, planId: number, period: Period): Promise<OrderRecord[]> {
  const { from, to } = bounds(period);
  const rows = await db.select({ number: urges.number, unit: units.name, seq: tasks.seq, createdAt: urges.createdAt, replyBy: urges.replyBy, repliedAt: urges.repliedAt, reply: urges.reply })
    .from(urges).innerJoin(tasks, eq(tasks.id, urges.taskId)).innerJoin(units, eq(units.id, urges.unitId))
    .where(and(eq(tasks.planId, planId), eq(urges.kind, 'order'), gte(urges.createdAt, from), lte(urges.createdAt, to)))
    .orderBy(asc(urges.createdAt), asc(urges.id));
  // A reply after the period's close is not known to a document of that period.
  return rows.map((r) => {
    const replied = r.repliedAt && r.repliedAt <= to ? chinaDate(r.repliedAt) : null;
    return { number: r.number, unit: r.unit, taskSeq: r.seq, issuedOn: chinaDate(r.createdAt), replyBy: r.replyBy, repliedOn: replied, reply: replied ? r.reply : null };
  });
}

/** The record of a period with the change since the period before. */
export async function supervisionRecord(db: Db, planId: number, period: Period, calendar: WorkCalendar): Promise<SupervisionRecord> {
  const before = previousPeriod(period);
  const [now, then] = [await periodCounts(db, planId, period, calendar), await periodCounts(db, planId, before, calendar)];
  const ids = [...new Set([...now.keys(), ...then.keys()])];
  const names = ids.length ? new Map((await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))).map((u) => [u.id, u.name])) : new Map<number, string>();
  const zero: UnitCounts = { late: 0, returned: 0, notReported: 0, orders: 0 };
  const list: UnitRecord[] = ids.map((id) => ({ name: names.get(id) ?? '', ...(now.get(id) ?? zero), previous: then.get(id) ?? zero }));
  return { previousLabel: previousLabel(period), units: list, orders: await periodOrders(db, planId, period) };
}
