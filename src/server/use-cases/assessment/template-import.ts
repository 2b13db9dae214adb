/**
 * Importing a filled rank template: every cell is checked first and every problem is reported
 * with its sheet, row and column; only a file without problems is written, all of it in one
 * transaction with its audit row. Rows are matched by name; a row left without a rank clears it.
 */
import { isAppError } from '../../../domain/errors.ts';
import { valueText } from '../../../ingest/readers/xlsx.reader.ts';
import type { Db } from '../../../db/client.ts';
import { audit } from '../../../db/audit.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import type { FileParser } from '../../files/parse-pool.ts';
import type { SheetValues, WorkbookValues } from '../../files/parse-jobs.ts';
import { assertMayManageAssessment, loadRound } from '../../policies/assessment.policy.ts';
import { loadAssessmentData } from './assessment-data.ts';
import { PLACE_KINDS, type PlaceKind } from './assessment-settings.ts';
import { replaceRanks } from './rounds.ts';
import { columnLetter, FIRST_DATA_ROW, INDICATOR_SHEET, PLACE_SHEETS, type SheetLayout } from './template-layout.ts';

/** One bad cell: where it is and what is wrong. */
export interface CellProblem { sheet: string; row: number; column: string; message: string }

interface ParsedRow { id: number; rank: number; score: number | null }

const MAX_PROBLEMS = 50;
/** A template has one row per indicator or place: far fewer than this. */
const MAX_TEMPLATE_ROWS = 10_000;
const SHEETS = [INDICATOR_SHEET, ...PLACE_KINDS.map((k) => PLACE_SHEETS[k])];

/**
 * Reads the template's sheets in the parse pool (bounded, off the event loop). Limit errors keep
 * their message (which limit was hit) under the assessment's code; anything else is unreadable.
 */
async function readTemplate(parser: FileParser, bytes: Buffer): Promise<WorkbookValues> {
  try {
    return await parser.parse({
      kind: 'workbook', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName: '排名录入模板.xlsx',
      sheets: SHEETS.map((s) => s.name), columns: Math.max(...SHEETS.map((s) => s.headers.length)), maxRows: MAX_TEMPLATE_ROWS,
    });
  } catch (e) {
    if (isAppError(e) && (e.code === 'PLAN_IMPORT_TOO_COMPLEX' || e.code === 'PLAN_IMPORT_TIMEOUT')) throw appError('ASSESSMENT_IMPORT_TOO_COMPLEX', e.message, e.details);
    if (isAppError(e) && e.code === 'FILE_PARSE_BUSY') throw e;
    throw appError('ASSESSMENT_IMPORT_UNREADABLE');
  }
}

/** The value of a cell as the parse process returned it (numbers as numbers, else the shown text). */
function cellAt(ws: SheetValues, row: number, col: number): number | string {
  return ws.rows[row - 1]?.[col - 1] ?? '';
}

/** A number cell: blank → null; a number or numeric text → the number; anything else → the text shown. */
function cellNumber(v: number | string): { value: number | null } | { bad: string } {
  if (typeof v === 'number') return { value: v };
  const text = v.trim();
  if (text === '') return { value: null };
  return /^-?\d+(\.\d+)?$/.test(text) ? { value: Number(text) } : { bad: text };
}

function readSheet(ws: SheetValues | null | undefined, layout: SheetLayout, known: Map<string, number>, total: number, problems: CellProblem[]): ParsedRow[] {
  const at = (row: number, col: number, message: string): void => void problems.push({ sheet: layout.name, row, column: columnLetter(col), message });
  if (!ws) {
    problems.push({ sheet: layout.name, row: 0, column: '', message: `缺少工作表“${layout.name}”，请使用下载的模板` });
    return [];
  }
  layout.headers.forEach((h, i) => {
    const found = valueText(cellAt(ws, FIRST_DATA_ROW - 1, i + 1)).trim();
    if (found !== h) at(FIRST_DATA_ROW - 1, i + 1, `表头应为“${h}”，实为“${found}”`);
  });
  const out: ParsedRow[] = [];
  const seen = new Set<number>();
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const name = valueText(cellAt(ws, r, layout.nameCol)).trim();
    const rank = cellNumber(cellAt(ws, r, layout.rankCol));
    const score = cellNumber(cellAt(ws, r, layout.scoreCol));
    if (name === '' && 'value' in rank && rank.value === null) continue;
    const id = known.get(name);
    if (id === undefined) at(r, layout.nameCol, name === '' ? '名称为空' : `“${name}”不在本方案的${layout.headers[layout.nameCol - 1] ?? ''}中`);
    else if (seen.has(id)) at(r, layout.nameCol, `“${name}”重复`);
    if ('bad' in rank) at(r, layout.rankCol, `全省排名“${rank.bad}”不是 1—${total} 的整数`);
    else if (rank.value !== null && (!Number.isInteger(rank.value) || rank.value < 1 || rank.value > total)) at(r, layout.rankCol, `全省排名 ${rank.value} 不是 1—${total} 的整数`);
    if ('bad' in score) at(r, layout.scoreCol, `得分“${score.bad}”不是数字`);
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    if ('value' in rank && rank.value !== null) out.push({ id, rank: rank.value, score: 'value' in score ? score.value : null });
  }
  return out;
}

function problemsError(problems: CellProblem[]): Error {
  const first = problems[0];
  const where = first ? `工作表“${first.sheet}”${first.row ? `第${first.row}行` : ''}${first.column ? ` ${first.column}列` : ''}` : '';
  const more = problems.length > 1 ? `等 ${problems.length} 处` : '';
  return appError('ASSESSMENT_IMPORT_INVALID', `导入文件有错误，未写入任何数据：${where}${first ? `：${first.message}` : ''}${more}`, { problems: problems.slice(0, MAX_PROBLEMS) });
}

/** Imports a filled template into a round: all or nothing. Returns how many ranks were written. */
export async function importRankTemplate(db: Db, actor: Actor, roundId: number, bytes: Buffer, parser: FileParser): Promise<{ indicators: number; places: number }> {
  // Authorised before the file is read: a user who may not import never reaches the parser.
  const allowed = await loadRound(db, actor, roundId);
  assertMayManageAssessment(actor, allowed.plan);
  const wb = await readTemplate(parser, bytes);
  return db.transaction(async (tx) => {
    const { round, plan } = await loadRound(tx, actor, roundId);
    assertMayManageAssessment(actor, plan);
    const data = await loadAssessmentData(tx, round, plan);
    const problems: CellProblem[] = [];
    const indicators = readSheet(wb[INDICATOR_SHEET.name], INDICATOR_SHEET, new Map(data.indicators.map((i) => [i.name, i.id])), round.fieldSizes.indicator, problems);
    const places: (ParsedRow & { kind: PlaceKind })[] = [];
    for (const kind of PLACE_KINDS) {
      const known = new Map(data.places.filter((p) => p.kind === kind).map((p) => [p.name, p.regionId]));
      const layout = PLACE_SHEETS[kind];
      places.push(...readSheet(wb[layout.name], layout, known, round.fieldSizes[kind], problems).map((p) => ({ ...p, kind })));
    }
    if (problems.length) throw problemsError(problems);
    await replaceRanks(tx, round.id, {
      indicators: indicators.map((i) => ({ indicatorId: i.id, rank: i.rank, score: i.score })),
      places: places.map((p) => ({ regionId: p.id, kind: p.kind, rank: p.rank, score: p.score })),
    });
    await audit(tx, { actorUserId: actor.userId, action: 'assessment.import', entity: 'assessment_round', entityId: round.id, details: { indicators: indicators.length, places: places.length, bytes: bytes.length } });
    return { indicators: indicators.length, places: places.length };
  });
}
