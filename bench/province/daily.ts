// Times the daily supervision run (lights of the live plans + reminders) on the province data set.
// Run by province.bench.mjs: node --import tsx bench/province/daily.ts <database url>
import { openDatabase } from '../../src/db/client.ts';
import { chinaDate, WorkCalendar } from '../../src/domain/supervision/work-calendar.ts';
import * as queue from '../../src/server/jobs/queue.ts';
import { plans } from '../../src/db/schema.ts';
import { recordPlanLights } from '../../src/server/use-cases/supervision/lights.ts';
import { runReminders } from '../../src/server/use-cases/supervision/reminders.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: daily.ts <database url>');
const database = await openDatabase({ url, migrate: false });
try {
  const now = new Date();
  const t0 = performance.now();
  const today = chinaDate(now);
  const calendar = new WorkCalendar();
  // Before issue 20 the daily run had no function of its own: every plan's lights, then reminders.
  const r = 'runDailySupervision' in queue
    ? await (queue as { runDailySupervision: (...a: unknown[]) => Promise<{ plans: number; deliveries: unknown[] }> }).runDailySupervision(database.db, today, calendar, now)
    : await (async () => {
      const all = await database.db.select({ id: plans.id }).from(plans);
      for (const p of all) await recordPlanLights(database.db, p.id, today, calendar, now);
      return { plans: all.length, deliveries: await runReminders(database.db, today, calendar) };
    })();
  console.log(JSON.stringify({ ms: performance.now() - t0, plans: r.plans, deliveries: r.deliveries.length }));
} finally {
  await database.close();
}
