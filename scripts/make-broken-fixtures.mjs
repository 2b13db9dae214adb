#!/usr/bin/env node
// Writes the broken-file fixtures of the ingest readers to fixtures/ingest/broken/. Deterministic
// (seeded bytes, fixed zip dates), so re-running it reproduces the committed files exactly.
// Usage: node scripts/make-broken-fixtures.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const OUT = fileURLToPath(new URL('../fixtures/ingest/broken/', import.meta.url));
const DATE = new Date(Date.UTC(2024, 0, 1));

function seededBytes(n, seed) {
  // xorshift32: a fixed stream of "random" bytes without depending on Math.random.
  let x = seed >>> 0 || 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

async function zip(files) {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text, { date: DATE });
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const DOCUMENT = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
  + '<w:p><w:r><w:t>永州市优化营商环境2022年度重点任务实施方案</w:t></w:r></w:p>'.repeat(40) + '</w:body></w:document>';

/** A PDF whose only page paints an image: what a scanner produces (no text layer). */
function imageOnlyPdf() {
  const img = seededBytes(64 * 64, 7);
  const content = 'q 400 0 0 400 100 300 cm /Im1 Do Q';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    null, // the image stream, binary
  ];
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets = [];
  let pos = parts[0].length;
  objs.forEach((body, i) => {
    const chunk = body === null
      ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${img.length} >>\nstream\n`, 'latin1'), Buffer.from(img), Buffer.from('\nendstream\nendobj\n', 'latin1')])
      : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    offsets.push(pos);
    parts.push(chunk);
    pos += chunk.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** An OLE compound file as Office writes for a password-protected .docx/.xlsx (header + names). */
function fakeEncryptedOle() {
  const buf = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  // Directory entries hold stream names in UTF-16LE; these two mark ECMA-376 encryption.
  Buffer.from('EncryptionInfo', 'utf16le').copy(buf, 1024);
  Buffer.from('EncryptedPackage', 'utf16le').copy(buf, 1152);
  return new Uint8Array(buf);
}

/** A workbook with numbers only: readable, but nothing that looks like a plan's header row. */
async function noHeaderXlsx() {
  const rows = Array.from({ length: 6 }, (_, r) => `<row r="${r + 1}">${[1, 2, 3].map((c) => `<c r="${'ABC'[c - 1]}${r + 1}"><v>${r * 3 + c}</v></c>`).join('')}</row>`).join('');
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
  });
}

const docx = await zip({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': DOCUMENT });
const files = {
  'empty.pdf': new Uint8Array(0),
  'empty.docx': new Uint8Array(0),
  'empty.xlsx': new Uint8Array(0),
  'random.pdf': seededBytes(2048, 1),
  'random.docx': seededBytes(2048, 2),
  'random.xlsx': seededBytes(2048, 3),
  'truncated.docx': docx.slice(0, Math.floor(docx.length / 2)),
  'no-document-xml.docx': await zip({ '[Content_Types].xml': CONTENT_TYPES, 'word/styles.xml': '<w:styles/>' }),
  'scanned.pdf': imageOnlyPdf(),
  'encrypted.docx': fakeEncryptedOle(),
  'encrypted.xlsx': fakeEncryptedOle(),
  'no-header.xlsx': await noHeaderXlsx(),
};
mkdirSync(OUT, { recursive: true });
for (const [name, bytes] of Object.entries(files)) writeFileSync(OUT + name, bytes);
console.log(`wrote ${Object.keys(files).length} fixtures to ${OUT}`);
