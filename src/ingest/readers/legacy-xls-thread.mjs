// Worker thread that reads an .xls/.et workbook with SheetJS and returns each sheet's displayed
// cell texts and merged ranges. In a thread because the npm build of SheetJS (0.18.5) has known
// advisories for crafted files (prototype pollution, GHSA-4r6h-8v6p-xvw6; slow regular
// expressions, GHSA-5pgg-2g8v-p4x9): a polluted prototype stays in this thread's own realm, which
// exits after one workbook, and a runaway read is terminated at the client's deadline.
// Plain JS: the thread starts without the TypeScript loader. In: bytes; out: { sheets } or { error }.
import { parentPort, workerData } from 'node:worker_threads';
import * as XLSX from 'xlsx';

const text = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

try {
  // Only cell values are needed; formulas, styles, HTML and macros are not parsed at all.
  const wb = XLSX.read(workerData, { type: 'array', cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false, sheetStubs: false });
  const sheets = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    if (!ws) return { name, rows: [], merges: [], top: 0, left: 0 };
    const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1');
    const rows = XLSX.utils.sheet_to_json(ws, { header: 1, raw: false, defval: '', blankrows: true }).map((r) => (Array.isArray(r) ? r.map(text) : []));
    const merges = (ws['!merges'] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
    return { name, rows, merges, top: range.s.r, left: range.s.c };
  });
  parentPort?.postMessage({ sheets });
} catch (e) {
  parentPort?.postMessage({ error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
}
