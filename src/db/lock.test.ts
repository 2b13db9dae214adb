import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './lock.ts';

describe('data directory lock', () => {
  it('refuses a second opener while the holder lives, naming the process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-lock-'));
    // Pretend the parent process (alive, not us) holds the directory.
    writeFileSync(join(dir, 'yingshang.lock'), JSON.stringify({ pid: process.ppid, command: 'yingshang serve', startedAt: '2026-01-01T00:00:00Z' }));
    let error: unknown;
    try { acquireDataDirLock(dir); } catch (e) { error = e; }
    expect(error).toMatchObject({ code: 'DATA_DIR_LOCKED' });
    expect((error as Error).message).toContain(String(process.ppid));
    expect((error as Error).message).toContain('yingshang serve');
  });

  it('takes over a stale lock of a dead process and releases its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-lock-'));
    writeFileSync(join(dir, 'yingshang.lock'), JSON.stringify({ pid: 2_147_483_000, command: 'old', startedAt: 'x' }));
    const release = acquireDataDirLock(dir);
    expect((JSON.parse(readFileSync(join(dir, 'yingshang.lock'), 'utf8')) as { pid: number }).pid).toBe(process.pid);
    release();
    const again = acquireDataDirLock(dir);
    again();
  });
});
