/**
 * `yingshang restore FILE`: into the configured database, which must be empty (a new PostgreSQL
 * database, or a new/empty DATA_DIR) — a restore never overwrites data. Migrations newer than the
 * backup are applied afterwards.
 */
import { existsSync } from 'node:fs';
import { isAppError } from '../../domain/errors.ts';
import { backupKindOf, restorePglite, restorePostgres } from '../../db/backup.ts';
import { loadConfig } from '../../server/config.ts';
import { describeDatabase } from '../database.ts';

const USAGE = '用法: yingshang restore FILE（恢复到 DATABASE_URL 指向的空数据库，或空的 DATA_DIR）';

export async function run(args: string[]): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length > 0 || file.startsWith('-')) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`找不到备份文件 ${file}`);
    return 1;
  }
  const config = loadConfig();
  try {
    const kind = await backupKindOf(file);
    const target = config.DATABASE_URL ? 'postgres' : 'pglite';
    if (kind !== target) {
      console.error(kind === 'pglite'
        ? `${file} 是嵌入式数据库（PGlite）的备份：请去掉 DATABASE_URL，用 DATA_DIR 指定一个空目录再恢复`
        : `${file} 是 PostgreSQL（pg_dump）的备份：请用 DATABASE_URL 指定一个新建的空数据库再恢复`);
      return 1;
    }
    if (config.DATABASE_URL) await restorePostgres(config.DATABASE_URL, file);
    else await restorePglite(config.DATA_DIR, file);
  } catch (e) {
    console.error(isAppError(e) ? `${e.code}: ${e.message}` : (e as Error).message);
    return 1;
  }
  console.log(`恢复完成 (restored): ${file} → ${describeDatabase(config)}`);
  return 0;
}
