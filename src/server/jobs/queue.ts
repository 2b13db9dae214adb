/**
 * The job queue (pg-boss) on the platform's own database — PostgreSQL, or PGlite through its
 * `executeSql` adapter — so several servers share one queue and a restart resumes it.
 * Jobs: the daily supervision run (lights + reminders) and outbound deliveries.
 */
import { withClock } from '../../db/clock.ts';
import PgBoss from 'pg-boss';
import { chinaDate, type WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import type { Database } from '../../db/client.ts';
import { plans } from '../../db/schema.ts';
import { recordPlanLights } from '../use-cases/supervision/lights.ts';
import { runReminders, type Delivery } from '../use-cases/supervision/reminders.ts';
import { sweepCases } from '../use-cases/cases/case-pressure.ts';
import { deliver, type MailSettings } from './deliver.ts';

export const DAILY_QUEUE = 'supervision-daily';
export const DELIVER_QUEUE = 'deliver';

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

/** Starts the queue, its workers and the daily schedule. */
export async function startJobs(database: Database, options: JobOptions): Promise<Jobs> {
  const boss = 'url' in database.jobs
    ? new PgBoss({ connectionString: database.jobs.url, max: 3 })
    : new PgBoss({ db: database.jobs.executor });
  boss.on('error', (e: Error) => options.log?.(`job queue error: ${e.message}`));
  await boss.start();
  await boss.createQueue(DAILY_QUEUE, { name: DAILY_QUEUE });
  await boss.createQueue(DELIVER_QUEUE, { name: DELIVER_QUEUE, retryLimit: 3, retryDelay: 60, retryBackoff: true });

  const runDaily = (today = chinaDate(options.now())) => withClock(options.now, () => daily(today));
  const daily = async (today: string) => {
    const rows = await database.db.select({ id: plans.id }).from(plans);
    for (const p of rows) await recordPlanLights(database.db, p.id, today, options.calendar, options.now());
    const deliveries = await runReminders(database.db, today, options.calendar);
    await sweepCases(database.db, today, options.calendar, options.now());
    for (const d of deliveries) await boss.send(DELIVER_QUEUE, d, { singletonKey: d.key });
    return { deliveries: deliveries.length, plans: rows.length };
  };

  await boss.work(DAILY_QUEUE, async () => { await runDaily(); });
  await boss.work<Delivery>(DELIVER_QUEUE, { pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) {
      const result = await deliver(database.db, job.data, options.mail, { allowHosts: options.webhookAllowHosts ?? [] });
      options.log?.(`delivery ${job.data.key}: ${result}`);
      // A failed send was released for retry; failing the job makes pg-boss retry it later.
      if (result === 'failed') throw new Error(`delivery ${job.data.key} failed`);
    }
  });
  await boss.schedule(DAILY_QUEUE, options.cron ?? '0 8 * * *', {}, { tz: 'Asia/Shanghai' });
  return { boss, runDaily, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
