/**
 * Test-only: turns a gold file (fixtures/gold/NNN.json) back into the document it was read from,
 * as a neutral model (a plan table with vertical merges, or prose sections) that the DOCX, XLSX
 * and PDF renderers draw. Cell texts follow the seeds' wording so a parse-back is a fair test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A vertical merge: column `col` spans data rows `from`..`to` (inclusive, 0-based). */
export interface RenderMerge { col: number; from: number; to: number }
/** A plan table: header, data rows (merged cells blank below their first row), column widths (relative). */
export interface RenderTable { header: string[]; rows: string[][]; merges: RenderMerge[]; widths: number[] }
/** What a renderer draws: title lines, then either a table or numbered prose sections. */
export interface RenderDoc {
  title: string;
  preamble: string[];
  table?: RenderTable;
  sections?: { heading: string; tasks: { label: string; text: string }[] }[];
}

type Json = Record<string, unknown>;
const GOLD_DIR = fileURLToPath(new URL('../../../fixtures/gold/', import.meta.url));

/** Reads a gold file by its seed number ('000', '001', '002'). */
export function loadGold(id: string): Json {
  const v: unknown = JSON.parse(readFileSync(`${GOLD_DIR}${id}.json`, 'utf8'));
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`gold ${id} is not an object`);
  return v as Json;
}

/** A field as a string ('' when absent or not a string). */
export function str(o: unknown, key: string): string {
  const v = typeof o === 'object' && o !== null ? (o as Json)[key] : undefined;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}
/** A field as an array of records. */
export function recs(o: unknown, key: string): Json[] {
  const v = typeof o === 'object' && o !== null ? (o as Json)[key] : undefined;
  return Array.isArray(v) ? v.filter((x): x is Json => typeof x === 'object' && x !== null) : [];
}
/** A field as a list of strings. */
export function strs(o: unknown, key: string): string[] {
  const v = typeof o === 'object' && o !== null ? (o as Json)[key] : undefined;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
const flag = (o: Json, key: string): boolean => o[key] === true;

function preamble(gold: Json): { title: string; preamble: string[] } {
  const plan = gold.plan;
  return { title: str(plan, 'title'), preamble: [str(plan, 'issuer'), str(plan, 'doc_number')].filter((s) => s !== '') };
}

/** Marks runs of equal keys in column `col` as merged and blanks all but the first row. */
function mergeRuns(rows: string[][], keys: string[], col: number, merges: RenderMerge[]): void {
  let from = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[from]) continue;
    if (i - 1 > from) {
      merges.push({ col, from, to: i - 1 });
      for (let r = from + 1; r < i; r++) (rows[r] as string[])[col] = '';
    }
    from = i;
  }
}

function units000(t: Json, note: string): string {
  const units = strs(t, 'responsible_units');
  const open = flag(t, 'responsible_units_open');
  let s = units.length === 0 && open ? '市直相关单位' : units.join('、') + (open ? '等市直相关单位' : '');
  if (str(t, 'seq') === '1' && note) s += `,${note}`;
  return s;
}

/** The 文件依据 cell as the seed prints it: numbered citations, one per line when several. */
function basis000(basis: string[]): string {
  return basis.length < 2 ? (basis[0] ?? '') : basis.map((b, i) => `${i + 1}.${b}`).join('\n');
}

/** Seed 000: the 10-column responsibility table, indicator-level cells merged. */
function model000(gold: Json): RenderDoc {
  const inds = new Map(recs(gold, 'indicators').map((i) => [str(i, 'seq'), i]));
  const note = str(gold.plan, 'responsible_units_note');
  const tasks = recs(gold, 'tasks');
  const rows = tasks.map((t) => {
    const ind = inds.get(str(t, 'indicator_seq'));
    return [
      `${str(ind, 'seq')}.${str(ind, 'name')}${str(ind, 'scope') ? `（${str(ind, 'scope')}）` : ''}`,
      `${str(t, 'sub_indicator_code')} ${str(t, 'sub_indicator')}`,
      `${str(t, 'seq')}.${str(t, 'text')}`,
      str(t, 'leader'), strs(t, 'lead_units').join('、'), units000(t, note), str(t, 'deadline_raw'),
      str(t, 'annual_target'), basis000(strs(t, 'basis')), str(t, 'remarks'),
    ];
  });
  const merges: RenderMerge[] = [];
  const byInd = tasks.map((t) => str(t, 'indicator_seq'));
  for (const col of [0, 3, 4, 7]) mergeRuns(rows, byInd, col, merges);
  mergeRuns(rows, tasks.map((t) => str(t, 'sub_indicator_code')), 1, merges);
  return {
    ...preamble(gold),
    table: {
      header: ['一级指标', '二级指标', '具体举措', '责任领导', '牵头单位', '责任单位', '完成时限', '年度目标', '文件依据', '备注'],
      rows, merges, widths: [7, 7, 20, 5, 7, 12, 6, 5, 16, 5],
    },
  };
}

function units001(ind: Json | undefined, first: boolean, note: string): string {
  const units = strs(ind, 'responsible_units');
  const last = units.at(-1);
  if (last !== '各县市区政府') return units.join('、');
  const head = units.slice(0, -1);
  const tail = first && note ? note : last;
  return head.length > 0 ? `${head.join('、')}等市直相关单位，${tail}` : `市直相关单位，${tail}`;
}

/** Seed 001: the 6-column task table, 序号/一级指标/牵头单位/责任单位 merged per indicator. */
function model001(gold: Json): RenderDoc {
  const inds = new Map(recs(gold, 'indicators').map((i) => [str(i, 'seq'), i]));
  const note = str(gold.plan, 'responsible_units_note');
  const tasks = recs(gold, 'tasks');
  const rows = tasks.map((t) => {
    const ind = inds.get(str(t, 'indicator_seq'));
    return [
      str(ind, 'seq'), str(ind, 'name'), `${str(t, 'seq')}.${str(t, 'text')}`, str(t, 'deadline_raw'),
      strs(ind, 'lead_units').join('、'), units001(ind, str(ind, 'seq') === '1', note),
    ];
  });
  const merges: RenderMerge[] = [];
  const byInd = tasks.map((t) => str(t, 'indicator_seq'));
  for (const col of [0, 1, 4, 5]) mergeRuns(rows, byInd, col, merges);
  return { ...preamble(gold), table: { header: ['序号', '一级指标', '重点工作任务', '完成时限', '牵头单位', '责任单位'], rows, merges, widths: [3, 6, 30, 6, 7, 18] } };
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The closing parenthesis of a 002 task: units, open tail, notes as in the seed. */
function units002(t: Json): string {
  const units = strs(t, 'units');
  const notes = strs(t, 'notes');
  const andTail = notes.filter((n) => n.startsWith('及'));
  const other = notes.filter((n) => !n.startsWith('及'));
  const open = flag(t, 'responsible_units_open') && andTail.length === 0 ? '等有关单位' : '';
  return `（${units.join('、')}${andTail.join('')}${open}按职责分工负责${other.map((n) => `，${n}`).join('')}）`;
}

/** Seed 002: prose sections `一、…` with tasks `（一）…（units）`. */
function model002(gold: Json): RenderDoc {
  const tasks = recs(gold, 'tasks');
  return {
    ...preamble(gold),
    sections: recs(gold, 'sections').map((s) => ({
      heading: `${CN[Number(str(s, 'seq'))] ?? str(s, 'seq')}、${str(s, 'title')}`,
      tasks: tasks.filter((t) => str(t, 'section_seq') === str(s, 'seq')).map((t) => ({ label: str(t, 'seq_cn'), text: str(t, 'text') + units002(t) })),
    })),
  };
}

/** The render model of a gold file. */
export function renderModel(id: '000' | '001' | '002'): RenderDoc {
  const gold = loadGold(id);
  return id === '000' ? model000(gold) : id === '001' ? model001(gold) : model002(gold);
}
