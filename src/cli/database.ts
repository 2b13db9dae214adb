/** Opens the configured database for a CLI command, turning a held data directory into one clear line. */
import { openDatabase, type Database } from '../db/client.ts';
import { isAppError } from '../domain/errors.ts';
import type { Config } from '../server/config.ts';

/** Opens the database of the configuration, or prints why not and returns null. */
export async function openForCli(config: Config): Promise<Database | null> {
  try {
    return await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  } catch (e) {
    if (isAppError(e)) {
      console.error(`${e.code}: ${e.message}`);
      return null;
    }
    throw e;
  }
}

/** Describes where the data lives, for start-up messages. */
export function describeDatabase(config: Config): string {
  return config.DATABASE_URL ? `PostgreSQL ${config.DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')}` : `PGlite（嵌入式）数据目录 ${config.DATA_DIR}`;
}
