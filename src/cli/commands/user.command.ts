/** `yingshang user add --login L --password P --role R --region NAME [--unit NAME] [--name DISPLAY]`. */
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { isAppError } from '../../domain/errors.ts';
import { regions, units } from '../../db/schema.ts';
import { loadConfig } from '../../server/config.ts';
import { createUser } from '../../server/use-cases/users.ts';
import { openForCli } from '../database.ts';

const USAGE = '用法: yingshang user add --login L --password P --role office|leader|unit --region 区域名 [--unit 单位名] [--name 显示名]';

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') {
    console.error(USAGE);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: {
      login: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, region: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' },
    } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { login, password, role, region, unit, name } = values;
  if (!login || !password || !role || !region) {
    console.error(`缺少必填参数 (missing option)\n${USAGE}`);
    return 2;
  }
  const database = await openForCli(loadConfig());
  if (!database) return 1;
  try {
    const db = database.db;
    const [r] = await db.select().from(regions).where(eq(regions.name, region));
    if (!r) {
      console.error(`REGION_NOT_FOUND: 区域“${region}”不存在`);
      return 1;
    }
    let unitId: number | null = null;
    if (unit) {
      const [u] = await db.select().from(units).where(and(eq(units.name, unit), eq(units.regionId, r.id)));
      if (!u) {
        console.error(`UNIT_NOT_FOUND: 区域“${region}”下没有单位“${unit}”`);
        return 1;
      }
      unitId = u.id;
    }
    const id = await createUser(db, null, { login, password, role, regionId: r.id, unitId, displayName: name ?? login });
    console.log(`已创建用户 ${login}（id ${id}，角色 ${role}，区域 ${region}${unit ? `，单位 ${unit}` : ''}）`);
    return 0;
  } catch (e) {
    if (isAppError(e)) {
      console.error(`${e.code}: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}
