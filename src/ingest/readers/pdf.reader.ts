/**
 * PDF reader (pdfjs-dist legacy build, run in a worker thread: see pdf-worker.ts): rebuilds lines, paragraphs and ruled tables
 * from glyph positions and border lines, drops page furniture, and joins tables that continue
 * over page breaks. Also fills `lines` (all physical lines) for line-oriented layouts.
 */
import { AppError, isAppError } from '../../domain/errors.ts';
import type { Block, SourceDocument, SourceRef, Table } from '../document-model.ts';
import { findFurniture } from './pdf-furniture.ts';
import { buildLines, columnOf, joinWrapped, startsParagraph, type Column, type PdfLine } from './pdf-lines.ts';
import type { PageContent, TextRun } from './pdf-page.ts';
import { appendRows, cellOf, findGrids, gridTable, sameColumns, type PdfGrid } from './pdf-tables.ts';
import { extractPdfPages } from './pdf-worker.ts';
import { assertNotEmpty, corruptError, encryptedError, READER_ERROR_CODES } from './reader-guards.ts';

/** Reads a PDF with a text layer into the internal document model. */
export async function readPdf(bytes: Uint8Array, fileName: string, opts: ReadPdfOptions = {}): Promise<SourceDocument> {
  assertNotEmpty(bytes, fileName);
  const pages = await loadPages(bytes, fileName, opts.timeoutMs ?? 10_000 + Math.round(bytes.length / 100));
  if (pages.every((p) => p.runs.length === 0)) {
    throw new AppError(
      READER_ERROR_CODES.ocr,
      `文件“${fileName}”：该 PDF 没有文字层（可能是扫描件），暂不支持 OCR 识别。请上传可复制文字的 PDF，或原始 Word/Excel 文件。`,
      { fileName, pages: pages.length },
    );
  }
  try {
    return assemble(pages, fileName);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw corruptError(fileName, 'PDF', e instanceof Error ? e.message : String(e));
  }
}

/** Options for readPdf; the deadline defaults to 10 s plus 1 s per 100 KB. */
export interface ReadPdfOptions { timeoutMs?: number }

function timeoutError(fileName: string, ms: number): AppError {
  return new AppError(
    READER_ERROR_CODES.timeout,
    `文件“${fileName}”解析超时（超过 ${Math.round(ms / 1000)} 秒），文件可能已损坏或过于复杂。请另存为新的 PDF 或上传 Word/Excel 原件。`,
    { fileName, timeoutMs: ms },
  );
}

async function loadPages(bytes: Uint8Array, fileName: string, timeoutMs: number): Promise<PageContent[]> {
  try {
    return await extractPdfPages(bytes, timeoutMs, () => timeoutError(fileName, timeoutMs));
  } catch (e) {
    if (isAppError(e)) throw e;
    if (e instanceof Error && e.name === 'PasswordException') throw encryptedError(fileName);
    if (e instanceof Error && e.name === 'OutOfMemory') {
      throw new AppError(
        READER_ERROR_CODES.tooComplex,
        `文件“${fileName}”内容过于复杂，超出了 PDF 解析可用的内存。请把方案另存为 Word/Excel 上传，或拆分后分别导入。`,
        { fileName },
      );
    }
    throw corruptError(fileName, 'PDF', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  }
}

interface PageLayout {
  page: PageContent;
  grids: { grid: PdfGrid; table: Table }[];
  free: PdfLine[];
}

/** Splits a page's runs between its ruled grids and the free text around them. */
function layoutPage(page: PageContent): PageLayout {
  const grids = findGrids(page.page, page.h, page.v);
  const cells = grids.map(() => new Map<number, TextRun[]>());
  const freeRuns: TextRun[] = [];
  for (const run of page.runs) {
    const gi = grids.findIndex((g) => cellOf(g, run) !== undefined);
    const grid = grids[gi];
    const at = grid ? cellOf(grid, run) : undefined;
    if (at === undefined) { freeRuns.push(run); continue; }
    const map = cells[gi] as Map<number, TextRun[]>;
    map.set(at, [...(map.get(at) ?? []), run]);
  }
  return {
    page,
    grids: grids.map((grid, i) => ({ grid, table: gridTable(grid, cells[i] ?? new Map<number, TextRun[]>()) })),
    free: buildLines(freeRuns),
  };
}

type Item = { y: number; line: PdfLine } | { y: number; grid: PdfGrid; table: Table };

function assemble(pages: PageContent[], fileName: string): SourceDocument {
  const layouts = pages.map(layoutPage);
  const furniture = findFurniture(layouts.map((l) => l.free));
  const furnitureRuns = new Set<TextRun>([...furniture].flatMap((l) => l.runs));
  const physical = pages.map((p) => buildLines(p.runs.filter((r) => !furnitureRuns.has(r))));
  const content = layouts.flatMap((l) => l.free.filter((line) => !furniture.has(line)));
  const blocks = buildBlocks(layouts, furniture, columnOf(content), physical);
  const warnings = pages
    .filter((p) => p.runs.length === 0)
    .map((p) => ({ message: `第 ${p.page} 页没有文字层（可能是扫描页），该页内容未读取`, ref: { page: p.page } }));
  const lines = physical.flatMap((ls, i) => ls.map((l, k) => ({ text: l.text, ref: { page: i + 1, line: k + 1 } })));
  return { format: 'pdf', fileName, blocks, lines, warnings };
}

/** The physical line number (1-based, per page) of a free line, for refs that match `lines`. */
function lineRef(line: PdfLine, physical: PdfLine[][]): SourceRef {
  const onPage = physical[line.page - 1] ?? [];
  const k = onPage.findIndex((p) => Math.abs(p.y - line.y) <= 0.45 * p.size);
  return k >= 0 ? { page: line.page, line: k + 1 } : { page: line.page };
}

/** Walks the pages in reading order, building paragraphs and joining continued tables. */
function buildBlocks(layouts: PageLayout[], furniture: Set<PdfLine>, col: Column, physical: PdfLine[][]): Block[] {
  const blocks: Block[] = [];
  let para: PdfLine[] = [];
  // The last table emitted and its grid, while nothing but furniture has come after it.
  let open: { grid: PdfGrid; table: Table } | undefined;
  const flush = (): void => {
    const first = para[0];
    if (first) blocks.push({ kind: 'paragraph', text: joinWrapped(para.map((l) => l.text)), ref: lineRef(first, physical) });
    para = [];
  };
  for (const layout of layouts) {
    const items: Item[] = [
      ...layout.free.filter((l) => !furniture.has(l)).map((line) => ({ y: line.y, line })),
      ...layout.grids.map((g) => ({ y: g.grid.ys[0] ?? 0, ...g })),
    ].sort((a, b) => b.y - a.y);
    for (const item of items) {
      if ('line' in item) {
        const prev = para.at(-1);
        if (prev && startsParagraph(prev, item.line, col)) flush();
        para.push(item.line);
        open = undefined;
        continue;
      }
      flush();
      if (open && open.grid.page === item.grid.page - 1 && sameColumns(open.grid, item.grid)) {
        appendRows(open.table, item.table);
        open = { grid: item.grid, table: open.table };
      } else {
        blocks.push(item.table);
        open = { grid: item.grid, table: item.table };
      }
    }
  }
  flush();
  return blocks;
}
