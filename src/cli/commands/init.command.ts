/**
 * `yingshang init [--login admin] [--name 显示名] [--password P] [--region 区域名 --level city]`:
 * the first administrator of an empty production database. Without --password a random password
 * is generated and printed once; it must be changed at the first sign-in.
 */
import { parseArgs } from 'node:util';
import { isAppError } from '../../domain/errors.ts';
import { loadConfig } from '../../server/config.ts';
import { initAdministrator, type RegionLevel } from '../../server/use-cases/setup.ts';
import { describeDatabase, openForCli } from '../database.ts';

const USAGE = '用法: yingshang init [--login 登录名(默认 admin)] [--name 显示名] [--password 密码(不填则随机生成)] [--region 区域名 --level province|city|county|district|park]';
const LEVELS = ['province', 'city', 'county', 'district', 'park'];

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: {
      login: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, region: { type: 'string' }, level: { type: 'string' },
    } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.level && !LEVELS.includes(values.level)) {
    console.error(`区域级别“${values.level}”不正确\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const database = await openForCli(config);
  if (!database) return 1;
  try {
    const result = await initAdministrator(database.db, {
      login: values.login ?? 'admin', displayName: values.name ?? '系统管理员', password: values.password,
      regionName: values.region, regionLevel: values.level as RegionLevel | undefined,
    });
    console.log(`已创建管理员 ${values.login ?? 'admin'}（区域 ${result.regionName}${result.regionCreated ? '，新建' : ''}）: ${describeDatabase(config)}`);
    if (result.generated) console.log(`初始密码（只显示这一次，请妥善保管）: ${result.password}`);
    console.log('首次登录后须修改密码。');
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
