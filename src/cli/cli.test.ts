import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGold } from '../ingest/testing/gold-render-model.ts';

const root = new URL('../../', import.meta.url).pathname;

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync('node', ['bin/yingshang.mjs', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('yingshang CLI on an embedded database', () => {
  it('migrates, loads and resets the demo, adds users and reports bad options plainly', () => {
    // The demo year is played and checked by src/server/demo/play-year.test.ts; here the loader alone.
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'ys-cli-')), DEMO_YEAR: 'off' };
    expect(cli(['migrate'], env).code).toBe(0);
    const demo = cli(['demo'], env);
    expect(demo.code).toBe(0);
    // The demo loads the three seed plans whose hand-checked versions are fixtures/gold/000–002.
    const gold = ['000', '001', '002'].map((id) => loadGold(id).tasks as unknown[]);
    expect(demo.stdout).toContain(`${gold.length} 个方案，${gold.reduce((n, tasks) => n + tasks.length, 0)} 项任务`);
    expect(cli(['demo'], env).stdout).toContain('已有方案');

    const add = cli(['user', 'add', '--login', 'tax-sy', '--password', 'Shuiwu2026x', '--role', 'unit', '--region', '邵阳市', '--unit', '市税务局'], env);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const dup = cli(['user', 'add', '--login', 'tax-sy', '--password', 'Shuiwu2026x', '--role', 'unit', '--region', '邵阳市', '--unit', '市税务局'], env);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('USER_LOGIN_TAKEN');
    expect(cli(['user', 'add', '--login', 'x', '--password', 'Shuiwu2026x', '--role', 'leader', '--region', '火星'], env).stderr).toContain('REGION_NOT_FOUND');
    expect(cli(['user', 'add', '--login', 'x'], env).code).toBe(2);
    expect(cli(['nonsense'], env).code).toBe(2);

    const reset = cli(['demo', '--reset'], env);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('演示数据已重建');
  });

  it('says which process holds the data directory instead of failing obscurely', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'ys-cli-')), PORT: '0', LOG_LEVEL: 'warn' };
    const server = spawn('node', ['bin/yingshang.mjs', 'serve'], { cwd: root, env: { ...process.env, DATABASE_URL: '', ...env } });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('已启动')) resolve(); });
        server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      const r = cli(['migrate'], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('DATA_DIR_LOCKED');
      expect(r.stderr).toContain(String(server.pid));
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    // The server released the directory on shutdown.
    expect(cli(['migrate'], env).code).toBe(0);
  });
});
