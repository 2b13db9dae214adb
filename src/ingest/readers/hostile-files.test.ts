/**
 * Hostile documents against the readers (issue 21): each must stop at a named limit, quickly and
 * without building what it asks for — never exhaust memory, never read an external entity.
 */
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../domain/errors.ts';
import { docxWithBody, ooxmlPackage } from '../testing/scaling-documents.ts';
import { editedXlsx, farCornerXlsx, xxeDocx, zipBombDocx } from '../testing/hostile-files.ts';
import { readDocument } from './index.ts';
import { readDocx } from './docx.reader.ts';
import { DEFAULT_READER_LIMITS } from './reader-limits.ts';
import { readXlsx } from './xlsx.reader.ts';

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { code: e.code, message: e.message, details: e.details ?? {} };
  }
  throw new Error('expected the read to fail');
}

describe('zip bombs', () => {
  it('stops a DOCX whose document part declares more than the per-entry limit, before inflating it', async () => {
    const bomb = await zipBombDocx(DEFAULT_READER_LIMITS.maxEntryBytes + 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const err = await failure(readDocument(bomb, 'bomb.docx'));
    expect(err.code).toBe('PLAN_IMPORT_TOO_COMPLEX');
    expect(['entry', 'ratio']).toContain(err.details.limit);
    expect(err.message).toContain('疑似压缩炸弹');
  });

  it('stops a DOCX that lies about its inflated size at the limit while inflating', async () => {
    const limits = { ...DEFAULT_READER_LIMITS, maxEntryBytes: 2 * 1024 * 1024 };
    const bomb = await zipBombDocx(8 * 1024 * 1024, true);
    const err = await failure(readDocx(bomb, 'liar.docx', limits));
    expect(err.code).toBe('PLAN_IMPORT_TOO_COMPLEX');
    expect(err.details).toMatchObject({ limit: 'entry', max: limits.maxEntryBytes, entry: 'word/document.xml' });
  });

  it('counts the total inflated size over all entries', async () => {
    const limits = { ...DEFAULT_READER_LIMITS, maxInflatedBytes: 64 * 1024 };
    const para = '<w:p><w:r><w:t>一、优化营商环境</w:t></w:r></w:p>'.repeat(2000);
    const docx = await ooxmlPackage({ 'word/document.xml': `<w:document xmlns:w="w"><w:body>${para}</w:body></w:document>`, 'word/styles.xml': `<w:styles xmlns:w="w">${' '.repeat(50_000)}</w:styles>` },
      'word/document.xml', 'application/xml');
    const err = await failure(readDocx(docx, 'many.docx', limits));
    expect(err.details.limit).toBe('inflated');
  });

  it('still reads an ordinary DOCX', async () => {
    const doc = await readDocx(await docxWithBody('<w:p><w:r><w:t>一、优化营商环境</w:t></w:r></w:p>'), 'ok.docx');
    expect(doc.blocks).toEqual([expect.objectContaining({ kind: 'paragraph', text: '一、优化营商环境' })]);
  });
});

describe('XLSX dimensions', () => {
  it('refuses the 1.6 KB sheet naming the far corner without building its grid', async () => {
    const bytes = await farCornerXlsx();
    expect(bytes.length).toBeLessThan(8 * 1024);
    const err = await failure(readDocument(bytes, 'far.xlsx'));
    expect(err.code).toBe('PLAN_IMPORT_TOO_COMPLEX');
    expect(['rows', 'columns']).toContain(err.details.limit);
    expect(err.message).toMatch(/上限/);
    // The dimension limit is what stopped it, before any cell was made: building 17 billion cells
    // would not finish within the test's timeout (no wall-clock threshold of our own).
  });

  it('refuses merged ranges whose total area is beyond the cell limit', async () => {
    const merges = Array.from({ length: 30 }, (_, i) => `<mergeCell ref="A${i * 100_000 + 10}:AB${i * 100_000 + 1000}"/>`).join('');
    const limits = { ...DEFAULT_READER_LIMITS, maxRows: 10_000_000 };
    const bytes = await editedXlsx({ sheet: (xml) => xml.replace('</sheetData>', `</sheetData><mergeCells count="30">${merges}</mergeCells>`) });
    const err = await failure(readXlsx(bytes, 'merges.xlsx', { ...limits, maxCells: 500_000 }));
    expect(err.details.limit).toBe('cells');
  });

  it('refuses two far-apart cells whose dense grid would exceed the cell limit', async () => {
    const bytes = await editedXlsx({ sheet: (xml) => xml.replace('</sheetData>', '<row r="150000"><c r="ALL150000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>') });
    const err = await failure(readXlsx(bytes, 'sparse.xlsx'));
    expect(err.details).toMatchObject({ limit: 'cells', rows: 150_000, columns: 1000 });
  });

  it('refuses a defined name covering the whole sheet (exceljs expands names cell by cell)', async () => {
    const bytes = await editedXlsx({ workbook: (xml) => xml.replace(/<definedNames\/>|<\/workbook>/, (m) => `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'任务表'!$A$1:$XFD$1048576</definedName></definedNames>${m === '</workbook>' ? m : ''}`) });
    const err = await failure(readXlsx(bytes, 'names.xlsx'));
    expect(err.details.limit).toBe('cells');
  });

  it('reads a sheet whose column styles claim a billion columns (they are skipped, not expanded)', async () => {
    const bytes = await editedXlsx({ sheet: (xml) => xml.replace('<sheetData>', '<cols><col min="1" max="1000000000" width="10" customWidth="1"/></cols><sheetData>') });
    const doc = await readXlsx(bytes, 'cols.xlsx');
    expect(doc.blocks).toHaveLength(1);
  });
});

describe('XML entities', () => {
  it('refuses a DOCX declaring an external entity, and nothing of /etc/passwd reaches the result', async () => {
    const err = await failure(readDocument(await xxeDocx(), 'xxe.docx'));
    expect(err.code).toBe('PLAN_IMPORT_CORRUPT');
    expect(JSON.stringify(err)).not.toMatch(/root:/);
  });

  it('refuses an XLSX whose shared strings declare an entity expansion', async () => {
    const bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const bytes = await editedXlsx({ sheet: (xml) => xml.replace('<worksheet', `${bomb}<worksheet`) });
    const err = await failure(readXlsx(bytes, 'entities.xlsx'));
    expect(err.code).toBe('PLAN_IMPORT_CORRUPT');
  });
});
