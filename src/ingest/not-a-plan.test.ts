// Statistics exports and export templates are refused with a clear message, through the engine
// and through `yingshang parse` (non-zero exit, the message on stderr).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as parseCommand } from '../cli/commands/parse.command.ts';
import { isAppError } from '../domain/errors.ts';
import { parseDocument } from './index.ts';
import { loadCorpus, renderCorpusDoc } from './testing/corpus.ts';

async function workbook(rows: string[][], sheet = '统计'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r.map((v) => (/^\d+$/.test(v) ? Number(v) : v)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const STATISTICS = [
  ['2025年5月政务服务办件量统计表'],
  ['序号', '单位', '受理量', '办结量', '好评数', '差评数'],
  ['1', '县市场监管局', '120', '118', '115', '0'],
  ['2', '县税务局', '0', '0', '0', '0'],
  ['3', '县自然资源局', '0', '0', '0', '0'],
  ['4', '县人社局', '35', '35', '30', '1'],
  ['5', '县公安局', '0', '0', '0', '0'],
];
const TEMPLATE = [
  ['${data.title}'],
  ['序号', '工作任务', '牵头单位', '完成时限'],
  ['${item.index}', '${item.name}', '${item.unit}', '${item.deadline}'],
];

async function refusal(bytes: Uint8Array, fileName: string): Promise<{ code: string; message: string }> {
  const e: unknown = await parseDocument({ bytes, fileName }).then(() => null, (x: unknown) => x);
  if (!isAppError(e)) throw new Error(`${fileName} was not refused with a coded error`);
  return { code: e.code, message: e.message };
}

describe('sheets that are not plans', () => {
  it('refuses a statistics export (rows of counts, all-zero rows)', async () => {
    const r = await refusal(await workbook(STATISTICS), '办件量统计.xlsx');
    expect(r.code).toBe('PLAN_IMPORT_NOT_A_PLAN');
    expect(r.message).toContain('“办件量统计.xlsx”是统计报表');
  });

  it('refuses an export template with ${…} placeholders, quoting the placeholder', async () => {
    const r = await refusal(await workbook(TEMPLATE, '导出模板'), '任务导出模板.xlsx');
    expect(r.code).toBe('PLAN_IMPORT_NOT_A_PLAN');
    expect(r.message).toContain('${data.title}');
    expect(r.message).toContain('导出模板');
  });

  it('still reads the corpus sheets, whose 序号 and dates are numbers too', async () => {
    for (const d of loadCorpus().filter((x) => x.sheet)) {
      const draft = await parseDocument({ bytes: await renderCorpusDoc(d, 'xlsx'), fileName: `${d.id}.xlsx` });
      expect(draft.tasks.length).toBe((d.gold.tasks as unknown[]).length);
    }
  });
});

describe('yingshang parse on a statistics export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ys-parse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits non-zero and prints the code and the Chinese reason', async () => {
    const file = join(dir, '办件量统计.xlsx');
    writeFileSync(file, await workbook(STATISTICS));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await parseCommand([file])).toBe(1);
      const printed = err.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toContain('PLAN_IMPORT_NOT_A_PLAN');
      expect(printed).toContain('是统计报表');
      expect(out).not.toHaveBeenCalled();
    } finally {
      err.mockRestore();
      out.mockRestore();
    }
  });
});
