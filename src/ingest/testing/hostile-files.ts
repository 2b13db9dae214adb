/**
 * Test support: hostile documents generated in code (small, nothing committed) — zip bombs with
 * honest or lying size headers, an XLSX naming the far corner of the sheet, external entities.
 */
import { createDeflateRaw } from 'node:zlib';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { docxWithBody } from './scaling-documents.ts';

export interface RawEntry { name: string; data: Buffer; method: 0 | 8; declaredSize: number }

/** Writes a zip from already-compressed entries, with whatever sizes the caller declares (CRC left 0). */
export function zipOf(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Deflates `total` bytes of a repeated chunk without holding them (a bomb's payload). */
export async function deflatedRepeat(chunk: string, total: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / chunk.length))), 'utf8');
  for (let written = 0; written < total; written += block.length) {
    if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
  }
  await new Promise((r) => deflate.end(r));
  return Buffer.concat(out);
}

const DOCX_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/**
 * A DOCX whose word/document.xml inflates to `inflatedBytes` of paragraphs; `lie` declares it as
 * 1 KB in the zip headers, as a bomb meant to pass a header check would.
 */
export async function zipBombDocx(inflatedBytes: number, lie = false): Promise<Buffer> {
  const payload = await deflatedRepeat('<w:p><w:r><w:t>一二三四五六七八九十</w:t></w:r></w:p>', inflatedBytes);
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(DOCX_TYPES), method: 0, declaredSize: DOCX_TYPES.length },
    { name: 'word/document.xml', data: payload, method: 8, declaredSize: lie ? 1024 : inflatedBytes },
  ]);
}

/** A real (exceljs-written) one-sheet XLSX, then `edit` applied to its sheet XML and workbook XML. */
export async function editedXlsx(edit: { sheet?: (xml: string) => string; workbook?: (xml: string) => string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务表');
  ws.addRow(['序号', '重点任务', '牵头单位']);
  ws.addRow([1, '压缩企业开办时间至1个工作日', '市市场监管局']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheet = 'xl/worksheets/sheet1.xml';
  if (edit.sheet) zip.file(sheet, edit.sheet(await zip.file(sheet)!.async('string')));
  if (edit.workbook) zip.file('xl/workbook.xml', edit.workbook(await zip.file('xl/workbook.xml')!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The 1.6 KB attack: a merge and a cell at the sheet's far corner (XFD1048576), and a matching dimension. */
export function farCornerXlsx(): Promise<Uint8Array> {
  return editedXlsx({
    sheet: (xml) => xml
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
      .replace('</sheetData>', '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A3:XFD1048575"/></mergeCells>'),
  });
}

/** A DOCX declaring an external entity that would read /etc/passwd into the text (XXE). */
export function xxeDocx(): Promise<Uint8Array> {
  return docxWithBody('<w:p><w:r><w:t>一、任务&xxe;</w:t></w:r></w:p>', '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
}
