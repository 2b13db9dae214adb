/**
 * Backups of both databases. PostgreSQL: pg_dump's custom format, restored by pg_restore. PGlite:
 * the data directory as a gzipped tarball (PGlite's own dump, taken between queries, so it is a
 * crash-consistent snapshot that PostgreSQL's recovery makes whole on restore). Restores go only
 * onto an empty target: a backup never silently overwrites a live database.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import pg from 'pg';
import { AppError } from '../domain/errors.ts';
import { openDatabase } from './client.ts';

export type BackupKind = 'pglite' | 'postgres';

/** Which database a backup file is for, from its first bytes (gzip tarball or pg_dump archive). */
export async function backupKindOf(file: string): Promise<BackupKind> {
  const handle = await openFile(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
  } finally {
    await handle.close();
  }
  throw new AppError('BACKUP_UNREADABLE', `${file} 不是营商平台的备份文件（应为 PGlite 数据目录 .tgz 或 pg_dump 自定义格式）`, { file });
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT'
      ? new AppError('BACKUP_TOOL_MISSING', `找不到 ${command}：请安装 PostgreSQL 客户端（Debian/Ubuntu: apt-get install postgresql-client）`, { command })
      : e));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new AppError('BACKUP_FAILED', `${command} 失败（退出码 ${code}）：${stderr.trim().slice(0, 2000)}`, { command, code }));
    });
  });
}

/** pg_dump of the database at `url` into `file` (custom format, without owners or privileges). */
export async function backupPostgres(url: string, file: string): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', file, '--dbname', url]);
}

/** Restores a pg_dump archive into the (empty) database at `url`, then applies newer migrations. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')`);
    if (Number(rows[0]?.n ?? 0) > 0) {
      throw new AppError('RESTORE_TARGET_NOT_EMPTY', '目标数据库中已有数据表：请恢复到一个新建的空数据库（createdb 新库名，再把 DATABASE_URL 指向它）', {});
    }
  } finally {
    await client.end();
  }
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', url, file]);
  await (await openDatabase({ url })).close();
}

/** PGlite: the data directory of an open database (or one opened here, if no server holds it). */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  const database = await openDatabase({ dataDir, migrate: false });
  try {
    const blob = await database.dump?.();
    if (!blob) throw new Error('PGlite dump unavailable');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  } finally {
    await database.close();
  }
}

/** PGlite: unpacks a backup into an empty data directory and applies newer migrations. */
export async function restorePglite(dataDir: string, file: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new AppError('RESTORE_TARGET_NOT_EMPTY', `数据目录 ${dataDir} 不是空的：请先停止服务并把它移走（例如 mv ${dataDir} ${dataDir}.old），或用 DATA_DIR 指定一个新目录`, { dataDir });
  }
  const database = await openDatabase({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
  await database.close();
}
