import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceDocument, TableCell } from './document-model.ts';
import { readText } from './readers/text.reader.ts';
import { sourceExcerpts } from './source-excerpt.ts';
import { parseDocument } from './index.ts';

describe('sourceExcerpts', () => {
  it('gives a line with its non-blank neighbours', () => {
    const doc = readText('甲\n\n乙行\n丙\n', 'a.txt');
    const excerptAt = sourceExcerpts(doc);
    expect(excerptAt({ line: 3 })).toBe('甲 ／ 乙行 ／ 丙');
    expect(excerptAt({ line: 99 })).toBeNull();
  });

  it('gives the cells of a table row of the named sheet, merged copies left out', () => {
    const cell = (text: string, row: number, sheet: string, mergedFrom?: { row: number; col: number }): TableCell => ({ text, ref: { row, sheet }, ...(mergedFrom ? { mergedFrom } : {}) });
    const doc: SourceDocument = {
      format: 'xlsx', fileName: 'a.xlsx', warnings: [],
      blocks: [
        { kind: 'table', ref: { sheet: '表1' }, rows: [[cell('1.开办企业', 2, '表1'), cell('推行一网通办', 2, '表1')]] },
        { kind: 'table', ref: { sheet: '表2' }, rows: [[cell('', 2, '表2', { row: 1, col: 0 }), cell('压缩时限', 2, '表2'), cell('市税务局', 2, '表2')]] },
      ],
    };
    expect(sourceExcerpts(doc)({ sheet: '表2', row: 2 })).toBe('压缩时限 | 市税务局');
  });

  it('every warning of a parsed seed carries the text it points at', async () => {
    const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');
    const name = readdirSync(dir).find((f) => f.startsWith('000_')) ?? '';
    const draft = await parseDocument({ bytes: new Uint8Array(readFileSync(join(dir, name))), fileName: name });
    expect(draft.warnings.length).toBeGreaterThan(0);
    for (const w of draft.warnings) expect(w.excerpt, w.message).toBeTruthy();
    const dropped = draft.warnings.find((w) => /无法归入/.test(w.message));
    const quoted = /“(.+?)”/.exec(dropped?.message ?? '')?.[1] ?? '';
    expect(dropped?.excerpt).toContain(quoted);
  });
});
