/**
 * The rank-entry template of a round: the plan's indicators with their 年度目标 and the city's
 * counties, districts and parks, pre-filled with the ranks entered so far. The rank column carries
 * a whole-number validation (1—field size) so Excel itself stops most typing errors.
 */
// exceljs is loaded on first use: the server's request thread never pays its ~30 MB for the lists.
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { setUpPrinting, styleBody, writeTitleAndHeader } from '../../../reports/xlsx/sheet-style.ts';
import { PLACE_KINDS } from './assessment-settings.ts';
import type { AssessmentData } from './results-compute.ts';
import { FIRST_DATA_ROW, INDICATOR_SHEET, PLACE_SHEETS, type SheetLayout } from './template-layout.ts';

const WIDTHS: Record<string, number> = { 序号: 6, 一级指标: 26, 年度目标: 12, 全省排名: 12, 得分: 10, 县市: 26, 市辖区: 26, 园区: 34 };

function sheet(wb: ExcelJS.Workbook, layout: SheetLayout, title: string, rows: (string | number | null)[][], total: number): Worksheet {
  const ws = wb.addWorksheet(layout.name);
  const columns = layout.headers.map((h) => ({ header: h, width: WIDTHS[h] ?? 14, align: h === '序号' || h === '全省排名' || h === '得分' ? 'center' as const : 'left' as const }));
  writeTitleAndHeader(ws, title, columns);
  for (const r of rows) ws.addRow(r);
  const last = FIRST_DATA_ROW + rows.length - 1;
  if (rows.length) styleBody(ws, FIRST_DATA_ROW, last, columns);
  for (let r = FIRST_DATA_ROW; r <= last; r++) {
    ws.getCell(r, layout.rankCol).dataValidation = {
      type: 'whole', operator: 'between', formulae: [1, total], allowBlank: true, showErrorMessage: true,
      errorTitle: '排名不正确', error: `请填写 1—${total} 的整数，未参评留空`,
    };
  }
  setUpPrinting(ws, columns.length);
  return ws;
}

/** The template workbook of a round as XLSX bytes. */
export async function renderRankTemplate(data: AssessmentData): Promise<Uint8Array> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Yingshang';
  const sizes = data.round.fieldSizes;
  sheet(wb, INDICATOR_SHEET, `${data.round.title}：指标全省排名（共${sizes.indicator}个市州，未参评留空）`,
    data.indicators.map((i) => [i.seq, i.name, i.annualTarget ?? '', i.rank, i.score]), sizes.indicator);
  for (const kind of PLACE_KINDS) {
    const layout = PLACE_SHEETS[kind];
    const places = data.places.filter((p) => p.kind === kind);
    sheet(wb, layout, `${data.round.title}：${layout.headers[1] ?? ''}全省排名（共${sizes[kind]}个，未参评留空）`,
      places.map((p, n) => [n + 1, p.name, p.rank, p.score]), sizes[kind]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
