/**
 * What the PDF reader gets from one page (extracted by pdf-thread.mjs): positioned text runs and
 * the ruling lines (table borders) of its drawing operators, in page space (points, y up).
 */

/** A piece of text drawn at one position; `y` is the baseline, `size` the font size. */
export interface TextRun { str: string; x: number; y: number; w: number; size: number; page: number }
/** An axis-aligned ruling: horizontal when y1 === y2 (x1 < x2), vertical when x1 === x2 (y1 < y2). */
export interface Segment { x1: number; y1: number; x2: number; y2: number }
/** Everything the layout steps need from one page. */
export interface PageContent { page: number; width: number; height: number; runs: TextRun[]; h: Segment[]; v: Segment[]; hasImages: boolean }

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isRun(v: unknown): v is TextRun {
  return isObj(v) && typeof v.str === 'string' && isNum(v.x) && isNum(v.y) && isNum(v.w) && isNum(v.size) && isNum(v.page);
}
function isSeg(v: unknown): v is Segment {
  return isObj(v) && isNum(v.x1) && isNum(v.y1) && isNum(v.x2) && isNum(v.y2);
}

/** Checks one page a worker thread sent back; malformed entries are dropped, not trusted. */
export function toPage(v: unknown, index: number): PageContent {
  const p = isObj(v) ? v : {};
  return {
    page: isNum(p.page) ? p.page : index + 1,
    width: isNum(p.width) ? p.width : 0,
    height: isNum(p.height) ? p.height : 0,
    runs: Array.isArray(p.runs) ? p.runs.filter(isRun) : [],
    h: Array.isArray(p.h) ? p.h.filter(isSeg) : [],
    v: Array.isArray(p.v) ? p.v.filter(isSeg) : [],
    hasImages: p.hasImages === true,
  };
}
