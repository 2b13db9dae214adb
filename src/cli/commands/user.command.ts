/**
 * `yingshang user add|disable|enable|reset-password|unlock`: accounts from the command line, audited
 * like the screens (with no actor: whoever holds the database).
 */
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { isAppError } from '../../domain/errors.ts';
import { regions, units, users } from '../../db/schema.ts';
import { loadConfig } from '../../server/config.ts';
import { resetUserPassword, setUserDisabled, unlockUser } from '../../server/use-cases/user-admin.ts';
import { createUser } from '../../server/use-cases/users.ts';
import { openForCli } from '../database.ts';

const USAGE = [
  '用法: yingshang user add --login L --password P --role admin|office|leader|unit --region 区域名 [--unit 单位名] [--name 显示名]',
  '      yingshang user disable|enable|unlock --login L',
  '      yingshang user reset-password --login L [--password P]（不填则随机生成；下次登录须修改）',
].join('\n');

type Values = Partial<Record<'login' | 'password' | 'role' | 'region' | 'unit' | 'name', string>>;

async function add(db: Db, values: Values): Promise<number> {
  const { login, password, role, region, unit, name } = values;
  if (!login || !password || !role || !region) {
    console.error(`缺少必填参数 (missing option)\n${USAGE}`);
    return 2;
  }
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
}

async function change(db: Db, sub: string, values: Values): Promise<number> {
  if (!values.login) {
    console.error(`缺少 --login\n${USAGE}`);
    return 2;
  }
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.login, values.login));
  if (!user) {
    console.error(`USER_NOT_FOUND: 用户“${values.login}”不存在`);
    return 1;
  }
  if (sub === 'disable' || sub === 'enable') {
    await setUserDisabled(db, null, user.id, sub === 'disable', new Date());
    console.log(sub === 'disable' ? `已停用用户 ${values.login}，其会话已全部结束` : `已启用用户 ${values.login}`);
  } else if (sub === 'unlock') {
    await unlockUser(db, null, user.id);
    console.log(`已解除用户 ${values.login} 的登录锁定`);
  } else {
    const password = await resetUserPassword(db, null, user.id, values.password, new Date());
    console.log(`已重置用户 ${values.login} 的密码，下次登录须修改。`);
    if (!values.password) console.log(`临时密码（只显示这一次）: ${password}`);
  }
  return 0;
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || !['add', 'disable', 'enable', 'reset-password', 'unlock'].includes(sub)) {
    console.error(USAGE);
    return 2;
  }
  let values: Values;
  try {
    ({ values } = parseArgs({ args: rest, options: {
      login: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, region: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' },
    } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const database = await openForCli(loadConfig());
  if (!database) return 1;
  try {
    return sub === 'add' ? await add(database.db, values) : await change(database.db, sub, values);
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
