/**
 * The job queue (pg-boss) on the platform's own database — PostgreSQL, or PGlite through its
 * `executeSql` adapter — so several servers share one queue and a restart resumes it.
 * Jobs: the daily supervision run (lights + reminders) and outbound deliveries, each a typed job
 * definition (job-definition.ts: name, version, payload schema, handler).
 */
import { withClock } from '../../db/clock.ts';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { chinaDate, type WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import type { Database, Db } from '../../db/client.ts';
import { livePlans } from '../use-cases/supervision/live-plans.ts';
import { recordPlanLights } from '../use-cases/supervision/lights.ts';
import { runReminders, type Delivery } from '../use-cases/supervision/reminders.ts';
import { sweepCases } from '../use-cases/cases/case-pressure.ts';
import { caseDeliveries } from '../use-cases/cases/case-deliveries.ts';
import { deliver, type MailSettings } from './deliver.ts';
import { defineJob, jobData, registerJob, sendJob } from './job-definition.ts';

export const DAILY_QUEUE = 'supervision-daily';
export const DELIVER_QUEUE = 'deliver';

/** Plans whose lights the daily run computes at once. */
const DAILY_LANES = 3;

const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 日期');

/** The daily run's payload: the China date to run for (default: today on the server's clock). */
export const dailyPayload = z.object({ today: dayKey.optional() }).strict();

/** One outbound message (see reminders.ts: Delivery). */
export const deliveryPayload = z.object({
  key: z.string().min(1),
  channelId: z.number().int().positive(),
  kind: z.enum(['email', 'dingtalk', 'wecom']),
  target: z.string().min(1),
  subject: z.string(),
  text: z.string(),
}).strict() satisfies z.ZodType<Delivery>;

export interface JobOptions {
  calendar: WorkCalendar;
  mail: MailSettings;
  /** Internal webhook hosts an administrator allowed (WEBHOOK_ALLOW_HOSTS). */
  webhookAllowHosts?: readonly string[];
  now: () => Date;
  /** Cron of the daily run in China time; default 08:00 every day. */
  cron?: string;
  log?: (msg: string) => void;
}

export interface Jobs {
  boss: PgBoss;
  /** Runs the daily supervision now (also what the scheduled job does). */
  runDaily(today?: string): Promise<{ deliveries: number; plans: number }>;
  stop(): Promise<void>;
}

/**
 * The daily supervision run: stores the lights of the live plans' tasks (what the 预警 board,
 * dashboard and documents read) and finds the reminders due. Plans of finished years are left alone.
 */
export async function runDailySupervision(db: Db, today: string, calendar: WorkCalendar, now: Date): Promise<{ deliveries: Delivery[]; plans: number }> {
  const live = await livePlans(db, today);
  // A few plans at once: while one plan's statements wait on the database, another's lights are
  // computed (one at a time, the run was half idle). Few, so the day's first users still get connections.
  const next = live.values();
  const lane = async () => { for (const p of next) await recordPlanLights(db, p.id, today, calendar, now); };
  await Promise.all(Array.from({ length: Math.min(DAILY_LANES, live.length) }, lane));
  const deliveries = await runReminders(db, today, calendar);
  const swept = await sweepCases(db, today, calendar, now);
  // Outbound copies of the problem loop's messages (交办, 退回, 不满意, 临期, 超期) go with the reminders.
  deliveries.push(...await caseDeliveries(db, today, swept.cases));
  return { deliveries, plans: live.length };
}

/** The job definitions of the platform's queues, bound to a database and the server's settings. */
export function jobDefinitions(database: Database, options: JobOptions, boss: PgBoss) {
  const deliverJob = defineJob({
    name: DELIVER_QUEUE,
    version: 1,
    payload: deliveryPayload,
    queue: { retryLimit: 3, retryDelay: 60, retryBackoff: true },
    work: { pollingIntervalSeconds: 2 },
    handler: async (delivery) => {
      const result = await deliver(database.db, delivery, options.mail, { allowHosts: options.webhookAllowHosts ?? [] });
      options.log?.(`delivery ${delivery.key}: ${result}`);
      // A failed send was released for retry; failing the job makes pg-boss retry it later.
      if (result === 'failed') throw new Error(`delivery ${delivery.key} failed`);
    },
  });
  const runDaily = (today = chinaDate(options.now())) => withClock(options.now, async () => {
    const { deliveries, plans } = await runDailySupervision(database.db, today, options.calendar, options.now());
    for (const d of deliveries) await sendJob(boss, deliverJob, d, { singletonKey: d.key });
    return { deliveries: deliveries.length, plans };
  });
  const dailyJob = defineJob({
    name: DAILY_QUEUE,
    version: 1,
    payload: dailyPayload,
    handler: async ({ today }) => { await runDaily(today); },
  });
  return { dailyJob, deliverJob, runDaily };
}

/** Starts the queue, its workers and the daily schedule. */
export async function startJobs(database: Database, options: JobOptions): Promise<Jobs> {
  const boss = 'url' in database.jobs
    ? new PgBoss({ connectionString: database.jobs.url, max: 3 })
    : new PgBoss({ db: database.jobs.executor });
  boss.on('error', (e: Error) => options.log?.(`job queue error: ${e.message}`));
  await boss.start();
  const { dailyJob, deliverJob, runDaily } = jobDefinitions(database, options, boss);
  await registerJob(boss, dailyJob);
  await registerJob(boss, deliverJob);
  await boss.schedule(DAILY_QUEUE, options.cron ?? '0 8 * * *', jobData(dailyJob, {}), { tz: 'Asia/Shanghai' });
  return { boss, runDaily, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
