/**
 * Starting for real, as processes: a production start never creates demo data and refuses a
 * database holding demo accounts; stopping `npm start` (scripts/start.mjs) with SIGTERM stops
 * the server it started and leaves the data directory free at once.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { plans, users } from '../../db/schema.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { databaseKinds, demoDatabase, freshDatabase } from '../../server/testing/test-app.ts';
import { checkProductionStart } from '../../server/demo/production-guard.ts';
import { loadDemo } from '../../db/demo/load-demo.ts';

const root = new URL('../../../', import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'yingshang-serve-'));
  dirs.push(d);
  return join(d, 'data');
};
// Each case starts real processes (tsx, migrations): give them room on a busy machine.
vi.setConfig({ testTimeout: 240_000 });
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const env = (dataDir: string, extra: Record<string, string> = {}) => ({
  ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SOFFICE_PATH: 'off', YINGSHANG_MODE: '', ...extra,
});

/** Starts a process and resolves once it prints that the server is up (with its port), or rejects when it exits first. */
function started(child: ChildProcess): Promise<{ port: number; output: () => string }> {
  let out = '';
  child.stdout?.on('data', (b: Buffer) => { out += b.toString(); });
  child.stderr?.on('data', (b: Buffer) => { out += b.toString(); });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /已启动: http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({ port: Number(m[1]), output: () => out });
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`exited with ${code} before serving:\n${out}`));
    });
  });
}

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a production start', () => {
  it('on an empty database serves without any demo data or account, and says how to create the first administrator', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['bin/yingshang.mjs', 'serve'], { cwd: root, env: env(dataDir, { JOBS: 'off' }) });
    const { port, output } = await started(child);
    const system = await (await fetch(`http://127.0.0.1:${port}/api/system`)).json() as { mode: string; demo: unknown };
    expect(system).toMatchObject({ mode: 'production', demo: null });
    expect(output()).toContain('yingshang init');
    expect(output()).not.toContain('演示账号');
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    const database = await openDatabase({ dataDir });
    try {
      expect((await database.db.select({ n: count() }).from(users))[0]?.n).toBe(0);
      expect((await database.db.select({ n: count() }).from(plans))[0]?.n).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('refuses a database that holds demo accounts', () => {
    const dataDir = tempDir();
    const load = spawnSync(process.execPath, ['bin/yingshang.mjs', 'demo'], { cwd: root, env: env(dataDir, { DEMO_YEAR: 'off' }), encoding: 'utf8', timeout: 300_000 });
    expect(load.status, load.stderr).toBe(0);
    const serve = spawnSync(process.execPath, ['bin/yingshang.mjs', 'serve'], { cwd: root, env: env(dataDir, { JOBS: 'off' }), encoding: 'utf8', timeout: 120_000 });
    expect(serve.status).toBe(1);
    expect(serve.stderr).toContain('拒绝以正式模式启动');
    expect(serve.stderr).toContain('office-shaoyang');
    expect(serve.stdout).not.toContain('已启动');
  });
});

describe.each(databaseKinds())('the production check on %s', (kind) => {
  it('passes an empty database with the hint to run init, refuses demo accounts unless allowed', async () => {
    const empty = await freshDatabase(kind);
    try {
      expect(await checkProductionStart(empty.database.db, false)).toEqual({ ok: true, messages: [expect.stringContaining('yingshang init')] });
    } finally {
      await empty.dispose();
    }
    const demo = await demoDatabase(kind);
    try {
      const refused = await checkProductionStart(demo.database.db, false);
      expect(refused.ok).toBe(false);
      expect(refused.messages.join('')).toContain('head-scjg');
      expect((await checkProductionStart(demo.database.db, true)).ok).toBe(true);
    } finally {
      await demo.dispose();
    }
  });

  it('the demo loader itself is what creates demo accounts (a production database never calls it)', async () => {
    const empty = await freshDatabase(kind);
    try {
      expect((await checkProductionStart(empty.database.db, false)).ok).toBe(true);
      await loadDemo(empty.database.db, { reset: false, hashPassword });
      expect((await checkProductionStart(empty.database.db, false)).ok).toBe(false);
    } finally {
      await empty.dispose();
    }
  });
});

describe('stopping npm start', () => {
  it('SIGTERM to scripts/start.mjs stops the server it started and frees the data directory at once', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env: env(dataDir, { START_BUILD_WEB: 'off', DEMO_YEAR: 'off', JOBS: 'on' }) });
    const { port } = await started(child);
    const lock = JSON.parse(readFileSync(join(dataDir, 'yingshang.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).not.toBe(child.pid);
    expect(alive(lock.pid)).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/api/system`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    // The server exited before start.mjs did, having removed its lock.
    expect(alive(lock.pid)).toBe(false);
    expect(existsSync(join(dataDir, 'yingshang.lock'))).toBe(false);
    const database = await openDatabase({ dataDir });
    try {
      expect((await database.db.select({ n: count() }).from(plans))[0]?.n).toBe(3);
    } finally {
      await database.close();
    }
  });
});
