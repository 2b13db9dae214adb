/**
 * PGlite lets one process open a data directory; a second opener would corrupt it or fail with an
 * obscure WASM error. We hold a lock file naming the owning process so a CLI command run while the
 * server is up can say exactly which process holds the directory.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../domain/errors.ts';

interface LockInfo { pid: number; command: string; startedAt: string }

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** Takes the data directory's lock for this process, or throws DATA_DIR_LOCKED naming the holder. */
export function acquireDataDirLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'yingshang.lock');
  const mine: LockInfo = { pid: process.pid, command: process.argv.slice(1).join(' '), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      return () => {
        const held = readLock(file);
        if (held?.pid === process.pid) rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readLock(file);
      if (held && held.pid !== process.pid && isAlive(held.pid)) {
        throw new AppError(
          'DATA_DIR_LOCKED',
          `数据目录 ${dataDir} 正被进程 ${held.pid}（${held.command}，启动于 ${held.startedAt}）使用。嵌入式数据库同一时间只能由一个进程打开：请先停止该进程，或通过 DATABASE_URL 连接 PostgreSQL 服务器。`,
          { dataDir, pid: held.pid, command: held.command },
        );
      }
      // A stale lock left by a crashed process (or our own pid reused): take it over.
      rmSync(file, { force: true });
    }
  }
  throw new AppError('DATA_DIR_LOCKED', `无法锁定数据目录 ${dataDir}`, { dataDir });
}
