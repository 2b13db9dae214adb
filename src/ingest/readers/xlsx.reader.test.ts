import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Table } from '../document-model.ts';
import { readXlsx } from './xlsx.reader.ts';

async function sample(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('空白');
  const ws = wb.addWorksheet('任务表');
  ws.addRow(['一级指标', '举措', '完成时限', '比例', '合计']);
  ws.addRow(['开办企业', { richText: [{ text: '一窗' }, { text: '通办', font: { bold: true } }] }, new Date(Date.UTC(2023, 5, 1)), 0.95, { formula: '1+1', result: 2 }]);
  ws.addRow(['', '第二项', new Date(Date.UTC(2023, 8, 1)), 0.5, null]);
  ws.getCell('D2').numFmt = '0%';
  ws.mergeCells('A2:A3');
  ws.getCell('G10').value = '   ';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads each non-empty sheet as a table with merges, rich text, dates and formula results', async () => {
    const doc = await readXlsx(await sample(), 'a.xlsx');
    expect(doc.blocks).toHaveLength(1);
    const t = doc.blocks[0] as Table;
    expect(t.ref).toEqual({ sheet: '任务表' });
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['一级指标', '举措', '完成时限', '比例', '合计'],
      ['开办企业', '一窗通办', '2023年6月', '95%', '2'],
      ['', '第二项', '2023年9月', '0.5', ''],
    ]);
    expect(t.rows[2]?.[0]?.mergedFrom).toEqual({ row: 1, col: 0 });
    expect(t.rows[2]?.[1]?.ref).toEqual({ sheet: '任务表', row: 3, col: 2 });
  });

  it('rejects bytes that are not a workbook', async () => {
    await expect(readXlsx(new TextEncoder().encode('PK not really a zip'), 'x.xlsx')).rejects.toMatchObject({ code: 'PLAN_IMPORT_CORRUPT' });
    await expect(readXlsx(new Uint8Array(), 'x.xlsx')).rejects.toMatchObject({ code: 'PLAN_IMPORT_EMPTY' });
  });
});
