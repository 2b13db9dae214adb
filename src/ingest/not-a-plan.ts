/**
 * Sheets that are not plans and must not become tasks: an export template (cells holding
 * placeholders such as `${data.name}`) and a statistics export (rows of counts, many of them all
 * zero, and no task column). Refused with a coded Chinese error naming the file and the sheet.
 */
import { AppError } from '../domain/errors.ts';
import type { SourceDocument, Table } from './document-model.ts';
import { headerRoles } from './layouts/table-columns.ts';

const PLACEHOLDER = /\$\{[^}\n]{1,80}\}|\{\{[^}\n]{1,80}\}\}/;
const NUMBER = /^[-+]?\d+(?:\.\d+)?%?$/;

function tables(doc: SourceDocument): Table[] {
  return doc.blocks.filter((b): b is Table => b.kind === 'table');
}

const sheetName = (t: Table): string => t.ref.sheet ?? '表格';

function placeholderCell(doc: SourceDocument): { table: Table; text: string } | null {
  for (const table of tables(doc)) {
    for (const row of table.rows) {
      for (const cell of row) {
        const m = PLACEHOLDER.exec(cell.text);
        if (m) return { table, text: m[0] };
      }
    }
  }
  return null;
}

/**
 * A table of counts: no row names a task column, most body rows are a label followed by numbers,
 * and at least a quarter of those rows are all zero (what an export of an empty period gives).
 */
function isCountTable(table: Table): boolean {
  if (table.rows.some((r) => headerRoles(r.map((c) => c.text)) !== null)) return false;
  let countRows = 0;
  let zeroRows = 0;
  let bodyRows = 0;
  for (const row of table.rows) {
    const texts = row.filter((c) => !c.mergedFrom).map((c) => c.text.trim()).filter((t) => t !== '');
    if (texts.length < 3) continue;
    bodyRows++;
    const numbers = texts.filter((t) => NUMBER.test(t));
    if (numbers.length < 2 || numbers.length < texts.length - 2) continue;
    countRows++;
    // The first number of a row is its 序号, not a count.
    const counts = NUMBER.test(texts[0] ?? '') ? numbers.slice(1) : numbers;
    if (counts.every((t) => Number.parseFloat(t) === 0)) zeroRows++;
  }
  return bodyRows >= 3 && countRows * 2 >= bodyRows && zeroRows * 4 >= countRows && zeroRows >= 1;
}

/** Throws when the document is an export template or a statistics export rather than a plan. */
export function assertNotStatisticsSheet(doc: SourceDocument): void {
  const placeholder = placeholderCell(doc);
  if (placeholder) {
    throw new AppError('PLAN_IMPORT_NOT_A_PLAN', `文件“${doc.fileName}”是导出模板（工作表“${sheetName(placeholder.table)}”含占位符 ${placeholder.text}），不是实施方案，不能导入为任务。`, { fileName: doc.fileName, sheet: placeholder.table.ref.sheet ?? null, reason: 'template' });
  }
  const counts = tables(doc).find(isCountTable);
  if (counts && tables(doc).every((t) => t === counts || isCountTable(t) || t.rows.length < 3)) {
    throw new AppError('PLAN_IMPORT_NOT_A_PLAN', `文件“${doc.fileName}”是统计报表（工作表“${sheetName(counts)}”为数量统计，含全为 0 的统计行），不是实施方案，不能导入为任务。`, { fileName: doc.fileName, sheet: counts.ref.sheet ?? null, reason: 'statistics' });
  }
}
