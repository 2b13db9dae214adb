/**
 * Opens an untrusted XLSX with exceljs only after proving it is bounded. Why: exceljs expands
 * every range it meets into cell objects — a merge `A1:XFD1048576`, a defined name or a data
 * validation over a whole sheet makes 17 billion of them from a 1.6 KB file — and it inflates the
 * package without limits. So the package is first inflated within the reader limits (safe-zip),
 * every sheet's cell references, rows and merges are counted from its XML, the workbook's defined
 * names are measured, and exceljs then skips the sheet parts the readers never use.
 */
// exceljs is loaded on first use: the server's request thread never pays its ~30 MB for the lists.
import type ExcelJS from 'exceljs';
import { hasDoctype } from './ooxml-xml.ts';
import { corruptError } from './reader-guards.ts';
import { DEFAULT_READER_LIMITS, limitError, type ReaderLimits } from './reader-limits.ts';
import { openSafeZip } from './safe-zip.ts';

/** Sheet parts exceljs would expand range by range, and which no reader needs. */
const IGNORED_SHEET_NODES = ['cols', 'dataValidations', 'conditionalFormatting', 'hyperlinks', 'autoFilter', 'rowBreaks', 'sheetProtection', 'extLst', 'picture', 'drawing', 'tableParts'];

/** Column number of letters (A → 1, XFD → 16384). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Area { rows: number; cols: number; bottom: number; right: number }

/** `A1:C3`, `$A$1:$C$3` or `B2` → its size and far corner; undefined when not a cell range. */
export function rangeArea(ref: string): Area | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return undefined;
  const c1 = columnNumber(m[1] ?? 'A');
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1, bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function count(xml: string, re: RegExp): number {
  let n = 0;
  for (re.lastIndex = 0; re.exec(xml); ) n++;
  return n;
}

/** Counts a worksheet's cells, rows, far corner and merged areas from its XML, against the limits. */
export function checkSheetXml(xml: string, entry: string, fileName: string, limits: ReaderLimits): void {
  const fail = (limit: 'rows' | 'columns' | 'cells' | 'merges', max: number, extra: Record<string, unknown>): never => {
    throw limitError(fileName, limit, max, { entry, ...extra });
  };
  const cells = count(xml, /<c[\s>/]/g);
  if (cells > limits.maxCells) fail('cells', limits.maxCells, { cells });
  const rows = count(xml, /<row[\s>/]/g);
  if (rows > limits.maxRows) fail('rows', limits.maxRows, { rows });
  // Every r="…" (rows and cells) names a position exceljs will allocate up to.
  const refs = /\sr="([A-Za-z]{0,3})(\d+)"/g;
  for (let m = refs.exec(xml); m; m = refs.exec(xml)) {
    if (Number(m[2]) > limits.maxRows) fail('rows', limits.maxRows, { ref: m[0].trim() });
    if (m[1] && columnNumber(m[1]) > limits.maxColumns) fail('columns', limits.maxColumns, { ref: m[0].trim() });
  }
  let merges = 0;
  let mergedCells = 0;
  const mergeRefs = /<mergeCell\b[^>]*?\bref="([^"]*)"/g;
  for (let m = mergeRefs.exec(xml); m; m = mergeRefs.exec(xml)) {
    const area = rangeArea(m[1] ?? '');
    if (!area) continue;
    if (++merges > limits.maxMerges) fail('merges', limits.maxMerges, {});
    if (area.bottom > limits.maxRows) fail('rows', limits.maxRows, { merge: m[1] });
    if (area.right > limits.maxColumns) fail('columns', limits.maxColumns, { merge: m[1] });
    mergedCells += area.rows * area.cols;
    if (mergedCells > limits.maxCells) fail('cells', limits.maxCells, { merge: m[1] });
  }
}

/** Defined names (print areas …) are expanded cell by cell by exceljs: their areas are bounded too. */
function checkDefinedNames(xml: string, fileName: string, limits: ReaderLimits): void {
  let cells = 0;
  const names = /<definedName\b[^>]*>([^<]*)<\/definedName>/g;
  for (let m = names.exec(xml); m; m = names.exec(xml)) {
    for (const part of (m[1] ?? '').split(',')) {
      const area = rangeArea(part.slice(part.lastIndexOf('!') + 1));
      if (area) cells += area.rows * area.cols;
      if (cells > limits.maxCells) throw limitError(fileName, 'cells', limits.maxCells, { entry: 'xl/workbook.xml', definedName: part.slice(0, 100) });
    }
  }
}

/** Inflates and measures every part of the package; throws the limit error or a corrupt error. */
export function assertXlsxWithinLimits(bytes: Uint8Array, fileName: string, limits: ReaderLimits = DEFAULT_READER_LIMITS): void {
  const zip = openSafeZip(bytes, fileName, 'XLSX', limits);
  for (const name of zip.entries.keys()) {
    const data = zip.read(name);
    if (!data || !/\.(xml|rels)$/i.test(name)) continue;
    const xml = data.toString('utf8');
    if (hasDoctype(xml)) throw corruptError(fileName, 'XLSX', `${name} declares a DOCTYPE`);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) checkSheetXml(xml, name, fileName, limits);
    else if (/^xl\/workbook\.xml$/i.test(name)) checkDefinedNames(xml, fileName, limits);
  }
}

/** Loads a bounded workbook (see assertXlsxWithinLimits) with the unneeded sheet parts skipped. */
export async function loadBoundedWorkbook(bytes: Uint8Array, fileName: string, limits: ReaderLimits = DEFAULT_READER_LIMITS): Promise<ExcelJS.Workbook> {
  assertXlsxWithinLimits(bytes, fileName, limits);
  const workbook = new (await import('exceljs')).default.Workbook();
  // A copy, because exceljs hands the ArrayBuffer to jszip whole: a view's offset would be lost.
  await workbook.xlsx.load(bytes.slice().buffer, { ignoreNodes: IGNORED_SHEET_NODES });
  return workbook;
}
