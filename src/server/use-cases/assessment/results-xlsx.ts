/**
 * The results of a round as a workbook: 指标排名, 县市区排名, one list per consequence action
 * (约谈 / 不得评优 / 追责问责 名单, each row citing its rule and rank) and 表彰建议.
 */
// exceljs is loaded on first use: the server's request thread never pays its ~30 MB for the lists.
import type ExcelJS from 'exceljs';
import { setUpPrinting, styleBody, writeTitleAndHeader, type SheetColumn } from '../../../reports/xlsx/sheet-style.ts';
import type { AssessmentResults } from './results-compute.ts';

type Cell = string | number | null;

// Short sheet names for seed 000's actions; Excel caps names at 31 characters.
const ACTION_SHEETS: Record<string, string> = { interview: '约谈名单', 'no-excellent-rating': '不得评优名单', accountability: '追责问责名单' };

const col = (header: string, width: number, align: SheetColumn['align'] = 'left'): SheetColumn => ({ header, width, align });

function addTable(wb: ExcelJS.Workbook, name: string, title: string, columns: SheetColumn[], rows: Cell[][]): void {
  const ws = wb.addWorksheet(name.replace(/[\\/?*[\]:]/g, '').slice(0, 31));
  const first = writeTitleAndHeader(ws, title, columns);
  for (const r of rows) ws.addRow(r);
  if (rows.length) styleBody(ws, first, first + rows.length - 1, columns);
  setUpPrinting(ws, columns.length);
}

const names = (units: readonly { name: string }[]): string => units.map((u) => u.name).join('、');

function indicatorSheet(wb: ExcelJS.Workbook, r: AssessmentResults): void {
  addTable(wb, '指标排名', `${r.round.title}：指标全省排名`, [
    col('序号', 6, 'center'), col('一级指标', 24), col('年度目标', 10, 'center'), col('全省排名', 10, 'center'), col('得分', 8, 'center'),
    col('是否达标', 10, 'center'), col('等次', 8, 'center'), col('牵头单位', 24), col('责任单位', 40),
  ], r.indicators.map((i) => [
    i.seq, i.name, i.annualTarget ?? '', i.rank === null ? '未排名' : `${i.rank}/${i.total}`, i.score,
    i.targetMet === null ? '—' : i.targetMet ? '达标' : '未达标', i.band?.label ?? '', names(i.leadUnits), names(i.responsibleUnits),
  ]));
}

function placeSheet(wb: ExcelJS.Workbook, r: AssessmentResults): void {
  const rows = r.places.flatMap((t) => t.items.map((p): Cell[] => [t.label, p.name, p.rank === null ? '未排名' : `${p.rank}/${t.total}`, p.score, p.band?.label ?? '']));
  addTable(wb, '县市区排名', `${r.round.title}：县市区、园区全省排名`, [
    col('类别', 10, 'center'), col('名称', 30), col('全省排名', 12, 'center'), col('得分', 8, 'center'), col('等次', 8, 'center'),
  ], rows);
}

function consequenceSheets(wb: ExcelJS.Workbook, r: AssessmentResults): void {
  const actions = [...new Set([...Object.keys(ACTION_SHEETS), ...r.consequences.map((c) => c.action)])];
  for (const action of actions) {
    const list = r.consequences.filter((c) => c.action === action);
    const label = list[0]?.actionLabel ?? action;
    addTable(wb, ACTION_SHEETS[action] ?? label, `${r.round.title}：${ACTION_SHEETS[action] ?? `${label}名单`}`, [
      col('序号', 6, 'center'), col('对象', 24), col('全省排名', 10, 'center'), col('触发条件', 22), col('责任单位', 44), col('责任人', 22), col('依据', 60),
    ], list.map((c, n) => [n + 1, c.subject, `${c.rank}/${c.total}`, c.condition, names(c.units), c.persons.join('、'), [c.quote, c.source].filter(Boolean).join('\n')]));
  }
}

function commendationSheet(wb: ExcelJS.Workbook, r: AssessmentResults): void {
  const { indicatorAwards, placeAwards } = r.commendations;
  const kindLabel = new Map<string, string>(r.places.map((t) => [t.kind, t.label]));
  addTable(wb, '表彰建议', `${r.round.title}：表彰建议`, [
    col('序号', 6, 'center'), col('类别', 10, 'center'), col('对象', 24), col('全省排名', 10, 'center'), col('理由', 20), col('牵头单位', 24), col('重点责任单位', 40),
  ], [
    ...indicatorAwards.map((a): Cell[] => [a.seq, '评价指标', a.indicator, a.rank, a.reason === 'benchmark' ? '先进标杆' : `达成年度目标（${a.annualTarget ?? ''}）`, a.leadUnits.join('、'), a.keyResponsibleUnits.join('、')]),
    ...placeAwards.map((p, n): Cell[] => [indicatorAwards.length + n + 1, kindLabel.get(p.kind) ?? p.kind, p.name, p.rank, '排名前列', '', '']),
  ]);
}

/** The results workbook as XLSX bytes. */
export async function renderResultsXlsx(r: AssessmentResults): Promise<Uint8Array> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Yingshang';
  indicatorSheet(wb, r);
  placeSheet(wb, r);
  consequenceSheets(wb, r);
  commendationSheet(wb, r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
