/**
 * What an edited document must still be before it is saved, previewed and issued: the schema
 * (report-document.ts) says what each block is; these rules say how large it may be and where each
 * block may stand, so a document built in the structure editor — or sent by a hostile client —
 * is one the renderers can typeset as GB/T 9704 asks. Every problem is said in Chinese, with the
 * block it is in.
 */
import type { Block, ReportDocument } from './report-document.ts';

/** One problem: the path in the model (`blocks.3.runs.0.text`) and what is wrong, in Chinese. */
export interface DocumentProblem {
  path: string;
  message: string;
}

/** Largest sizes an edited document may have (generous: a year-end summary lists every task). */
export const DOCUMENT_LIMITS = {
  blocks: 4000,
  text: 20_000,
  shortText: 500,
  runs: 100,
  columns: 12,
  rows: 3000,
  cell: 5000,
  categories: 60,
  series: 6,
  attachmentItems: 30,
  recordLines: 10,
} as const;

/** Names of the block kinds as the editor shows them. */
export const BLOCK_LABELS: Record<Block['kind'], string> = {
  redHeader: '版头', masthead: '报头', title: '标题', addressee: '主送机关', heading: '层次标题', paragraph: '段落',
  table: '表格', chart: '图表', attachmentNote: '附件说明', signature: '署名和成文日期', attachment: '附件', record: '版记',
};

/** “第3块（段落）” for a path that starts with blocks.N. */
export function blockPlace(doc: { blocks?: unknown }, path: readonly PropertyKey[]): string {
  if (path[0] !== 'blocks' || typeof path[1] !== 'number') return path.length ? `字段 ${path.join('.')}` : '文稿';
  const block = Array.isArray(doc.blocks) ? (doc.blocks[path[1]] as { kind?: unknown } | undefined) : undefined;
  const kind = typeof block?.kind === 'string' && block.kind in BLOCK_LABELS ? BLOCK_LABELS[block.kind as Block['kind']] : null;
  return `第${path[1] + 1}块${kind ? `（${kind}）` : ''}`;
}

type Check = (at: string, value: string, max: number, what: string) => DocumentProblem | null;
const tooLong: Check = (at, value, max, what) => (value.length > max ? { path: at, message: `${what}过长（${value.length}字，最多${max}字）` } : null);

function textProblems(b: Block, at: string): (DocumentProblem | null)[] {
  const L = DOCUMENT_LIMITS;
  switch (b.kind) {
    case 'redHeader': return [tooLong(at, b.issuer, L.shortText, '发文机关'), tooLong(at, b.docNumber ?? '', L.shortText, '文号'), tooLong(at, b.mark, L.shortText, '标志')];
    case 'masthead': return [tooLong(at, b.title, L.shortText, '报头'), tooLong(at, b.issueLabel, L.shortText, '期号'), tooLong(at, b.issuer, L.shortText, '编发单位'), tooLong(at, b.date, L.shortText, '日期')];
    case 'title': return [tooLong(at, b.text, L.shortText, '标题'), b.text.trim() ? null : { path: at, message: '标题不能为空' }];
    case 'addressee': return [tooLong(at, b.text, L.shortText, '主送机关'), b.text.trim() ? null : { path: at, message: '主送机关不能为空' }];
    case 'heading': return [tooLong(at, b.number, 20, '标题序号'), tooLong(at, b.text, L.shortText, '层次标题'), b.text.trim() ? null : { path: at, message: '层次标题不能为空' }];
    case 'paragraph': return [
      b.runs.length > L.runs ? { path: at, message: `段落分段过多（最多${L.runs}段）` } : null,
      tooLong(at, b.runs.map((r) => r.text).join(''), L.text, '段落'),
    ];
    case 'table': return tableProblems(b, at);
    case 'chart': return chartProblems(b, at);
    case 'attachmentNote': return [
      b.items.length > L.attachmentItems ? { path: at, message: `附件说明最多${L.attachmentItems}项` } : null,
      ...b.items.map((item) => (item.trim() ? tooLong(at, item, L.shortText, '附件名称') : { path: at, message: '附件名称不能为空' })),
    ];
    case 'signature': return [tooLong(at, b.issuer, L.shortText, '发文机关署名'), b.issuer.trim() ? null : { path: at, message: '发文机关不能为空' }];
    case 'attachment': return [tooLong(at, b.label, 20, '附件标识')];
    case 'record': return [
      b.lines.length > L.recordLines ? { path: at, message: `版记最多${L.recordLines}行` } : null,
      ...b.lines.flatMap((l) => [tooLong(at, l.label, 10, '版记项'), tooLong(at, l.text, L.shortText * 2, '版记内容')]),
      b.printed ? tooLong(at, b.printed.by, L.shortText, '印发机关') : null,
    ];
  }
}

function tableProblems(b: Extract<Block, { kind: 'table' }>, at: string): (DocumentProblem | null)[] {
  const L = DOCUMENT_LIMITS;
  const width = b.columns.length;
  const ragged = b.rows.findIndex((r) => r.length !== width);
  const longCell = b.rows.findIndex((r) => r.some((c) => c.length > L.cell));
  return [
    width > L.columns ? { path: at, message: `表格最多${L.columns}列` } : null,
    b.rows.length > L.rows ? { path: at, message: `表格最多${L.rows}行` } : null,
    ragged >= 0 ? { path: at, message: `表格第${ragged + 1}行有${b.rows[ragged]?.length ?? 0}格，应与列数（${width}）相同` } : null,
    longCell >= 0 ? { path: at, message: `表格第${longCell + 1}行有单元格过长（最多${L.cell}字）` } : null,
    ...b.columns.map((c) => tooLong(at, c.title, DOCUMENT_LIMITS.shortText, '列名')),
    b.columns.some((c) => !Number.isFinite(c.weight) || c.weight > 100) ? { path: at, message: '列宽应为 0 到 100 之间的数' } : null,
    tooLong(at, b.caption ?? '', L.shortText, '表题'),
  ];
}

function chartProblems(b: Extract<Block, { kind: 'chart' }>, at: string): (DocumentProblem | null)[] {
  const L = DOCUMENT_LIMITS;
  const n = b.chart.categories.length;
  const bad = b.chart.series.find((s) => s.values.length !== n);
  const wild = b.chart.series.some((s) => s.values.some((v) => v !== null && (!Number.isFinite(v) || Math.abs(v) > 1e9)));
  return [
    n === 0 || n > L.categories ? { path: at, message: `图表应有1到${L.categories}个分类` } : null,
    b.chart.series.length > L.series ? { path: at, message: `图表最多${L.series}个系列` } : null,
    bad ? { path: at, message: `图表系列“${bad.name}”有${bad.values.length}个值，应与分类数（${n}）相同` } : null,
    wild ? { path: at, message: '图表数值超出范围' } : null,
    tooLong(at, b.caption, L.shortText, '图题'),
    ...b.chart.categories.map((c) => tooLong(at, c, DOCUMENT_LIMITS.shortText, '图表分类名')),
  ];
}

const once = (kind: Block['kind']) => (doc: ReportDocument) => doc.blocks.filter((b) => b.kind === kind).length <= 1;

/** Where blocks may stand: one 版头 first, the 版记 last, 附件 pages after the signature. */
function placeProblems(doc: ReportDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const blocks = doc.blocks;
  const say = (i: number, message: string) => problems.push({ path: `blocks.${i}`, message: `${blockPlace(doc, ['blocks', i])}：${message}` });
  blocks.forEach((b, i) => {
    if ((b.kind === 'redHeader' || b.kind === 'masthead') && i !== 0) say(i, '版头（报头）只能在文稿开头');
    if (b.kind === 'record' && i !== blocks.length - 1) say(i, '版记只能在文稿末尾');
  });
  for (const kind of ['signature', 'record', 'attachmentNote', 'addressee'] as const) {
    if (!once(kind)(doc)) problems.push({ path: 'blocks', message: `${BLOCK_LABELS[kind]}只能有一处` });
  }
  const firstAttachment = blocks.findIndex((b) => b.kind === 'attachment');
  const body = firstAttachment < 0 ? blocks : blocks.slice(0, firstAttachment);
  // A 简报's 报头 names it; a 文件格式 document has its title.
  if (blocks[0]?.kind !== 'masthead' && !body.some((b) => b.kind === 'title')) problems.push({ path: 'blocks', message: '文稿缺少标题' });
  if (firstAttachment >= 0) {
    const lateBody = blocks.findIndex((b, i) => i > firstAttachment && (b.kind === 'signature' || b.kind === 'attachmentNote' || b.kind === 'addressee'));
    if (lateBody >= 0) say(lateBody, `${BLOCK_LABELS[blocks[lateBody]?.kind ?? 'paragraph']}应在附件之前`);
  }
  return problems;
}

/** Every problem of a schema-valid document, in block order (none: it may be saved). */
export function documentProblems(doc: ReportDocument): DocumentProblem[] {
  if (doc.blocks.length > DOCUMENT_LIMITS.blocks) return [{ path: 'blocks', message: `文稿最多${DOCUMENT_LIMITS.blocks}块` }];
  const problems: DocumentProblem[] = [];
  if (doc.title.length > DOCUMENT_LIMITS.shortText) problems.push({ path: 'title', message: `文稿名称过长（最多${DOCUMENT_LIMITS.shortText}字）` });
  doc.blocks.forEach((b, i) => {
    for (const p of textProblems(b, `blocks.${i}`)) if (p) problems.push({ path: p.path, message: `${blockPlace(doc, ['blocks', i])}：${p.message}` });
  });
  return [...problems, ...placeProblems(doc)];
}
