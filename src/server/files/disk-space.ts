/**
 * Low disk space: the server refuses writes with a clear error before the disk is full, keeps
 * answering reads, and says at start what is wrong. Why: on a full disk PGlite hung at 80% CPU
 * and logged nothing, and a restart failed with an opaque error.
 */
import { existsSync, statfsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { appError } from '../../domain/errors.ts';

/** Free and total bytes of the file system holding `dir` (injectable: tests stub it). */
export type DiskProbe = (dir: string) => { freeBytes: number; totalBytes: number };

/** The real probe: statfs of the nearest existing directory (the data directory may not exist yet). */
export const statfsProbe: DiskProbe = (dir) => {
  let at = resolve(dir);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  const s = statfsSync(at);
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
};

const mb = (bytes: number): number => Math.floor(bytes / 1024 / 1024);

/** The sentence people read, at start and on a refused write. */
export function lowDiskMessage(dir: string, freeBytes: number, minFreeBytes: number): string {
  return `服务器磁盘空间不足：数据目录 ${dir} 所在磁盘仅剩 ${mb(freeBytes)} MB（下限 ${mb(minFreeBytes)} MB），暂停保存新数据，查询和下载不受影响。请联系管理员清理磁盘或扩容。`;
}

/** Answers "may we write?" from the probe, asking it at most once per `cacheMs`. */
export class DiskGuard {
  private last?: { at: number; freeBytes: number };

  constructor(readonly dir: string, readonly minFreeBytes: number, private readonly probe: DiskProbe = statfsProbe, private readonly cacheMs = 2000) {}

  /** Free bytes now (cached briefly); Infinity when the probe fails (never block writes on a probe error). */
  freeBytes(): number {
    const now = Date.now();
    if (this.last && now - this.last.at < this.cacheMs) return this.last.freeBytes;
    let freeBytes = Infinity;
    try {
      freeBytes = this.probe(this.dir).freeBytes;
    } catch { /* an unknown file system is not a full one */ }
    this.last = { at: now, freeBytes };
    return freeBytes;
  }

  /** The problem in words, or null when there is room. */
  problem(): string | null {
    const free = this.freeBytes();
    return free < this.minFreeBytes ? lowDiskMessage(this.dir, free, this.minFreeBytes) : null;
  }

  /** Throws DISK_SPACE_LOW when the free space is below the limit. */
  assertWritable(): void {
    const free = this.freeBytes();
    if (free < this.minFreeBytes) throw appError('DISK_SPACE_LOW', lowDiskMessage(this.dir, free, this.minFreeBytes), { freeMb: mb(free), minFreeMb: mb(this.minFreeBytes) });
  }
}

// Signing in and out stay possible (a session row is tiny) so people can still read.
const ALWAYS_ALLOWED = new Set(['/api/session']);

/** Refuses every API write (POST, PUT, PATCH, DELETE) while the disk is low; reads go on. */
export function registerDiskGuard(app: FastifyInstance, guard: DiskGuard): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const path = request.url.split('?')[0] ?? '';
    const write = request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
    if (!write || !path.startsWith('/api/') || ALWAYS_ALLOWED.has(path)) return done();
    try {
      guard.assertWritable();
      done();
    } catch (e) {
      done(e as Error);
    }
  });
}

/**
 * The guard of the configured data directory. An in-memory database writes nothing to disk, so
 * it is guarded only when a probe is given (tests).
 */
export function diskGuardOf(config: { DATA_DIR: string; MIN_FREE_DISK_MB: number }, probe?: DiskProbe): DiskGuard {
  const inMemory = config.DATA_DIR.startsWith('memory://');
  const unlimited: DiskProbe = () => ({ freeBytes: Infinity, totalBytes: Infinity });
  return new DiskGuard(inMemory ? '(内存数据库)' : config.DATA_DIR, config.MIN_FREE_DISK_MB * 1024 * 1024, probe ?? (inMemory ? unlimited : statfsProbe));
}
