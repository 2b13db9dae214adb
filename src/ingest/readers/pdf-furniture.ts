/**
 * Page furniture of a PDF: page numbers, running headers and footers. Left in, they land inside
 * task texts ("— 7 —" in the middle of a measure) whenever a paragraph or a table
 * row continues over a page break.
 */
import type { PdfLine } from './pdf-lines.ts';

const PAGE_NUMBER = [
  /^[-—–－―─\s]*\d{1,4}[-—–－―─\s]*$/, // — 7 —, - 7 -, 7
  /^第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$/, // 第 7 页, 第7页 共20页
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // 7/20
  /^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
];
/** How many lines at the top and bottom of a page can be furniture. */
const EDGE_LINES = 3;
/** Baselines within this distance (points) count as "the same place" on two pages. */
const SAME_Y = 4;

/** True for a line that is only a page number in one of the usual Chinese office styles. */
export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

function edgeLines(lines: PdfLine[]): PdfLine[] {
  // Lines arrive top to bottom; the edges are where headers and footers live.
  if (lines.length <= 2 * EDGE_LINES) return lines;
  return [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
}

const keyOf = (text: string): string => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/**
 * Returns the lines that are furniture. A page number at a page edge always is; any other edge
 * line is when the same text (digits ignored) sits at the same height on at least half of the
 * pages (and on three or more), which catches running titles and "XX市人民政府办公室" footers.
 */
export function findFurniture(pages: PdfLine[][]): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const seen = new Map<string, PdfLine[]>();
  for (const lines of pages) {
    const keysOnPage = new Set<string>();
    for (const line of edgeLines(lines)) {
      if (isPageNumber(line.text)) out.add(line);
      const key = keyOf(line.text);
      if (keysOnPage.has(key)) continue;
      keysOnPage.add(key);
      seen.set(key, [...(seen.get(key) ?? []), line]);
    }
  }
  const need = Math.max(3, Math.ceil(pages.length / 2));
  for (const group of seen.values()) {
    if (group.length < need) continue;
    // Count the lines at the most common height; stray copies elsewhere are content.
    for (const anchor of group) {
      const same = group.filter((l) => Math.abs(l.y - anchor.y) <= SAME_Y);
      if (same.length >= need) same.forEach((l) => out.add(l));
    }
  }
  return out;
}
