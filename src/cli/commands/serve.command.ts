/** `yingshang serve`: migrate, load demo data on an empty database, and serve the API and web app. */
import { loadDemo } from '../../db/demo/load-demo.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../../db/demo/demo-data.ts';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { buildApp } from '../../server/app.ts';
import { startJobs, type Jobs } from '../../server/jobs/queue.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { loadConfig } from '../../server/config.ts';
import { diskGuardOf } from '../../server/files/disk-space.ts';
import { describeDatabase, openForCli } from '../database.ts';

export async function run(_args: string[]): Promise<number> {
  const config = loadConfig();
  // Said first, so that a database failing to open on a full disk is explained, not opaque.
  const lowDisk = diskGuardOf(config).problem();
  if (lowDisk) console.error(`\n警告 (low disk space)：${lowDisk}\n`);
  const database = await openForCli(config);
  if (!database) return 1;
  const demo = await loadDemo(database.db, { reset: false, hashPassword });
  const calendar = new WorkCalendar();
  const app = await buildApp({ db: database.db, config, logger: true, calendar, backup: database.dump });
  // The queue shares the database, so every instance may run it: jobs are claimed, not broadcast.
  const jobs: Jobs | null = config.JOBS === 'on'
    ? await startJobs(database, { calendar, mail: { smtpUrl: config.SMTP_URL, from: config.SMTP_FROM }, webhookAllowHosts: config.WEBHOOK_ALLOW_HOSTS, now: () => new Date(), cron: config.DAILY_CRON, log: (m) => app.log.info(m) })
    : null;
  const stop = async (signal: string): Promise<void> => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await jobs?.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const port = new URL(address).port;
  console.log(`\n营商 Yingshang 已启动: http://localhost:${port}  (${describeDatabase(config)})`);
  if (demo.loaded) console.log(`已载入演示数据：${demo.plans} 个方案，${demo.tasks} 项任务。`);
  console.log(`演示账号 (demo accounts), 密码均为 ${DEMO_PASSWORD}:`);
  for (const u of DEMO_USERS) console.log(`  ${u.login.padEnd(20)} ${u.displayName}（${u.role}）`);
  console.log(`接口文档 (API docs): http://localhost:${port}/api/docs\n`);
  return new Promise<number>(() => undefined);
}
