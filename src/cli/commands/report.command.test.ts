import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../../ingest/index.ts';
import { inspectDocx } from '../../reports/__fixtures__/docx-inspect.ts';
import { run } from './report.command.ts';
import { loadGold } from '../../ingest/testing/gold-render-model.ts';

const root = new URL('../../../', import.meta.url).pathname;

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync('node', ['bin/yingshang.mjs', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: '', SOFFICE_PATH: 'off', ...env }, encoding: 'utf8', timeout: 180_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the command in-process (no spawn: each costs seconds) and captures stderr. */
async function runHere(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await run(args), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('yingshang report', () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('writes a 月通报 DOCX and the responsibility table from the database, and refuses bad input in one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-report-'));
    // The seed plans without the demo year: a June with nothing done yet.
    const env = { DATA_DIR: join(dir, 'data'), DEMO_YEAR: 'off' };
    expect(cli(['demo'], env).code).toBe(0);

    const notice = cli(['report', 'monthly-notice', '--plan', '1', '--period', '2023-06', '--out', join(dir, 'notice.docx')], env);
    expect(notice.stderr).toBe('');
    expect(notice.code).toBe(0);
    expect(notice.stdout).toContain('月通报，2023年6月');
    const text = (await inspectDocx(new Uint8Array(readFileSync(join(dir, 'notice.docx'))))).paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('关于2023年6月全市优化营商环境重点任务推进情况的通报');
    expect(text).toContain('《邵阳市2023年营商环境创优提质行动实施方案》');
    // Nothing is done in the demo: every due task is open, so both rates are 0.
    expect(text).toMatch(/已到期\d+项，已办结0项，完成率0\.0%；其中按时办结0项，按时完成率0\.0%/);
    // A draft: no 文号, dated by its period (the month's last day), not by today.
    const paragraphs = (await inspectDocx(new Uint8Array(readFileSync(join(dir, 'notice.docx'))))).paragraphs.map((p) => p.text);
    expect(notice.stdout).toContain('草稿');
    expect(paragraphs).toContain('2023年6月30日');
    expect(text).not.toContain('邵优化通〔');

    // Issued from the CLI: numbered like the web's 印发, dated as asked.
    const issued = cli(['report', 'monthly-notice', '--plan', '1', '--period', '2023-06', '--date', '2023-07-03', '--issue', '--as', 'office-shaoyang', '--out', join(dir, 'issued.docx')], env);
    expect(issued.stderr).toBe('');
    expect(issued.stdout).toContain('已印发 邵优化通〔2023〕1号');
    const issuedText = (await inspectDocx(new Uint8Array(readFileSync(join(dir, 'issued.docx'))))).paragraphs.map((p) => p.text);
    expect(issuedText).toContain('邵优化通〔2023〕1号');
    expect(issuedText).toContain('2023年7月3日');

    const table = cli(['report', 'responsibility-table', '--plan', '1', '--layout', 'six', '--out', join(dir, 'table.xlsx')], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('六列');
    const draft = await parseDocument({ bytes: new Uint8Array(readFileSync(join(dir, 'table.xlsx'))), fileName: 'table.xlsx' });
    // Plan 1 is the 邵阳 seed: the table round-trips every task of its gold file.
    expect(draft.tasks).toHaveLength((loadGold('000').tasks as unknown[]).length);

    process.env.DATA_DIR = env.DATA_DIR;
    process.env.DATABASE_URL = '';
    const kind = await runHere(['weekly-notice', '--plan', '1', '--period', '2023-06', '--out', join(dir, 'x.docx')]);
    expect(kind).toMatchObject({ code: 2 });
    expect(kind.stderr).toMatch(/^REPORT_USAGE: 未知的公文类型“weekly-notice”.*\n$/);
    const period = await runHere(['brief', '--plan', '1', '--period', '2023-06', '--out', join(dir, 'x.docx')]);
    expect(period.code).toBe(1);
    expect(period.stderr).toMatch(/^PERIOD_INVALID: .*2023-06-2.*\n$/);
    const date = await runHere(['monthly-notice', '--plan', '1', '--period', '2023-06', '--date', '2023-02-30', '--out', join(dir, 'x.docx')]);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/^REPORT_USAGE: --date 应为有效日期/);
    expect((await runHere(['monthly-notice', '--plan', '1', '--period', '2023-06', '--issue', '--out', join(dir, 'x.docx')])).stderr).toMatch(/--issue 需要 --as/);
    const nobody = await runHere(['monthly-notice', '--plan', '1', '--period', '2023-06', '--issue', '--as', 'nobody', '--out', join(dir, 'x.docx')]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/^VALIDATION_FAILED: 账号“nobody”不存在\n$/);
    const plan = await runHere(['monthly-notice', '--plan', '999', '--period', '2023-06', '--out', join(dir, 'x.docx')]);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/^PLAN_NOT_FOUND: .*\n$/);
  }, 300_000);
});
