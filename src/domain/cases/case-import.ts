/**
 * Reading a 督查整改清单 (问题/整改措施/责任单位/整改时限) or a 12345 work-order export into cases:
 * the columns are mapped (suggested from the header, confirmed on the review screen), every row
 * is checked, and each bad cell is named by its row and column — the caller writes nothing
 * unless every row is good.
 */
import { CASE_KINDS, KIND_LABELS, type CaseKind } from './case-model.ts';

export type ImportKind = 'hotline' | 'rectify';
export type ImportField = 'refNo' | 'foundOn' | 'kind' | 'title' | 'finding' | 'measures' | 'enterpriseName' | 'creditCode' | 'contact' | 'place' | 'category' | 'leadUnit' | 'deadline';

export const FIELD_LABELS: Record<ImportField, string> = {
  refNo: '编号', foundOn: '受理/发现日期', kind: '诉求类型', title: '标题', finding: '问题/诉求内容', measures: '整改措施', enterpriseName: '企业名称',
  creditCode: '统一社会信用代码', contact: '联系人/电话', place: '地点', category: '分类', leadUnit: '责任/承办单位', deadline: '整改时限',
};

/** The fields of each import, the required ones first, with the header words that suggest them. */
export const IMPORT_FIELDS: Record<ImportKind, { field: ImportField; required: boolean; words: string[] }[]> = {
  hotline: [
    { field: 'refNo', required: true, words: ['工单编号', '工单号', '编号'] },
    { field: 'foundOn', required: true, words: ['受理时间', '受理日期', '来电时间', '登记时间'] },
    { field: 'kind', required: true, words: ['诉求类型', '工单类型', '类型'] },
    { field: 'finding', required: true, words: ['诉求内容', '问题描述', '内容'] },
    { field: 'title', required: false, words: ['诉求标题', '标题', '主题'] },
    { field: 'enterpriseName', required: false, words: ['企业名称', '诉求企业', '单位名称'] },
    { field: 'creditCode', required: false, words: ['统一社会信用代码', '信用代码'] },
    { field: 'contact', required: false, words: ['联系电话', '联系人', '联系方式'] },
    { field: 'place', required: false, words: ['地址', '所在地', '诉求地点'] },
    { field: 'category', required: false, words: ['诉求分类', '问题分类', '分类'] },
    { field: 'leadUnit', required: false, words: ['承办单位', '办理单位', '责任单位'] },
  ],
  rectify: [
    { field: 'finding', required: true, words: ['存在问题', '问题', '问题描述'] },
    { field: 'leadUnit', required: true, words: ['责任单位', '牵头单位', '整改单位'] },
    { field: 'measures', required: false, words: ['整改措施', '措施'] },
    { field: 'deadline', required: false, words: ['整改时限', '完成时限', '时限'] },
    { field: 'refNo', required: false, words: ['序号', '编号'] },
    { field: 'place', required: false, words: ['地点', '点位'] },
    { field: 'category', required: false, words: ['问题类别', '分类', '类别'] },
  ],
};

export type ColumnMapping = Partial<Record<ImportField, number>>;

export interface ImportRowError { row: number; column: string; message: string }

export interface ImportedCase {
  row: number;
  refNo: string | null;
  foundOn: string;
  kind: CaseKind;
  title: string;
  finding: string;
  enterpriseName: string | null;
  creditCode: string | null;
  contact: string | null;
  place: string;
  category: string;
  leadUnitId: number | null;
  deadline: string | null;
}

/** Parses CSV text (RFC 4180: quotes, doubled quotes, newlines in quotes; a leading BOM is dropped). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/** Column letters of a 0-based index (0 → A, 27 → AB). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) { s = String.fromCharCode(65 + ((n - 1) % 26)) + s; n = Math.floor((n - 1) / 26); }
  return s;
}

/** The header row (the first among the first five rows naming a required field) and the suggested mapping. */
export function suggestMapping(rows: string[][], kind: ImportKind): { headerRow: number; mapping: ColumnMapping } {
  const fields = IMPORT_FIELDS[kind];
  let best = { headerRow: 0, mapping: {} as ColumnMapping, hits: -1 };
  rows.slice(0, 5).forEach((cells, r) => {
    const mapping: ColumnMapping = {};
    const used = new Set<number>();
    for (const f of fields) {
      for (const word of f.words) {
        const col = cells.findIndex((c, i) => !used.has(i) && c.replace(/\s/g, '').includes(word));
        if (col >= 0) { mapping[f.field] = col; used.add(col); break; }
      }
    }
    const hits = Object.keys(mapping).length;
    if (hits > best.hits) best = { headerRow: r, mapping, hits };
  });
  return { headerRow: best.headerRow, mapping: best.mapping };
}

/** A date cell as YYYY-MM-DD: 2023-06-15, 2023/6/15, 2023年6月15日, with an optional time, or an Excel serial day. */
export function parseDateCell(text: string): string | null {
  const t = text.trim();
  if (/^\d{5}(\.\d+)?$/.test(t)) return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(t)) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

function kindOf(text: string): CaseKind | null {
  const t = text.trim();
  return CASE_KINDS.find((k) => t.includes(KIND_LABELS[k])) ?? null;
}

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * Checks the data rows (after `headerRow`) with the mapping; `unitId` resolves a unit's name
 * (null: unknown). Row numbers are the file's (1-based), columns their letter and header.
 */
export function readImportRows(rows: string[][], headerRow: number, mapping: ColumnMapping, kind: ImportKind, unitId: (name: string) => number | null, today: string): { cases: ImportedCase[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const header = rows[headerRow] ?? [];
  for (const f of IMPORT_FIELDS[kind]) {
    if (f.required && mapping[f.field] === undefined) errors.push({ row: headerRow + 1, column: '—', message: `未指定“${FIELD_LABELS[f.field]}”所在的列` });
  }
  if (errors.length) return { cases: [], errors };
  const cases: ImportedCase[] = [];
  rows.forEach((cells, index) => {
    if (index <= headerRow || cells.every((c) => c.trim() === '')) return;
    const row = index + 1;
    const cell = (f: ImportField) => (mapping[f] === undefined ? '' : (cells[mapping[f]] ?? '').trim());
    const bad = (f: ImportField, message: string) => {
      const col = mapping[f]!;
      errors.push({ row, column: `${columnLetter(col)}列（${header[col]?.trim() || FIELD_LABELS[f]}）`, message });
    };
    const before = errors.length;
    for (const f of IMPORT_FIELDS[kind]) if (f.required && !cell(f.field)) bad(f.field, `${FIELD_LABELS[f.field]}不能为空`);
    const foundOn = kind === 'hotline' ? parseDateCell(cell('foundOn')) : today;
    if (kind === 'hotline' && cell('foundOn') && !foundOn) bad('foundOn', `日期“${cell('foundOn')}”无法识别`);
    if (foundOn && foundOn > today) bad('foundOn', `日期 ${foundOn} 晚于今天`);
    const caseKind = kind === 'hotline' ? kindOf(cell('kind')) : 'rectify';
    if (kind === 'hotline' && cell('kind') && !caseKind) bad('kind', `诉求类型“${cell('kind')}”应为咨询、求助、投诉或建议`);
    const unitName = cell('leadUnit');
    const leadUnitId = unitName ? unitId(unitName) : null;
    if (unitName && leadUnitId === null) bad('leadUnit', `未找到单位“${unitName}”`);
    const deadline = cell('deadline') ? parseDateCell(cell('deadline')) : null;
    if (cell('deadline') && !deadline) bad('deadline', `时限“${cell('deadline')}”无法识别`);
    const creditCode = cell('creditCode').toUpperCase() || null;
    if (creditCode && !CREDIT_CODE.test(creditCode)) bad('creditCode', '统一社会信用代码应为 18 位');
    if (errors.length > before) return;
    const finding = cell('measures') ? `${cell('finding')}\n整改措施：${cell('measures')}` : cell('finding');
    cases.push({
      row, refNo: cell('refNo') || null, foundOn: foundOn!, kind: caseKind!, title: cell('title') || cell('finding').slice(0, 40), finding,
      enterpriseName: cell('enterpriseName') || null, creditCode, contact: cell('contact') || null, place: cell('place'), category: cell('category'), leadUnitId, deadline,
    });
  });
  return { cases, errors };
}
