/**
 * The daily reminder run. For the last and the current period of each plan it finds the units
 * that have not filed, and reminds them 3 working days before the report is due, on the day, and
 * once it is late; after N working days late the plan region's leaders are told too. Every
 * message carries a dedupe key, so re-running the job (or running it on several servers) never
 * reminds twice; outbound copies are queued as deliveries with keys of their own.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { reportDueDate, type Period } from '../../../domain/supervision/periods.ts';
import { owesReport } from '../../../domain/supervision/late-report.ts';
import { isOwedPeriod, schedulePeriodContaining, schedulePreviousPeriod } from '../../../domain/supervision/plan-periods.ts';
import type { WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import type { Db } from '../../../db/client.ts';
import { deliveries, notificationChannels } from '../../../db/supervision-schema.ts';
import { livePlans } from './live-plans.ts';
import { notifyUsers, regionUsers, unitUsers } from './notify.ts';
import { planSchedule } from './plan-status.ts';
import { reportFacts } from './report-status.ts';
import { planSettings, type PlanSettings } from './task-context.ts';

export type ReminderStage = 'before' | 'due' | 'late' | 'escalate';

export interface Delivery { key: string; channelId: number; kind: 'email' | 'dingtalk' | 'wecom'; target: string; subject: string; text: string }

const STAGE_TITLE: Record<ReminderStage, string> = { before: '进展报告即将截止', due: '进展报告今日截止', late: '进展报告已逾期', escalate: '进展报告逾期督促' };

/** Which reminder a period's report calls for on `today`, if any. */
export function reminderStage(period: Period, today: string, calendar: WorkCalendar, settings: PlanSettings): { stage: ReminderStage; dueOn: string } | null {
  const dueOn = reportDueDate(period, calendar, settings.dueWorkdays);
  if (today === dueOn) return { stage: 'due', dueOn };
  if (today < dueOn) return today >= calendar.addWorkdays(dueOn, -3) ? { stage: 'before', dueOn } : null;
  return { stage: calendar.workdaysBetween(dueOn, today) >= settings.escalateAfterWorkdays ? 'escalate' : 'late', dueOn };
}

/** The enabled outbound channels of a unit (or, with null, the office's own) in a region. */
export async function channelsFor(db: Db, regionId: number, unitId: number | null) {
  return db.select().from(notificationChannels).where(and(eq(notificationChannels.regionId, regionId), eq(notificationChannels.enabled, true),
    unitId === null ? isNull(notificationChannels.unitId) : or(eq(notificationChannels.unitId, unitId))));
}

/** The channels whose keyed message has not been handed over yet (the `deliveries` guard). */
export async function notYetDelivered<T extends { key: string }>(db: Db, channels: T[]): Promise<T[]> {
  if (!channels.length) return [];
  const done = await db.select({ key: deliveries.key }).from(deliveries).where(inArray(deliveries.key, channels.map((c) => c.key)));
  return channels.filter((c) => !done.some((d) => d.key === c.key));
}

interface PlanRef { id: number; title: string; regionId: number }

async function remindPeriod(db: Db, plan: PlanRef, period: Period, stage: ReminderStage, dueOn: string): Promise<Delivery[]> {
  const facts = await reportFacts(db, plan.id, period.key);
  const missing = new Map<number, { name: string; seqs: number[] }>();
  for (const f of facts) {
    if (f.completed || !owesReport({ period, completedOn: null })) continue;
    for (const l of f.links) {
      if (f.filedUnits.has(l.unitId)) continue;
      const entry = missing.get(l.unitId) ?? { name: l.writtenName, seqs: [] };
      if (!entry.seqs.includes(f.seq)) entry.seqs.push(f.seq);
      missing.set(l.unitId, entry);
    }
  }
  const deliveries: Delivery[] = [];
  const title = `${STAGE_TITLE[stage]}：${period.label}`;
  let anyNew = false;
  for (const [unitId, { name, seqs }] of missing) {
    const text = `${name}：《${plan.title}》第 ${seqs.join('、')} 项任务的${period.label}进展报告${stage === 'before' ? `将于 ${dueOn} 截止` : stage === 'due' ? '今日截止' : `已于 ${dueOn} 截止，尚未报送`}，请及时填报。`;
    const key = `reminder:${plan.id}:${period.key}:${stage}:${unitId}`;
    const { inserted, hasUsers } = await db.transaction(async (tx) => {
      const recipients = await unitUsers(tx, [unitId]);
      let n = await notifyUsers(tx, recipients, { title, body: text, link: '/my-tasks', dedupeKey: key });
      if (stage === 'escalate') n += await notifyUsers(tx, await regionUsers(tx, plan.regionId, 'leader'), { title: `逾期未报：${name}`, body: text, link: '/alerts', dedupeKey: key });
      return { inserted: n, hasUsers: recipients.length > 0 };
    });
    // A unit without accounts has no inbox to dedupe by: its channels' own delivery records say
    // whether this reminder already went out.
    const channels = (await channelsFor(db, plan.regionId, unitId)).map((c) => ({ ...c, key: `${key}:${c.id}` }));
    const fresh = hasUsers ? (inserted > 0 ? channels : []) : await notYetDelivered(db, channels);
    if (hasUsers ? inserted === 0 : fresh.length === 0) continue;
    anyNew = true;
    for (const c of fresh) deliveries.push({ key: c.key, channelId: c.id, kind: c.kind, target: c.target, subject: title, text });
  }
  // The office's group robots get one digest, only on the run that first reminded someone.
  if (anyNew) {
    const digest = `《${plan.title}》${period.label}进展报告（截止 ${dueOn}）尚未报送的单位：${[...missing.values()].map((m) => `${m.name}（${m.seqs.length} 项）`).join('、')}。`;
    for (const c of await channelsFor(db, plan.regionId, null)) deliveries.push({ key: `digest:${plan.id}:${period.key}:${stage}:${c.id}`, channelId: c.id, kind: c.kind, target: c.target, subject: title, text: digest });
  }
  return deliveries;
}

/** Runs the reminders of every plan for `today`; returns the outbound deliveries to queue. */
export async function runReminders(db: Db, today: string, calendar: WorkCalendar): Promise<Delivery[]> {
  const out: Delivery[] = [];
  for (const plan of await livePlans(db, today)) {
    const settings = await planSettings(db, plan.id);
    const { schedule } = await planSchedule(db, plan.id);
    const current = schedulePeriodContaining(schedule, today);
    for (const period of [schedulePreviousPeriod(schedule, current), current]) {
      if (!isOwedPeriod(period, schedule)) continue;
      const stage = reminderStage(period, today, calendar, settings);
      if (stage) out.push(...(await remindPeriod(db, plan, period, stage.stage, stage.dueOn)));
    }
  }
  return out;
}
