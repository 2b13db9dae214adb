/**
 * Importing a 督查整改清单 or a 12345 export: the file is read in the parse pool (bounded, off the
 * event loop) and its columns suggested for review; the confirmed rows are then checked all
 * together and written in one transaction — any bad row (named by row and column) writes nothing.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { readImportRows, suggestMapping, type ColumnMapping, type ImportKind, type ImportRowError } from '../../../domain/cases/case-import.ts';
import { isAppError } from '../../../domain/errors.ts';
import { chinaDate, type WorkCalendar } from '../../../domain/supervision/work-calendar.ts';
import { cases } from '../../../db/case-schema.ts';
import type { Db } from '../../../db/client.ts';
import { units } from '../../../db/schema.ts';
import type { Actor } from '../../auth/actor.ts';
import { appError } from '../../../domain/errors.ts';
import type { FileParser } from '../../files/parse-pool.ts';
import { assertCaseOffice } from '../../policies/case.policy.ts';
import { assignCase } from './case-loop.ts';
import { createCase } from './create-case.ts';
import type { CandidateCache } from './case-links.ts';
import { anyOf } from '../../../db/queries/any-of.ts';

/** A list has at most this many rows. */
export const MAX_IMPORT_ROWS = 5000;

export interface ImportPreview { rows: string[][]; headerRow: number; mapping: ColumnMapping }

/** Reads the file and suggests the header row and column mapping. */
export async function previewCaseImport(parser: FileParser, actor: Actor, bytes: Buffer, fileName: string, kind: ImportKind): Promise<ImportPreview> {
  assertCaseOffice(actor);
  let rows: string[][];
  try {
    rows = await parser.parse({ kind: 'table', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName });
  } catch (e) {
    if (isAppError(e) && (e.code === 'FILE_PARSE_BUSY' || e.code === 'PLAN_IMPORT_TOO_COMPLEX' || e.code === 'PLAN_IMPORT_TIMEOUT' || e.code === 'CASE_IMPORT_UNREADABLE')) throw e;
    throw appError('CASE_IMPORT_UNREADABLE');
  }
  if (rows.length > MAX_IMPORT_ROWS) throw appError('CASE_IMPORT_INVALID', `文件有 ${rows.length} 行，超过 ${MAX_IMPORT_ROWS} 行上限`);
  return { rows, ...suggestMapping(rows, kind) };
}

export interface ImportCommit { kind: ImportKind; planId: number | null; headerRow: number; mapping: ColumnMapping; rows: string[][] }

async function unitResolver(db: Db, actor: Actor): Promise<(name: string) => number | null> {
  const all = await db.select({ id: units.id, name: units.name, aliases: units.aliases, regionId: units.regionId }).from(units).where(anyOf(units.regionId, actor.regionIds));
  // The office's own region first: 市市场监管局 of the city before a county's namesake.
  all.sort((a, b) => Number(b.regionId === actor.region.id) - Number(a.regionId === actor.region.id) || a.id - b.id);
  return (name) => {
    const n = name.replace(/\s/g, '');
    return all.find((u) => u.name === n || u.aliases.includes(n))?.id ?? null;
  };
}

/** Checks and writes the rows; throws CASE_IMPORT_INVALID with every bad cell and writes nothing. */
export async function commitCaseImport(db: Db, actor: Actor, input: ImportCommit, now: Date, calendar: WorkCalendar): Promise<{ created: number; batch: string }> {
  assertCaseOffice(actor);
  const today = chinaDate(now);
  const { cases: rows, errors } = readImportRows(input.rows, input.headerRow, input.mapping, input.kind, await unitResolver(db, actor), today);
  const source = input.kind === 'hotline' ? 'hotline' as const : 'inspection' as const;
  const refOf = (r: { refNo: string | null }) => (input.kind === 'rectify' && r.refNo && /^\d+$/.test(r.refNo) ? null : r.refNo);
  const refs = rows.map(refOf).filter((r): r is string => r !== null);
  const seen = new Map<string, number>();
  for (const r of rows) {
    const ref = refOf(r);
    if (!ref) continue;
    if (seen.has(ref)) errors.push({ row: r.row, column: '编号', message: `编号“${ref}”与第 ${seen.get(ref)} 行重复` });
    seen.set(ref, r.row);
  }
  const existing = refs.length ? await db.select({ refNo: cases.refNo }).from(cases).where(and(eq(cases.source, source), inArray(cases.refNo, refs), anyOf(cases.regionId, actor.regionIds))) : [];
  for (const e of existing) errors.push({ row: seen.get(e.refNo!) ?? 0, column: '编号', message: `编号“${e.refNo}”已登记过` });
  if (errors.length) throw invalid(errors);
  if (!rows.length) throw appError('CASE_IMPORT_INVALID', '文件中没有可导入的数据行');
  const batch = `${input.kind}-${today}-${randomBytes(4).toString('hex')}`;
  const cache: CandidateCache = new Map();
  await db.transaction(async (tx) => {
    for (const r of rows) {
      const c = await createCase(tx, actor, {
        source, refNo: refOf(r), kind: r.kind, title: r.title, finding: r.finding, place: r.place, foundOn: r.foundOn, enterpriseName: r.enterpriseName,
        creditCode: r.creditCode, contact: r.contact, category: r.category, planId: input.planId, importBatch: batch,
      }, now, cache);
      if (r.leadUnitId === null) continue;
      // Inside the batch transaction the step's own transaction is a savepoint.
      await assignCase(tx, actor, c.id, { leadUnitId: r.leadUnitId, dueOn: r.deadline ?? undefined }, now, calendar);
    }
  });
  return { created: rows.length, batch };
}

function invalid(errors: ImportRowError[]) {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const head = sorted.slice(0, 5).map((e) => `第 ${e.row} 行 ${e.column}：${e.message}`).join('；');
  return appError('CASE_IMPORT_INVALID', `导入文件中有 ${sorted.length} 处错误，未写入任何问题。${head}${sorted.length > 5 ? '……' : ''}`, { errors: sorted });
}
