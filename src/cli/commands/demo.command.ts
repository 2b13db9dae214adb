/** `yingshang demo [--reset]`: loads the demo data (and plays the demo year) into an empty database, or rebuilds it. */
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../../db/demo/demo-data.ts';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { loadConfig } from '../../server/config.ts';
import { prepareDemo } from '../../server/demo/prepare-demo.ts';
import { describeDatabase, openForCli } from '../database.ts';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { reset: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const database = await openForCli(config);
  if (!database) return 1;
  try {
    const result = await prepareDemo(database.db, {
      reset: values.reset ?? false, hashPassword, calendar: new WorkCalendar(), playYear: config.DEMO_YEAR === 'on', log: (m) => console.log(m),
    });
    if (!result.loaded) {
      console.log('数据库中已有方案，未载入演示数据。重建请使用 `yingshang demo --reset`（会清空全部数据）。');
      return 0;
    }
    console.log(`演示数据已${values.reset ? '重建' : '载入'}（${describeDatabase(config)}）：${result.plans} 个方案，${result.tasks} 项任务；账号 ${result.users.join(', ')}，密码 ${DEMO_PASSWORD}`);
    return 0;
  } finally {
    await database.close();
  }
}
