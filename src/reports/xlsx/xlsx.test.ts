import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planImportFromDraft } from '../../domain/plan-import.ts';
import { parseDocument } from '../../ingest/index.ts';
import { readGold, shaoyangPlan } from '../__fixtures__/shaoyang-progress.ts';
import { renderResponsibilityXlsx } from './responsibility-table.ts';
import { renderTaskListXlsx } from './task-list-table.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

const TASK_FIELDS = ['seq', 'indicator_seq', 'indicator', 'sub_indicator_code', 'sub_indicator', 'text', 'leader', 'lead_units',
  'responsible_units', 'responsible_units_open', 'deadline_raw', 'deadline', 'annual_target', 'basis', 'remarks'] as const;

function fieldsOf(task: unknown, keys: readonly string[]): Record<string, unknown> {
  const rec = task !== null && typeof task === 'object' ? Object.entries(task) : [];
  return Object.fromEntries(rec.filter(([k]) => keys.includes(k)));
}

function goldTasks(name: string): unknown[] {
  const gold = readGold(name);
  const tasks = gold !== null && typeof gold === 'object' && 'tasks' in gold ? gold.tasks : [];
  return Array.isArray(tasks) ? tasks : [];
}

describe('responsibility table, seed 000 layout', () => {
  it('has the title row, merged group cells, print titles and A4 landscape fitted to width', async () => {
    const ws = await load(await renderResponsibilityXlsx(shaoyangPlan()));
    expect(ws.getCell('A1').value).toBe('邵阳市2023年营商环境创优提质行动实施方案重点工作责任分工表');
    expect(ws.getRow(2).values).toEqual([undefined, '一级指标', '二级指标', '具体举措', '责任领导', '牵头单位', '责任单位', '完成时限', '年度目标', '文件依据', '备注']);
    const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('A1:J1');
    // Indicator 1 (开办企业) has tasks 1–7 on rows 3–9: label, leader, lead unit and target merged over them.
    const indicator1 = shaoyangPlan().tasks.filter((t) => t.indicatorSeq === 1).length;
    const end = 2 + indicator1;
    for (const col of ['A', 'D', 'E', 'H']) expect(merges).toContain(`${col}3:${col}${end}`);
    expect(ws.getCell('A3').value).toBe('1.开办企业（市本级、县市区评价指标）');
    expect(ws.getCell('C3').value).toMatch(/^1\.深化企业开办标准化规范化改革/);
    expect(ws.getCell('F3').value).toMatch(/,以下工作责任单位均含各县市区委、人民政府，邵阳经开区、各园区，不再单列。$/);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    expect(ws.getCell('C3').alignment.wrapText).toBe(true);
    expect(ws.getCell('C3').border.left?.style).toBe('thin');
    expect(ws.rowCount).toBe(2 + 204);
  });

  it('gives every task row the height its wrapped text needs', async () => {
    const ws = await load(await renderResponsibilityXlsx(shaoyangPlan()));
    // Recomputed here: 具体举措 is 48 units wide (a CJK character takes 2), about 23 characters a line.
    const lines = (text: string, width: number): number => text.split('\n')
      .reduce((n, l) => n + Math.max(1, Math.ceil([...l].reduce((u, ch) => u + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0) / (width - 1))), 0);
    for (let r = 3; r <= 2 + 204; r++) {
      const height = ws.getRow(r).height;
      const text = ws.getCell(r, 3).text;
      expect(height, `row ${r}`).toBeGreaterThanOrEqual(lines(text, 48) * 15);
    }
    // A merged cell (一级指标, 二级指标, 牵头单位 …) fits in the rows it spans together.
    const widths = [12, 16, 48, 8, 12, 24, 10, 8, 22, 10];
    const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
    for (const range of merges.filter((m) => m !== 'A1:J1')) {
      const [, col = 'A', top = '0', bottom = '0'] = /^([A-J])(\d+):[A-J](\d+)$/.exec(range) ?? [];
      const c = col.charCodeAt(0) - 64;
      let height = 0;
      for (let r = Number(top); r <= Number(bottom); r++) height += ws.getRow(r).height;
      expect(height, range).toBeGreaterThanOrEqual(lines(ws.getCell(Number(top), c).text, widths[c - 1] ?? 10) * 15);
    }
    const short = Math.min(...Array.from({ length: 204 }, (_, k) => ws.getRow(3 + k).height));
    const long = Math.max(...Array.from({ length: 204 }, (_, k) => ws.getRow(3 + k).height));
    expect(short).toBeLessThan(long);
  });

  it('reads back through the importer to the gold tasks, field by field', async () => {
    const bytes = await renderResponsibilityXlsx(shaoyangPlan());
    const draft = await parseDocument({ bytes, fileName: '责任分工表.xlsx' });
    const gold = goldTasks('000.json');
    expect(draft.tasks).toHaveLength(gold.length);
    draft.tasks.forEach((t, i) => expect(fieldsOf(t, TASK_FIELDS)).toEqual(fieldsOf(gold[i], TASK_FIELDS)));
    expect(draft.plan.responsible_units_note).toBe(shaoyangPlan().responsibleUnitsNote);
  });
});

describe('task table, seed 001 layout', () => {
  const plan = planImportFromDraft(readGold('001.json'));

  it('merges 序号, 一级指标 and the unit columns over each indicator', async () => {
    const ws = await load(await renderTaskListXlsx(plan));
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '一级指标', '重点工作任务', '完成时限', '牵头单位', '责任单位']);
    const merges: string[] = (ws.model as unknown as { merges: string[] }).merges;
    const n = plan.tasks.filter((t) => t.indicatorSeq === 1).length;
    for (const col of ['A', 'B', 'E', 'F']) expect(merges).toContain(`${col}3:${col}${2 + n}`);
    expect(ws.getCell('F3').value).toMatch(/各县市区政府（含管理区、经开区管委会，下同）/);
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
  });

  it('reads back through the importer to the gold tasks', async () => {
    const draft = await parseDocument({ bytes: await renderTaskListXlsx(plan), fileName: '重点任务.xlsx' });
    const gold = goldTasks('001.json');
    expect(draft.tasks).toHaveLength(121);
    draft.tasks.forEach((t, i) => expect(fieldsOf(t, TASK_FIELDS)).toEqual(fieldsOf(gold[i], TASK_FIELDS)));
  });
});
