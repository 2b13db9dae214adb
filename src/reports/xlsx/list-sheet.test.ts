import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { listTitle, renderListWorkbook, type ListSheet } from './list-sheet.ts';
import { wrappedLines } from './sheet-style.ts';

const sheet: ListSheet = {
  name: '预警清单', title: '某方案 预警清单', asOf: '截至2023年7月6日', filters: ['预警：红灯', '单位：市发改委'],
  columns: [{ header: '序号', width: 6, align: 'center' }, { header: '任务', width: 20 }],
  rows: [[1, '短任务'], [2, '一项很长的任务，需要在单元格中折行显示才能完整阅读'], [3, null]],
};

describe('list sheets (shared Excel export)', () => {
  it('names the filters and the date in the title, or 全部', () => {
    expect(listTitle(sheet)).toBe('某方案 预警清单（截至2023年7月6日）\n筛选条件：预警：红灯；单位：市发改委');
    expect(listTitle({ ...sheet, filters: [] })).toMatch(/筛选条件：全部$/);
  });

  it('writes header, body, row heights that fit wrapped text, frozen header and print setup', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderListWorkbook([sheet, { ...sheet, name: '第二[表]:*?' }])) as unknown as ArrayBuffer);
    const [ws, second] = wb.worksheets;
    expect(second?.name).toBe('第二表');
    expect(ws?.getRow(2).values).toEqual([undefined, '序号', '任务']);
    expect([ws?.getCell(3, 2).value, ws?.getCell(4, 1).value, ws?.getCell(5, 2).value]).toEqual(['短任务', 2, '']);
    const lines = wrappedLines(String(sheet.rows[1]?.[1]), 20);
    expect(lines).toBeGreaterThan(1);
    expect(ws?.getRow(4).height).toBeGreaterThan(ws?.getRow(3).height ?? 0);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws?.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '2:2' });
    expect(ws?.getCell(4, 2).alignment).toMatchObject({ wrapText: true });
  });
});
