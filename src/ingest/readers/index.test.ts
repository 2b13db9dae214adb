import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/errors.ts';
import { MAX_DOCUMENT_BYTES, decodeText, readDocument, sniffFormat } from './index.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return e instanceof AppError ? e.code : 'not-app-error';
  }
}

describe('reader dispatch', () => {
  it('sniffs formats from bytes', () => {
    expect(sniffFormat(bytes('%PDF-1.7'), 'a')).toBe('pdf');
    expect(sniffFormat(bytes('PK\u0003\u0004....word/document.xml'), 'a')).toBe('docx');
    expect(sniffFormat(bytes('PK\u0003\u0004....xl/workbook.xml'), 'a')).toBe('xlsx');
    expect(sniffFormat(bytes('一、任务'), 'a')).toBe('text');
  });
  it('rejects empty, too large, unknown zips, invalid UTF-8 and binary garbage with codes', async () => {
    expect(await codeOf(readDocument(new Uint8Array(0), 'e.txt'))).toBe('PLAN_IMPORT_EMPTY');
    expect(() => sniffFormat(new Uint8Array(MAX_DOCUMENT_BYTES + 1), 'big.txt')).toThrow(/50 MB/);
    expect(await codeOf(readDocument(bytes('PK\u0003\u0004 other.xml'), 'z.zip'))).toBe('PLAN_IMPORT_UNREADABLE');
    expect(await codeOf(readDocument(new Uint8Array([0xff, 0xfe, 0xc3, 0x28]), 'bad.txt'))).toBe('PLAN_IMPORT_UNREADABLE');
    expect(() => decodeText(new Uint8Array(200).fill(1), 'bin')).toThrow(/二进制/);
    expect(await codeOf(readDocument(bytes('   \n  '), 'blank.txt'))).toBe('PLAN_IMPORT_EMPTY');
  });
  it('reads Markdown tables and headings', async () => {
    const doc = await readDocument(bytes('# 标题\n\n| 序号 | 具体举措 |\n| --- | --- |\n| 1 | 做事 |\n\n正文'), 'a.md');
    expect(doc.format).toBe('markdown');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = doc.blocks[1];
    expect(table?.kind === 'table' ? table.rows.map((r) => r.map((c) => c.text)) : null).toEqual([['序号', '具体举措'], ['1', '做事']]);
  });
});
