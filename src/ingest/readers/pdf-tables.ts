/**
 * Ruled tables in PDF: the grid comes from the border lines the producer drew, merged cells
 * from the borders that are missing inside it, and each text run goes to the cell its position
 * falls in. Text-only column guessing cannot tell a merged cell from an empty one; borders can.
 */
import type { Table, TableCell } from '../document-model.ts';
import { buildLines } from './pdf-lines.ts';
import type { Segment, TextRun } from './pdf-page.ts';

/** A table found on one page, with the geometry needed to join it to its continuation. */
export interface PdfGrid {
  page: number;
  xs: number[];
  /** Row borders, top first (PDF y grows upwards, so descending). */
  ys: number[];
  /** For each grid position (r * cols + c), the index of the position that owns its text. */
  owner: number[];
}

const TOL = 2;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - (last.at(-1) ?? v) <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

function find(parent: number[], i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r] ?? r;
  parent[i] = r;
  return r;
}

function union(parent: number[], a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  // The smaller index (top-left-most position) stays the root, so it owns the merged text.
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

/** Connected groups of rulings (a horizontal and a vertical line touching are connected). */
function components(h: Segment[], v: Segment[]): { h: Segment[]; v: Segment[] }[] {
  const parent = [...h, ...v].map((_, i) => i);
  h.forEach((a, i) => v.forEach((b, j) => {
    if (b.x1 >= a.x1 - TOL && b.x1 <= a.x2 + TOL && a.y1 >= b.y1 - TOL && a.y1 <= b.y2 + TOL) union(parent, i, h.length + j);
  }));
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  parent.forEach((_, i) => {
    const root = find(parent, i);
    const g = groups.get(root) ?? { h: [], v: [] };
    if (i < h.length) g.h.push(h[i] as Segment);
    else g.v.push(v[i - h.length] as Segment);
    groups.set(root, g);
  });
  return [...groups.values()];
}

const coversV = (v: Segment[], x: number, y: number): boolean =>
  v.some((s) => Math.abs(s.x1 - x) <= TOL && y >= s.y1 - TOL && y <= s.y2 + TOL);
const coversH = (h: Segment[], y: number, x: number): boolean =>
  h.some((s) => Math.abs(s.y1 - y) <= TOL && x >= s.x1 - TOL && x <= s.x2 + TOL);

/** Finds the ruled grids of a page; a lone box (1 × 1) is a frame, not a table. */
export function findGrids(page: number, h: Segment[], v: Segment[]): PdfGrid[] {
  const grids: PdfGrid[] = [];
  for (const comp of components(h, v)) {
    const xs = cluster(comp.v.map((s) => s.x1));
    const ys = cluster(comp.h.map((s) => s.y1)).reverse();
    if (xs.length < 2 || ys.length < 2 || (xs.length === 2 && ys.length === 2)) continue;
    const cols = xs.length - 1;
    const owner = Array.from({ length: (ys.length - 1) * cols }, (_, i) => i);
    for (let r = 0; r < ys.length - 1; r++) {
      const midY = ((ys[r] ?? 0) + (ys[r + 1] ?? 0)) / 2;
      for (let c = 0; c < cols; c++) {
        const midX = ((xs[c] ?? 0) + (xs[c + 1] ?? 0)) / 2;
        if (c + 1 < cols && !coversV(comp.v, xs[c + 1] ?? 0, midY)) union(owner, r * cols + c, r * cols + c + 1);
        if (r + 2 < ys.length && !coversH(comp.h, ys[r + 1] ?? 0, midX)) union(owner, r * cols + c, (r + 1) * cols + c);
      }
    }
    grids.push({ page, xs, ys, owner: owner.map((_, i) => find(owner, i)) });
  }
  return grids.sort((a, b) => (b.ys[0] ?? 0) - (a.ys[0] ?? 0));
}

function indexIn(edges: number[], v: number, descending: boolean): number {
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i] ?? 0;
    const b = edges[i + 1] ?? 0;
    if (descending ? v <= a && v >= b : v >= a && v <= b) return i;
  }
  return -1;
}

/** The grid position (owner index) a run belongs to, or undefined when it lies outside. */
export function cellOf(grid: PdfGrid, run: TextRun): number | undefined {
  // A point just inside the run's first glyph: long runs may overhang the cell's right border.
  const px = run.x + Math.min(run.w, run.size) / 2;
  const py = run.y + run.size * 0.35;
  const c = indexIn(grid.xs, px, false);
  const r = indexIn(grid.ys, py, true);
  if (c < 0 || r < 0) return undefined;
  return grid.owner[r * (grid.xs.length - 1) + c];
}

/** Builds the model table of a grid from the runs assigned to its positions. */
export function gridTable(grid: PdfGrid, runsByCell: Map<number, TextRun[]>): Table {
  const cols = grid.xs.length - 1;
  const rows: TableCell[][] = [];
  for (let r = 0; r < grid.ys.length - 1; r++) {
    const row: TableCell[] = [];
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const own = grid.owner[i] ?? i;
      const cell: TableCell = { text: '', ref: { page: grid.page, row: r + 1, col: c + 1 } };
      if (own !== i) cell.mergedFrom = { row: Math.floor(own / cols), col: own % cols };
      else cell.text = buildLines(runsByCell.get(i) ?? []).map((l) => l.text).join('\n');
      row.push(cell);
    }
    rows.push(row);
  }
  return { kind: 'table', rows, ref: { page: grid.page } };
}

/** True when `next` has the same columns as `prev`, so it continues it on the next page. */
export function sameColumns(prev: PdfGrid, next: PdfGrid): boolean {
  return prev.xs.length === next.xs.length && prev.xs.every((x, i) => Math.abs(x - (next.xs[i] ?? Infinity)) <= 3);
}

/**
 * Appends the rows of `next` to `into`, shifting its merge references below the rows already
 * there. Cell refs keep the page and the row on that page: that is what a person can find.
 */
export function appendRows(into: Table, next: Table): void {
  const offset = into.rows.length;
  for (const row of next.rows) {
    into.rows.push(row.map((cell) => (cell.mergedFrom ? { ...cell, mergedFrom: { row: cell.mergedFrom.row + offset, col: cell.mergedFrom.col } } : cell)));
  }
}
