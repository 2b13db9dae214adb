/** The 整改清单 with its 销号 status as an XLSX file (the cases of the pool's filter). */
import { SATISFACTION_LABELS, SOURCE_LABELS, STATE_LABELS } from '../../../domain/cases/case-model.ts';
import { fitRowHeights, setUpPrinting, styleBody, writeTitleAndHeader, type SheetColumn } from '../../../reports/xlsx/sheet-style.ts';
import type { CaseView } from './case-queries.ts';

const COLUMNS: SheetColumn[] = [
  { header: '序号', width: 6, align: 'center' }, { header: '来源', width: 12 }, { header: '编号', width: 16 }, { header: '存在问题', width: 50 },
  { header: '责任单位', width: 16 }, { header: '协办单位', width: 18 }, { header: '整改时限', width: 12, align: 'center' }, { header: '办理状态', width: 10, align: 'center' },
  { header: '是否超期', width: 9, align: 'center' }, { header: '回访满意度', width: 10, align: 'center' }, { header: '销号日期', width: 12, align: 'center' }, { header: '关联任务', width: 24 },
];

/** Renders the list; `title` heads the sheet (e.g. 邵阳市营商环境问题整改清单). */
export async function renderCaseListXlsx(items: CaseView[], title: string): Promise<Uint8Array> {
  // exceljs is loaded on first use: the server's request thread does not hold it for the lists.
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Yingshang';
  const ws = wb.addWorksheet('整改清单');
  const first = writeTitleAndHeader(ws, title, COLUMNS);
  items.forEach((c, i) => {
    ws.addRow([
      i + 1, SOURCE_LABELS[c.source], c.refNo ?? '', c.finding, c.leadUnitName ?? '', c.coUnitNames.join('、'), c.dueOn ?? '', STATE_LABELS[c.state],
      c.light === 'red' ? '超期' : '', c.satisfaction ? SATISFACTION_LABELS[c.satisfaction] : '', c.closedOn ?? '', c.tasks.map((t) => `任务${t.seq}`).join('、'),
    ]);
  });
  if (items.length) {
    styleBody(ws, first, first + items.length - 1, COLUMNS);
    fitRowHeights(ws, first, first + items.length - 1, COLUMNS);
  }
  setUpPrinting(ws, COLUMNS.length);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
