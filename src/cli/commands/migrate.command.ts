/** `yingshang migrate`: applies the committed migrations to the configured database. */
import { loadConfig } from '../../server/config.ts';
import { describeDatabase, openForCli } from '../database.ts';

export async function run(_args: string[]): Promise<number> {
  const config = loadConfig();
  const database = await openForCli(config);
  if (!database) return 1;
  await database.close();
  console.log(`数据库迁移已完成 (migrations applied): ${describeDatabase(config)}`);
  return 0;
}
