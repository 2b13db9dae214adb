/**
 * Test and bench support: plan documents of a chosen size, grown by repeating real plan content,
 * so parse time can be measured against input size (bench/ingest-scaling.bench.ts) and hostile
 * sizes can be generated in tests instead of committed as binaries.
 */
import JSZip from 'jszip';
import ExcelJS from 'exceljs';

/** The seed's body (from its first numbered section) repeated as often as fits in `bytes` (UTF-8; at least once). */
export function scalingText(seed: string, bytes: number): string {
  const start = seed.search(/^一、/m);
  const head = start > 0 ? seed.slice(0, start) : '';
  const body = start > 0 ? seed.slice(start) : seed;
  const bodyBytes = Buffer.byteLength(body);
  const parts = [head];
  let size = Buffer.byteLength(head);
  do {
    parts.push(body);
    size += bodyBytes + 1;
  } while (size + bodyBytes + 1 <= bytes);
  return parts.join('\n');
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal OOXML package: content types, the package relationship, and the given parts. */
export async function ooxmlPackage(parts: Record<string, string>, mainPart: string, mainType: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + `<Override PartName="/${mainPart}" ContentType="${mainType}"/></Types>`);
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${mainPart}"/></Relationships>`);
  for (const [name, xml] of Object.entries(parts)) zip.file(name, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A DOCX whose document.xml holds `body` as raw WordprocessingML (for hostile-file tests). */
export function docxWithBody(body: string, prolog = ''): Promise<Uint8Array> {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>${prolog}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return ooxmlPackage({ 'word/document.xml': xml }, 'word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
}

/** A DOCX with one paragraph per line of the grown seed text, of about `bytes` of text. */
export function scalingDocx(seed: string, bytes: number): Promise<Uint8Array> {
  const paras = scalingText(seed, bytes).split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(l)}</w:t></w:r></w:p>`);
  return docxWithBody(paras.join(''));
}

const HEADER = ['序号', '重点任务', '牵头单位', '责任单位', '完成时限', '备注'];
const TASK = '全面推行企业开办“一网通办”，实现企业开办全程网上办理，压缩企业开办时间至1个工作日以内，持续提升企业开办便利度和满意度。';

/** A six-column responsibility table (one sheet) of about `bytes` of cell text. */
export async function scalingXlsx(bytes: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务表');
  ws.addRow(HEADER);
  const rowBytes = Buffer.byteLength(TASK) + 60;
  for (let i = 1; i * rowBytes < bytes; i++) ws.addRow([i, `${TASK}（第${i}项）`, '市市场监管局', '市政务服务中心、市税务局', '2023年6月', '']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
