/**
 * Test-only: draws a render model as an XLSX workbook (exceljs) the way offices send plans:
 * a cover sheet, then the task sheet with merged ranges; prose goes one paragraph per row.
 */
import ExcelJS from 'exceljs';
import type { RenderDoc } from './gold-render-model.ts';

/** Renders the model as XLSX bytes (sheets: 封面, then 任务表 or 正文). */
export async function renderXlsx(doc: RenderDoc): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('封面');
  cover.addRow([doc.title]);
  for (const p of doc.preamble) cover.addRow([p]);
  if (doc.table) {
    const t = doc.table;
    const ws = wb.addWorksheet('任务表');
    // A title row above the header, merged across the table, as offices usually do.
    ws.addRow([`${doc.title}重点任务分工表`]);
    ws.mergeCells(1, 1, 1, t.header.length);
    ws.addRow(t.header);
    for (const row of t.rows) ws.addRow(row);
    const first = 3; // sheet row of data row 0
    for (const m of t.merges) ws.mergeCells(first + m.from, m.col + 1, first + m.to, m.col + 1);
    t.widths.forEach((w, i) => { ws.getColumn(i + 1).width = w * 3; });
  }
  if (doc.sections) {
    const ws = wb.addWorksheet('正文');
    for (const s of doc.sections) {
      ws.addRow([s.heading]);
      for (const task of s.tasks) ws.addRow([`${task.label}${task.text}`]);
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
