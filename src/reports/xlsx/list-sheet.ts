/**
 * One shared shape for every list and board exported to Excel (tasks, progress of a period, 预警,
 * 单位考核, urges, extensions, audit log, the cockpit): a title naming the list, its 期/日期 and
 * the filters applied; a header row; bordered, wrapped body rows whose heights fit their text;
 * the header frozen and repeated on every printed page (A4 landscape, one page wide).
 */
// exceljs is loaded on first use: the server's request thread never pays its ~30 MB for the lists.
import type ExcelJS from 'exceljs';
import { fitRowHeights, setUpPrinting, styleBody, writeTitleAndHeader, type SheetColumn } from './sheet-style.ts';

export type Cell = string | number | null;

export interface ListSheet {
  /** Worksheet tab name (≤ 31 characters, no []:*?/\). */
  name: string;
  /** What the list is, e.g. 邵阳市…实施方案 预警清单. */
  title: string;
  /** The 期 or 日期 the list is as of, e.g. 截至2023年7月6日 or 2023年6月. */
  asOf: string;
  /** The filters applied, each as 名称：值; empty when none. */
  filters: string[];
  columns: SheetColumn[];
  rows: Cell[][];
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/** The title cell's text: the title with its date, then the filters (or 全部) on a second line. */
export function listTitle(sheet: Pick<ListSheet, 'title' | 'asOf' | 'filters'>): string {
  return `${sheet.title}（${sheet.asOf}）\n筛选条件：${sheet.filters.length ? sheet.filters.join('；') : '全部'}`;
}

function addSheet(wb: ExcelJS.Workbook, sheet: ListSheet): void {
  const ws = wb.addWorksheet(sheet.name.replace(SHEET_NAME_FORBIDDEN, '').slice(0, 31) || '清单');
  const first = writeTitleAndHeader(ws, listTitle(sheet), sheet.columns);
  ws.getRow(1).height = 56;
  ws.getCell(1, 1).font = { name: '方正小标宋简体', size: 16 };
  for (const row of sheet.rows) ws.addRow(row.map((c) => c ?? ''));
  const last = first + sheet.rows.length - 1;
  if (sheet.rows.length) {
    styleBody(ws, first, last, sheet.columns);
    fitRowHeights(ws, first, last, sheet.columns);
  }
  setUpPrinting(ws, sheet.columns.length);
}

/** A workbook of one or more list sheets. */
export async function renderListWorkbook(sheets: readonly ListSheet[]): Promise<Uint8Array> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Yingshang';
  for (const s of sheets) addSheet(wb, s);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
