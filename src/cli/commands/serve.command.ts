/**
 * `yingshang serve`: migrate and serve the API and web app. A production start (the default)
 * never loads demo data and refuses a database holding demo accounts unless told; `--demo` (what
 * `npm start` passes) loads the seed plans on an empty database, plays the demo year and serves
 * it on its simulated date. SIGINT/SIGTERM shut down gracefully: requests in flight finish, the
 * job queue stops, the database closes and the data directory's lock is released.
 */
import { parseArgs } from 'node:util';
import { demoAccounts } from '../../db/demo/demo-accounts.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../db/demo/demo-data.ts';
import type { Database } from '../../db/client.ts';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { buildApp } from '../../server/app.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { diskGuardOf } from '../../server/files/disk-space.ts';
import type { App, DemoInfo } from '../../server/context.ts';
import { DEMO_TODAY, demoClock, demoNotice } from '../../server/demo/demo-clock.ts';
import { prepareDemo } from '../../server/demo/prepare-demo.ts';
import { checkProductionStart } from '../../server/demo/production-guard.ts';
import { startJobs, type Jobs } from '../../server/jobs/queue.ts';
import { describeDatabase, openForCli } from '../database.ts';

interface Running { app: App | null; jobs: Jobs | null; abort: AbortController }

/** Stops what runs, in order, once (a Ctrl-C reaches the process twice through `npm start`). */
function shutdownOnSignals(database: Database, running: Running): void {
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    // A shutdown that hangs (a stuck request, an unreachable database) must not keep the process alive.
    setTimeout(() => process.exit(1), 30_000).unref();
    process.stdout.write(`${signal}: 正在停止服务 (shutting down)…\n`, () => undefined);
    running.abort.abort();
    let code = 0;
    try {
      await running.app?.close(); // waits for requests in flight
      await running.jobs?.stop();
    } catch (e) {
      console.error(`停止时出错 (error while stopping): ${(e as Error).message}`);
      code = 1;
    } finally {
      await database.close().catch(() => undefined); // releases the data directory's lock
    }
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
}

/** Demo start: the demo world (loaded and played on an empty database) on its simulated date. */
async function startDemo(database: Database, config: Config, calendar: WorkCalendar, signal: AbortSignal): Promise<{ now: () => Date; demo: DemoInfo | null }> {
  const prepared = await prepareDemo(database.db, { calendar, hashPassword, playYear: config.DEMO_YEAR === 'on', signal, log: (m) => console.log(m) });
  // A database of real plans started with `npm start` keeps real time: only demo data gets the demo date.
  if ((await demoAccounts(database.db)).length === 0) {
    console.log('数据库中没有演示数据，按当前真实日期运行。');
    return { now: () => new Date(), demo: null };
  }
  if (prepared.loaded) console.log(`已载入演示数据：${prepared.plans} 个方案，${prepared.tasks} 项任务。`);
  return { now: demoClock(), demo: { today: DEMO_TODAY, notice: demoNotice() } };
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false }, 'allow-demo-accounts': { type: 'boolean', default: false } } });
  const config = loadConfig();
  // Said first, so that a database failing to open on a full disk is explained, not opaque.
  const lowDisk = diskGuardOf(config).problem();
  if (lowDisk) console.error(`\n警告 (low disk space)：${lowDisk}\n`);
  const demoMode = config.YINGSHANG_MODE ? config.YINGSHANG_MODE === 'demo' : values.demo === true;
  const database = await openForCli(config);
  if (!database) return 1;
  const running: Running = { app: null, jobs: null, abort: new AbortController() };
  shutdownOnSignals(database, running);
  const calendar = new WorkCalendar();
  let clock: { now: () => Date; demo: DemoInfo | null } = { now: () => new Date(), demo: null };
  if (demoMode) {
    clock = await startDemo(database, config, calendar, running.abort.signal);
  } else {
    const check = await checkProductionStart(database.db, config.ALLOW_DEMO_ACCOUNTS || values['allow-demo-accounts'] === true);
    for (const m of check.messages) (check.ok ? console.log : console.error)(m);
    if (!check.ok) {
      await database.close();
      return 1;
    }
  }
  const app = await buildApp({ db: database.db, config, logger: true, calendar, now: clock.now, demo: clock.demo, backup: database.dump });
  running.app = app;
  // The queue shares the database, so every instance may run it: jobs are claimed, not broadcast.
  running.jobs = config.JOBS === 'on'
    ? await startJobs(database, { calendar, mail: { smtpUrl: config.SMTP_URL, from: config.SMTP_FROM }, webhookAllowHosts: config.WEBHOOK_ALLOW_HOSTS, now: clock.now, cron: config.DAILY_CRON, log: (m) => app.log.info(m) })
    : null;
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const port = new URL(address).port;
  console.log(`\n营商 Yingshang 已启动: http://localhost:${port}  (${describeDatabase(config)}，${clock.demo ? `演示模式，${clock.demo.notice}` : '正式模式'})`);
  if (clock.demo) {
    console.log(`演示账号 (demo accounts), 密码均为 ${DEMO_PASSWORD}:`);
    for (const u of DEMO_USERS) console.log(`  ${u.login.padEnd(20)} ${u.displayName}（${u.role}）`);
  }
  console.log(`接口文档 (API docs): http://localhost:${port}/api/docs\n`);
  return new Promise<number>(() => undefined);
}
