/**
 * Evidence files on disk (embedded PGlite mode): written atomically (temporary file, fsync,
 * rename) under content-addressed names, so a crash leaves either the whole file or none, and the
 * database row — written after the file — only ever points at a complete one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export class DiskFileStore {
  constructor(readonly dir: string) {}

  /** Stores the bytes under their hash; returns the path relative to the store (for the database row). */
  async put(data: Buffer, sha256: string): Promise<string> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('sha256 must be 64 hex digits');
    const relative = join(sha256.slice(0, 2), sha256);
    const target = join(this.dir, relative);
    const existing = await stat(target).catch(() => undefined);
    if (existing?.size === data.length) return relative; // the same content is already stored
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const temp = join(this.dir, `.upload-${randomBytes(8).toString('hex')}`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (e) {
      await handle.close();
      await rm(temp, { force: true });
      throw e;
    }
    await handle.close();
    await rename(temp, target);
    return relative;
  }

  /** The bytes of a stored file; the path comes from our own database row, never from a request. */
  read(relative: string): Promise<Buffer> {
    if (!/^[0-9a-f]{2}[/\\][0-9a-f]{64}$/.test(relative)) throw new Error(`not a store path: ${relative}`);
    return readFile(join(this.dir, relative));
  }
}

export interface EvidenceFiles {
  /** Where bytes go: a disk store, or null for the database. */
  store: DiskFileStore | null;
  /** Bytes one unit's evidence may take in total, and all units' together. */
  unitQuotaBytes: number;
  totalQuotaBytes: number;
}

const MB = 1024 * 1024;

/**
 * Files on disk when FILES_DIR is set, or with embedded PGlite on a real directory (DATA_DIR/files);
 * in the database otherwise (PostgreSQL: every instance must see every file).
 */
export function evidenceFilesOf(config: { DATA_DIR: string; DATABASE_URL?: string; FILES_DIR?: string; EVIDENCE_UNIT_QUOTA_MB: number; EVIDENCE_TOTAL_QUOTA_MB: number }): EvidenceFiles {
  const dir = config.FILES_DIR ?? (!config.DATABASE_URL && !config.DATA_DIR.startsWith('memory://') ? join(config.DATA_DIR, 'files') : undefined);
  return { store: dir ? new DiskFileStore(dir) : null, unitQuotaBytes: config.EVIDENCE_UNIT_QUOTA_MB * MB, totalQuotaBytes: config.EVIDENCE_TOTAL_QUOTA_MB * MB };
}
