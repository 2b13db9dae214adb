/**
 * The responsibility table (责任分工表) as XLSX in seed 000's ten-column layout: 一级指标 |
 * 二级指标 | 具体举措 | 责任领导 | 牵头单位 | 责任单位 | 完成时限 | 年度目标 | 文件依据 | 备注.
 * Cells are written as the source prints them, so our own importer reads the export back to the
 * same tasks: indicator and 二级指标 labels with their numbers, the task number before its text,
 * open unit lists with 等市直相关单位, and one basis citation per line.
 */
// exceljs is loaded on first use: the server's request thread never pays its ~30 MB for the lists.
import type ExcelJS from 'exceljs';
import type { ImportedIndicator, ImportedTask } from '../../domain/plan-import.ts';
import type { ResponsibilityPlan } from '../report-data.ts';
import { fitRowHeights, mergeRuns, setUpPrinting, styleBody, writeTitleAndHeader, type SheetColumn } from './sheet-style.ts';

const COLUMNS: SheetColumn[] = [
  { header: '一级指标', width: 12 }, { header: '二级指标', width: 16 }, { header: '具体举措', width: 48 },
  { header: '责任领导', width: 8, align: 'center' }, { header: '牵头单位', width: 12 }, { header: '责任单位', width: 24 },
  { header: '完成时限', width: 10, align: 'center' }, { header: '年度目标', width: 8, align: 'center' },
  { header: '文件依据', width: 22 }, { header: '备注', width: 10 },
];

/** `1.开办企业（市本级、县市区评价指标）`, as seed 000 labels an indicator. */
export function indicatorLabel(i: Pick<ImportedIndicator, 'seq' | 'name' | 'scope'>): string {
  return `${i.seq}.${i.name}${i.scope ? `（${i.scope}）` : ''}`;
}

/** A unit cell as printed: names joined with 、, an open list closed with 等市直相关单位. */
export function unitCell(units: readonly string[], open: boolean): string {
  const names = units.join('、');
  if (!open) return names;
  return names ? `${names}等市直相关单位` : '市直相关单位';
}

/** Basis citations, one a line, numbered when there are several (as the source cells are). */
export function basisCell(basis: readonly string[]): string {
  return basis.length > 1 ? basis.map((b, i) => `${i + 1}.${b}`).join('\n') : (basis[0] ?? '');
}

function taskRow(t: ImportedTask, ind: ImportedIndicator | undefined, note: string | null): string[] {
  const units = unitCell(t.units.responsible, t.units.open);
  return [
    ind ? indicatorLabel(ind) : '',
    t.subIndicatorCode ? `${t.subIndicatorCode} ${t.subIndicator ?? ''}` : (t.subIndicator ?? ''),
    `${t.seq}.${t.text}`,
    t.leader ?? '',
    t.units.lead.join('、'),
    note ? `${units},${note}` : units,
    t.deadlineRaw ?? '',
    t.annualTarget ?? '',
    basisCell(t.basis),
    t.remarks ?? '',
  ];
}

/** Builds the ten-column worksheet into a workbook (exported for callers that add sheets). */
export function addResponsibilitySheet(wb: ExcelJS.Workbook, plan: ResponsibilityPlan, title = `${plan.title}重点工作责任分工表`): ExcelJS.Worksheet {
  const ws = wb.addWorksheet('责任分工表');
  const first = writeTitleAndHeader(ws, title, COLUMNS);
  const byIndicator = new Map(plan.indicators.map((i) => [i.seq, i]));
  // Seed 000 prints the plan-wide note once, at the end of the first task's 责任单位 cell.
  plan.tasks.forEach((t, k) => ws.addRow(taskRow(t, byIndicator.get(t.indicatorSeq ?? -1), k === 0 ? plan.responsibleUnitsNote : null)));
  const last = first + plan.tasks.length - 1;
  styleBody(ws, first, last, COLUMNS);
  const rows = plan.tasks.map((t, k) => ({ row: first + k, t, ind: String(t.indicatorSeq ?? '') }));
  mergeRuns(ws, 1, rows.map((r) => ({ row: r.row, key: r.ind })));
  mergeRuns(ws, 2, rows.map((r) => ({ row: r.row, key: `${r.ind}|${r.t.subIndicatorCode ?? ''}|${r.t.subIndicator ?? ''}` })));
  mergeRuns(ws, 4, rows.map((r) => ({ row: r.row, key: r.t.leader ? `${r.ind}|${r.t.leader}` : '' })));
  mergeRuns(ws, 5, rows.map((r) => ({ row: r.row, key: r.t.units.lead.length ? `${r.ind}|${r.t.units.lead.join('、')}` : '' })));
  mergeRuns(ws, 8, rows.map((r) => ({ row: r.row, key: r.t.annualTarget ? `${r.ind}|${r.t.annualTarget}` : '' })));
  fitRowHeights(ws, first, last, COLUMNS);
  setUpPrinting(ws, COLUMNS.length);
  return ws;
}

/** The plan's responsibility table as an XLSX file in seed 000's ten-column layout. */
export async function renderResponsibilityXlsx(plan: ResponsibilityPlan, title?: string): Promise<Uint8Array> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Yingshang';
  addResponsibilitySheet(wb, plan, title);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
