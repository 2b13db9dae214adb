/**
 * DOCX reader: walks word/document.xml directly (jszip + fast-xml-parser) instead of going through
 * an HTML converter, because converters drop what import needs most: automatic numbering labels,
 * vertical merges (vMerge) and the exact grid position of every cell.
 */
import type { Block, Paragraph, SourceDocument, Table, TableCell } from '../document-model.ts';
import { DocxNumbering } from './docx-numbering.ts';
import { attr, child, childrenOf, deepText, findDeep, kids, parseXml, path, tagOf, type XNode } from './ooxml-xml.ts';
import { assertOoxmlPackage, corruptError, withCorruptGuard } from './reader-guards.ts';
import type { ReaderLimits } from './reader-limits.ts';
import { openSafeZip } from './safe-zip.ts';

// Inline elements whose text is not shown (deleted revisions, field instructions) or would be
// duplicated (drawings carry text boxes twice: mc:Choice and mc:Fallback).
const SKIP_INLINE = new Set(['w:del', 'w:delText', 'w:instrText', 'w:rPr', 'w:pPr', 'w:drawing', 'w:pict', 'mc:AlternateContent', 'w:footnoteReference', 'w:commentReference']);
// Wrappers whose children belong to the enclosing flow (content controls, custom XML, revisions).
const WRAPPERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo', 'w:smartTag']);

/** Reads a .docx file into the internal document model. */
export async function readDocx(bytes: Uint8Array, fileName: string, limits?: ReaderLimits): Promise<SourceDocument> {
  assertOoxmlPackage(bytes, fileName, 'DOCX');
  // Synchronous inside (bounded inflate, XML parse); the guard still turns foreign errors into CORRUPT.
  return withCorruptGuard(fileName, 'DOCX', () => new Promise<SourceDocument>((resolve) => {
    // Inflated within the reader limits: a zip bomb stops at the limit, not at the heap's end.
    const zip = openSafeZip(bytes, fileName, 'DOCX', limits);
    const docXml = zip.text('word/document.xml');
    if (docXml === undefined) throw corruptError(fileName, 'DOCX', 'missing word/document.xml');
    const part = (name: string): XNode[] => {
      const xml = zip.text(name);
      return xml === undefined ? [] : parseXml(xml);
    };
    const numbering = new DocxNumbering(part('word/styles.xml'), part('word/numbering.xml'));
    const body = findDeep(parseXml(docXml), 'w:body');
    if (!body) throw corruptError(fileName, 'DOCX', 'word/document.xml has no w:body');
    const blocks: Block[] = [];
    walkBody(kids(body), numbering, blocks);
    resolve({ format: 'docx', fileName, blocks, warnings: [] });
  }));
}

function walkBody(nodes: XNode[], numbering: DocxNumbering, blocks: Block[]): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:p') {
      const p = readParagraph(n, numbering, blocks.length + 1);
      if (p) blocks.push(p);
    } else if (tag === 'w:tbl') {
      blocks.push(readTable(n, numbering, blocks.length + 1));
    } else if (WRAPPERS.has(tag)) {
      walkBody(kids(n), numbering, blocks);
    }
  }
}

// Our own documents (reports/gbt9704/line-breaks.ts) hold WORD JOINERs (U+2060) at the edges of
// figures and ZERO WIDTH SPACEs (U+200B) after arrows to steer line breaks; they print nothing and
// would otherwise stick to the text read back (“7\u2060项” ≠ “7项”).
const INVISIBLE_BREAK_MARKS = /[\u2060\u200B]/g;

/** The visible text of a paragraph's inline content, in order. */
function inlineText(nodes: XNode[]): string {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (SKIP_INLINE.has(tag)) continue;
    if (tag === 'w:t') out += deepText(n).replace(INVISIBLE_BREAK_MARKS, '');
    else if (tag === 'w:tab' || tag === 'w:ptab') out += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') out += attr(n, 'w:type') === 'page' || attr(n, 'w:type') === 'column' ? '' : '\n';
    else if (tag === 'w:noBreakHyphen') out += '-';
    else if (tag === 'w:sym') out += symChar(n);
    else if (tag !== '#text') out += inlineText(kids(n));
  }
  return out;
}

function symChar(n: XNode): string {
  const code = Number.parseInt(attr(n, 'w:char') ?? '', 16);
  // Symbol-font code points live in the private-use area F000–F0FF; map them back to ASCII range.
  if (!Number.isFinite(code)) return '';
  return String.fromCodePoint(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code);
}

function readParagraph(p: XNode, numbering: DocxNumbering, line: number): Paragraph | undefined {
  const pPr = child(p, 'w:pPr');
  const label = numbering.nextLabel(pPr);
  const text = inlineText(kids(p));
  if (text.trim() === '' && !label) return undefined;
  const para: Paragraph = { kind: 'paragraph', text, ref: { line } };
  const level = numbering.headingLevel(pPr);
  if (level !== undefined) para.headingLevel = level;
  if (label) para.numbering = label;
  return para;
}

/** Text of a cell: its paragraphs (with their numbering labels) joined by newlines. */
function cellText(tc: XNode, numbering: DocxNumbering): string {
  const lines: string[] = [];
  const visit = (nodes: XNode[]): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        const label = numbering.nextLabel(child(n, 'w:pPr')) ?? '';
        const text = inlineText(kids(n));
        if ((label + text).trim() !== '') lines.push(label + text);
      } else if (tag === 'w:tbl') {
        // Nested tables are flattened: one line per nested row, its cells separated by a space.
        for (const tr of rowsOf(n)) {
          const row = cellsOf(tr).map((c) => cellText(c, numbering)).filter((t) => t !== '');
          if (row.length > 0) lines.push(row.join(' '));
        }
      } else if (WRAPPERS.has(tag)) {
        visit(kids(n));
      }
    }
  };
  visit(kids(tc));
  return lines.join('\n');
}

function unwrap(nodes: XNode[], tag: string): XNode[] {
  return nodes.flatMap((n) => (tagOf(n) === tag ? [n] : WRAPPERS.has(tagOf(n)) ? unwrap(kids(n), tag) : []));
}
const rowsOf = (tbl: XNode): XNode[] => unwrap(kids(tbl), 'w:tr');
const cellsOf = (tr: XNode): XNode[] => unwrap(kids(tr), 'w:tc');

function intVal(node: XNode | undefined, fallback: number): number {
  const v = Number(attr(node ?? {}, 'w:val'));
  return Number.isInteger(v) && v > 0 ? Math.min(v, 1000) : fallback;
}

/** Builds the grid: gridSpan widens a cell, vMerge="continue" points it at the cell above. */
function readTable(tbl: XNode, numbering: DocxNumbering, line: number): Table {
  const grid: TableCell[][] = [];
  rowsOf(tbl).forEach((tr, r) => {
    const row: TableCell[] = [];
    const before = intVal(path(tr, 'w:trPr', 'w:gridBefore'), 0);
    for (let c = 0; c < before; c++) row.push({ text: '', ref: { row: r + 1, col: c + 1 } });
    for (const tc of cellsOf(tr)) {
      const tcPr = child(tc, 'w:tcPr');
      const span = intVal(tcPr ? child(tcPr, 'w:gridSpan') : undefined, 1);
      const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined;
      const c0 = row.length;
      const above = grid[r - 1]?.[c0];
      const continues = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart' && above !== undefined;
      const origin = continues ? (above.mergedFrom ?? { row: r - 1, col: c0 }) : { row: r, col: c0 };
      const text = continues ? '' : cellText(tc, numbering);
      for (let k = 0; k < span; k++) {
        const cell: TableCell = { text: k === 0 ? text : '', ref: { row: r + 1, col: c0 + k + 1 } };
        if (continues || k > 0) cell.mergedFrom = { ...origin };
        row.push(cell);
      }
      // Text in a continuation cell would be hidden by Word; keep the grid's rule (empty text).
    }
    grid.push(row);
  });
  const width = Math.max(0, ...grid.map((row) => row.length), childrenOf(child(tbl, 'w:tblGrid') ?? {}, 'w:gridCol').length);
  grid.forEach((row, r) => {
    for (let c = row.length; c < width; c++) row.push({ text: '', ref: { row: r + 1, col: c + 1 } });
  });
  return { kind: 'table', rows: grid, ref: { line } };
}
