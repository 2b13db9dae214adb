/**
 * The source text a warning points at, so the reviewer sees what the file said there without
 * opening it: the physical line with its neighbours (cells broken over lines make one line say
 * little on its own), or the
 * cells of the table row. Read from the document model the draft was made from.
 */
import type { SourceDocument, SourceRef, Table } from './document-model.ts';

const MAX_CHARS = 160;

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_CHARS ? `${t.slice(0, MAX_CHARS - 1)}…` : t;
}

function rowOf(table: Table, ref: Pick<SourceRef, 'row' | 'sheet' | 'page'>): string | null {
  for (const row of table.rows) {
    const first = row[0]?.ref;
    if (!first || first.row !== ref.row) continue;
    if (ref.sheet !== undefined && first.sheet !== ref.sheet) continue;
    if (ref.page !== undefined && first.page !== undefined && first.page !== ref.page) continue;
    return row.filter((c) => !c.mergedFrom && c.text.trim() !== '').map((c) => c.text).join(' | ');
  }
  return null;
}

// The nearest non-blank line before (step -1) or after (step 1) line index `at`, within 3 lines.
function nonBlank(doc: SourceDocument, at: number, step: -1 | 1): string {
  for (let i = at + step, n = 0; n < 3; i += step, n++) {
    const t = doc.lines?.[i]?.text.trim();
    if (t) return t;
  }
  return '';
}

/** The text at `ref` (line, or table row of a sheet/page), or null when the ref names no text. */
export function sourceExcerpt(doc: SourceDocument, ref: Pick<SourceRef, 'page' | 'line' | 'row' | 'sheet'>): string | null {
  if (ref.line !== undefined && doc.lines) {
    const at = doc.lines.findIndex((l) => l.ref.line === ref.line && (ref.page === undefined || l.ref.page === undefined || l.ref.page === ref.page));
    if (at >= 0) {
      const text = [nonBlank(doc, at, -1), doc.lines[at]?.text.trim() ?? '', nonBlank(doc, at, 1)].filter((t) => t !== '').join(' ／ ');
      if (text.trim() !== '') return clip(text);
    }
  }
  if (ref.row !== undefined) {
    for (const block of doc.blocks) {
      if (block.kind !== 'table') continue;
      const text = rowOf(block, ref);
      if (text) return clip(text);
    }
  }
  return null;
}
