/**
 * `yingshang backup FILE [--server URL]`: PostgreSQL through pg_dump; the embedded database from
 * its data directory when no server holds it, else from the running server's /api/admin/backup
 * (signed in as YINGSHANG_LOGIN / YINGSHANG_PASSWORD). Written to FILE.partial then renamed, so
 * a scheduled run never leaves a truncated FILE behind.
 */
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '../../domain/errors.ts';
import { backupPglite, backupPostgres } from '../../db/backup.ts';
import { loadConfig } from '../../server/config.ts';
import { describeDatabase } from '../database.ts';

const USAGE = '用法: yingshang backup FILE [--server http://127.0.0.1:3000]（服务运行中备份嵌入式数据库时，用 YINGSHANG_LOGIN / YINGSHANG_PASSWORD 登录）';

/** Signs in to a running server and downloads its backup into `file`. */
async function fromServer(server: string, file: string): Promise<void> {
  const login = process.env.YINGSHANG_LOGIN;
  const password = process.env.YINGSHANG_PASSWORD;
  if (!login || !password) throw new Error('请用环境变量 YINGSHANG_LOGIN 和 YINGSHANG_PASSWORD 提供有备份权限的账号');
  const base = server.replace(/\/+$/, '');
  const session = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (!session.ok) throw new Error(`登录 ${base} 失败：${((await session.json()) as { message?: string }).message ?? session.status}`);
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  try {
    const res = await fetch(`${base}/api/admin/backup`, { headers: { cookie } });
    if (!res.ok) throw new Error(`下载备份失败：${((await res.json()) as { message?: string }).message ?? res.status}`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  } finally {
    await fetch(`${base}/api/session`, { method: 'DELETE', headers: { cookie } }).catch(() => undefined);
  }
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { server: { type: 'string' } } });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [target] = parsed.positionals;
  if (!target || parsed.positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const file = resolve(target);
  const partial = `${file}.partial`;
  try {
    if (parsed.values.server) await fromServer(parsed.values.server, partial);
    else if (config.DATABASE_URL) await backupPostgres(config.DATABASE_URL, partial);
    else await backupPglite(config.DATA_DIR, partial);
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    if (isAppError(e) && e.code === 'DATA_DIR_LOCKED') {
      console.error(`${e.message}\n服务运行时请通过服务备份：YINGSHANG_LOGIN=… YINGSHANG_PASSWORD=… yingshang backup ${target} --server http://127.0.0.1:${config.PORT}\n（或先停止服务再运行 yingshang backup ${target}）`);
      return 1;
    }
    console.error(isAppError(e) ? `${e.code}: ${e.message}` : (e as Error).message);
    return 1;
  }
  const source = parsed.values.server ? `服务 ${parsed.values.server}` : describeDatabase(config);
  console.log(`备份完成 (backup written): ${file}（${(statSync(file).size / 1_048_576).toFixed(1)} MB，来自${source}）`);
  return 0;
}
