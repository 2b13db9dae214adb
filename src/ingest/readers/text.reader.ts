/**
 * Plain text and Markdown reader. Markdown pipe tables and tab-separated runs (what copying a
 * table out of Word or a PDF viewer gives) become Table blocks; `#` lines become headings; other
 * runs of non-blank lines become paragraphs. Every physical line is also kept for line layouts.
 */
import type { Block, Paragraph, SourceDocument, Table, TableCell } from '../document-model.ts';
import { stripMarkdown } from '../../domain/text-normalise.ts';

interface NumberedLine {
  text: string;
  line: number;
}

const HEADING = /^\s{0,3}(#{1,6})\s+(.*)$/;
const RULE = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Reads UTF-8 text (already decoded) into the document model. */
export function readText(text: string, fileName: string): SourceDocument {
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lines = physical.map((t, i) => ({ text: t, ref: { line: i + 1 } }));
  const markdown = /\.(md|markdown)$/i.test(fileName) || physical.some((l) => HEADING.test(l) || PIPE_ROW.test(l));
  const blocks: Block[] = [];
  let run: NumberedLine[] = [];
  let table: NumberedLine[] = [];
  let tableKind: 'tab' | 'pipe' | null = null;
  const flushRun = (): void => {
    if (run.length > 0) blocks.push(paragraph(run, markdown));
    run = [];
  };
  const flushTable = (): void => {
    if (table.length > 0 && tableKind) blocks.push(toTable(table, tableKind));
    table = [];
    tableKind = null;
  };
  physical.forEach((raw, i) => {
    const line = { text: raw, line: i + 1 };
    const kind = raw.includes('\t') ? 'tab' : markdown && PIPE_ROW.test(raw) ? 'pipe' : null;
    if (kind && (tableKind === null || tableKind === kind)) {
      flushRun();
      tableKind = kind;
      table.push(line);
      return;
    }
    flushTable();
    const heading = markdown ? HEADING.exec(raw) : null;
    if (raw.trim() === '' || (markdown && RULE.test(raw))) flushRun();
    else if (heading) {
      flushRun();
      blocks.push({ kind: 'paragraph', text: stripMarkdown(heading[2] ?? ''), ref: { line: i + 1 }, headingLevel: heading[1]?.length ?? 1 });
    } else run.push(line);
  });
  flushRun();
  flushTable();
  return { format: markdown ? 'markdown' : 'text', fileName, blocks, lines, warnings: [] };
}

function paragraph(run: NumberedLine[], markdown: boolean): Paragraph {
  const text = run.map((l) => (markdown ? stripMarkdown(l.text).replace(/ {2,}$/, '') : l.text)).join('\n');
  return { kind: 'paragraph', text, ref: { line: run[0]?.line ?? 1 } };
}

function toTable(rows: NumberedLine[], kind: 'tab' | 'pipe'): Table {
  const cellsOf = (l: NumberedLine): string[] =>
    kind === 'tab' ? l.text.split('\t') : l.text.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  const kept = kind === 'pipe' ? rows.filter((r) => !PIPE_SEPARATOR.test(r.text)) : rows;
  const split = kept.map((r) => ({ line: r.line, cells: cellsOf(r).map((c) => stripMarkdown(c.trim())) }));
  const width = Math.max(...split.map((r) => r.cells.length));
  const grid: TableCell[][] = split.map((r, rowIdx) =>
    Array.from({ length: width }, (_, col) => ({ text: r.cells[col] ?? '', ref: { line: r.line, row: rowIdx + 1, col: col + 1 } })),
  );
  return { kind: 'table', rows: grid, ref: { line: rows[0]?.line ?? 1 } };
}
