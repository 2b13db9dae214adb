/**
 * Two server instances behind one PostgreSQL (issue 20): a session made on one is good on the
 * other and ends on both; the daily run (lights + reminders) started on both at once reminds each
 * unit once and keeps one light per task and period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/client.ts';
import { WorkCalendar } from '../domain/supervision/work-calendar.ts';
import { notifications, taskLights } from '../db/supervision-schema.ts';
import { buildApp } from './app.ts';
import type { App } from './context.ts';
import { loadConfig } from './config.ts';
import { runDailySupervision } from './jobs/queue.ts';
import { demoApp, signIn, type TestApp } from './testing/test-app.ts';

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('two server instances on one PostgreSQL', () => {
  let a: TestApp;
  let second: Database;
  let b: App;
  const calendar = new WorkCalendar();

  beforeAll(async () => {
    a = await demoApp('postgres');
    const url = (a.database.jobs as { url: string }).url;
    second = await openDatabase({ url, migrate: false });
    b = await buildApp({ db: second.db, config: loadConfig({ DATA_DIR: 'memory://' }), now: () => a.clock.now, webRoot: '/nonexistent' });
    await b.ready();
  });
  afterAll(async () => {
    await b.close();
    await second.close();
    await a.close();
  });

  it('shares sessions: signed in on one, served by the other, signed out on both', async () => {
    const cookie = await signIn(a.app, 'office-shaoyang');
    expect((await b.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await b.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBeLessThan(300);
    expect((await a.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('runs the daily job on both at once: each reminder lands once, one light per task and period', async () => {
    const now = new Date('2023-07-10T08:00:00+08:00');
    const runs = await Promise.all([a.database.db, second.db, a.database.db, second.db].map((db) => runDailySupervision(db, '2023-07-10', calendar, now)));
    expect(runs.every((r) => r.plans === runs[0]!.plans)).toBe(true);
    const [reminders] = await a.database.db.select({ n: count() }).from(notifications).where(sql`${notifications.dedupeKey} like 'reminder:%'`);
    expect(reminders!.n).toBeGreaterThan(0);
    const doubled = await a.database.db.execute(sql`select user_id, dedupe_key from notifications where dedupe_key is not null group by 1, 2 having count(*) > 1`);
    expect((doubled as { rows: unknown[] }).rows).toEqual([]);
    const lights = await a.database.db.execute(sql`select task_id, period from task_lights group by 1, 2 having count(*) > 1`);
    expect((lights as { rows: unknown[] }).rows).toEqual([]);
    // A third run (either instance) adds nothing.
    await runDailySupervision(second.db, '2023-07-10', calendar, now);
    const [again] = await a.database.db.select({ n: count() }).from(notifications).where(sql`${notifications.dedupeKey} like 'reminder:%'`);
    expect(again!.n).toBe(reminders!.n);
    const [kept] = await a.database.db.select({ n: count() }).from(taskLights);
    expect(kept!.n).toBeGreaterThan(0);
  });
});
