/**
 * The source text a warning points at, so the reviewer sees what the file said there without
 * opening it: the physical line with its neighbours (cells broken over lines make one line say
 * little on its own), or the cells of the table row. Read from the document model the draft was
 * made from; the line and row indexes are built once per document, so each warning is a lookup.
 */
import type { SourceDocument, SourceRef, TableCell } from './document-model.ts';

type WarningRef = Pick<SourceRef, 'page' | 'line' | 'row' | 'sheet'>;

const MAX_CHARS = 160;

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_CHARS ? `${t.slice(0, MAX_CHARS - 1)}…` : t;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// The nearest non-blank line before (step -1) or after (step 1) line index `at`, within 3 lines.
function nonBlank(lines: NonNullable<SourceDocument['lines']>, at: number, step: -1 | 1): string {
  for (let i = at + step, n = 0; n < 3; i += step, n++) {
    const t = lines[i]?.text.trim();
    if (t) return t;
  }
  return '';
}

function rowText(row: TableCell[]): string {
  return row.filter((c) => !c.mergedFrom && c.text.trim() !== '').map((c) => c.text).join(' | ');
}

/** A function giving the text at a ref (line, or table row of a sheet/page), or null when it names no text. */
export function sourceExcerpts(doc: SourceDocument): (ref: WarningRef) => string | null {
  const lines = doc.lines ?? [];
  const lineAt = new Map<number, number[]>(); // line number → indexes into `lines` (one per page)
  lines.forEach((l, i) => { if (l.ref.line !== undefined) pushTo(lineAt, l.ref.line, i); });
  const rowsAt = new Map<number, TableCell[][]>(); // row number → rows of every table, in order
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    for (const row of block.rows) { const r = row[0]?.ref.row; if (r !== undefined) pushTo(rowsAt, r, row); }
  }

  return (ref) => {
    if (ref.line !== undefined) {
      const at = lineAt.get(ref.line)?.find((i) => ref.page === undefined || lines[i]?.ref.page === undefined || lines[i]?.ref.page === ref.page);
      if (at !== undefined) {
        const text = [nonBlank(lines, at, -1), lines[at]?.text.trim() ?? '', nonBlank(lines, at, 1)].filter((t) => t !== '').join(' ／ ');
        if (text !== '') return clip(text);
      }
    }
    if (ref.row !== undefined) {
      for (const row of rowsAt.get(ref.row) ?? []) {
        const first = row[0]?.ref;
        if (ref.sheet !== undefined && first?.sheet !== ref.sheet) continue;
        if (ref.page !== undefined && first?.page !== undefined && first.page !== ref.page) continue;
        const text = rowText(row);
        if (text) return clip(text);
      }
    }
    return null;
  };
}
