/**
 * The task table as XLSX in seed 001's six-column layout: 序号 | 一级指标 | 重点工作任务 |
 * 完成时限 | 牵头单位 | 责任单位, where 序号 numbers the indicator and the task number leads
 * the task cell; 序号, 一级指标 and the unit columns are merged over their indicator.
 */
import type { ImportedTask } from '../../domain/plan-import.ts';
import type { ResponsibilityPlan } from '../report-data.ts';
import { unitCell } from './responsibility-table.ts';
import { fitRowHeights, mergeRuns, setUpPrinting, styleBody, writeTitleAndHeader, type SheetColumn } from './sheet-style.ts';

const COLUMNS: SheetColumn[] = [
  { header: '序号', width: 6, align: 'center' }, { header: '一级指标', width: 14 }, { header: '重点工作任务', width: 70 },
  { header: '完成时限', width: 11, align: 'center' }, { header: '牵头单位', width: 16 }, { header: '责任单位', width: 40 },
];

function units(t: ImportedTask): { lead: string; responsible: string } {
  return { lead: t.units.lead.join('、'), responsible: unitCell(t.units.responsible, t.units.open) };
}

/**
 * Seed 001 prints its plan-wide note once, as the first mention of its subject:
 * `各县市区政府（含管理区、经开区管委会，下同）`. Other notes are left to the plan's header.
 */
function withNote(cell: string, note: string | null): string {
  const subject = note ? /^(.+?)（[^（）]*下同）$/.exec(note)?.[1] : undefined;
  if (!note || !subject) return cell;
  const names = cell.split('、');
  const at = names.findIndex((n) => n === subject || n.startsWith(`${subject}等`));
  if (at < 0) return cell;
  // The note must end its item, so an open tail (等市直相关单位) moves to the item before, as in 001.
  const tail = (names[at] ?? '').slice(subject.length);
  names[at] = note;
  if (tail && at > 0) names[at - 1] = `${names[at - 1] ?? ''}${tail}`;
  return names.join('、');
}

/** The plan's tasks as an XLSX file in seed 001's six-column layout. */
export async function renderTaskListXlsx(plan: ResponsibilityPlan, title = `${plan.title}重点任务分工表`): Promise<Uint8Array> {
  // exceljs is loaded on first use: the server's request thread does not hold it for the lists.
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Yingshang';
  const ws = wb.addWorksheet('重点任务');
  const first = writeTitleAndHeader(ws, title, COLUMNS);
  const names = new Map(plan.indicators.map((i) => [i.seq, i.name]));
  plan.tasks.forEach((t, k) => {
    const u = units(t);
    const responsible = k === 0 ? withNote(u.responsible, plan.responsibleUnitsNote) : u.responsible;
    ws.addRow([t.indicatorSeq ?? '', names.get(t.indicatorSeq ?? -1) ?? '', `${t.seq}.${t.text}`, t.deadlineRaw ?? '', u.lead, responsible]);
  });
  styleBody(ws, first, first + plan.tasks.length - 1, COLUMNS);
  const rows = plan.tasks.map((t, k) => ({ row: first + k, ind: String(t.indicatorSeq ?? ''), u: units(t) }));
  mergeRuns(ws, 1, rows.map((r) => ({ row: r.row, key: r.ind })));
  mergeRuns(ws, 2, rows.map((r) => ({ row: r.row, key: r.ind })));
  mergeRuns(ws, 5, rows.map((r) => ({ row: r.row, key: r.u.lead ? `${r.ind}|${r.u.lead}` : '' })));
  mergeRuns(ws, 6, rows.map((r) => ({ row: r.row, key: r.u.responsible ? `${r.ind}|${r.u.responsible}` : '' })));
  fitRowHeights(ws, first, first + plan.tasks.length - 1, COLUMNS);
  setUpPrinting(ws, COLUMNS.length);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
