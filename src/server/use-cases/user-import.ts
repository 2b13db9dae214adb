/**
 * Bulk accounts from an XLSX template (批量导入用户): every row is checked first and every problem
 * names its row and column; only a file without problems is written, all of it in one transaction
 * with its audit rows. Imported accounts must change their initial password at first sign-in; a
 * blank password cell gets a generated one, returned once.
 */
// exceljs is loaded on first use: the server's request thread never pays its ~30 MB for the lists.
import type ExcelJS from 'exceljs';
import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { audit } from '../../db/audit.ts';
import { regions, units, users } from '../../db/schema.ts';
import { unitHeads } from '../../db/supervision-schema.ts';
import { valueText } from '../../ingest/readers/xlsx.reader.ts';
import { setUpPrinting, styleBody, writeTitleAndHeader } from '../../reports/xlsx/sheet-style.ts';
import type { Actor } from '../auth/actor.ts';
import { generatePassword } from '../auth/generate-password.ts';
import { assertStrongPassword, hashPassword } from '../auth/password.ts';
import { appError } from '../../domain/errors.ts';
import { assertMayManageUsers } from '../policies/user.policy.ts';
import { insertUser } from './users.ts';
import { anyOf } from '../../db/queries/any-of.ts';

const SHEET = '用户';
const FIRST_DATA_ROW = 3;
const MAX_ROWS = 2000;
const COLUMNS = [
  { header: '登录账号', width: 18 }, { header: '姓名', width: 18 }, { header: '角色', width: 10 }, { header: '区域', width: 14 },
  { header: '单位', width: 28 }, { header: '单位负责人', width: 12 }, { header: '初始密码', width: 20 },
] as const;
const ROLE_NAMES: Record<string, string> = { 管理员: 'admin', 优化办: 'office', 领导: 'leader', 单位: 'unit', 责任单位: 'unit' };

/** One bad cell: its row and column (letter and header) and what is wrong. */
export interface RowProblem { row: number; column: string; header: string; message: string }
export interface ImportedUser { login: string; displayName: string; role: string; temporaryPassword: string | null }

interface ParsedRow { row: number; login: string; displayName: string; role: string; regionId: number; unitId: number | null; head: boolean; password: string | null }

/** The empty template with one example row and the allowed values of each column. */
export async function renderUserTemplate(): Promise<Uint8Array> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'Yingshang';
  const ws = wb.addWorksheet(SHEET);
  const columns = COLUMNS.map((c) => ({ ...c, align: 'left' as const }));
  writeTitleAndHeader(ws, '批量导入用户（第3行起每行一个账号；初始密码留空则自动生成，首次登录须修改）', columns);
  ws.addRow(['sy-fgw', '邵阳市发展改革委联络员', '单位', '邵阳市', '市发展改革委', '否', '']);
  styleBody(ws, FIRST_DATA_ROW, FIRST_DATA_ROW, columns);
  for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + 500; r++) {
    ws.getCell(r, 3).dataValidation = { type: 'list', allowBlank: false, formulae: ['"管理员,优化办,领导,单位"'], showErrorMessage: true, error: '请选择 管理员、优化办、领导 或 单位' };
    ws.getCell(r, 6).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  }
  setUpPrinting(ws, columns.length);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function openSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new (await import('exceljs')).default.Workbook();
  try {
    // A copy, because exceljs hands the ArrayBuffer to jszip whole: a Buffer's pool offset would be lost.
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw appError('USER_IMPORT_UNREADABLE');
  }
  const ws = wb.getWorksheet(SHEET);
  if (!ws) throw appError('USER_IMPORT_UNREADABLE', `缺少工作表“${SHEET}”，请使用下载的模板`);
  if (ws.rowCount > MAX_ROWS + FIRST_DATA_ROW) throw appError('USER_IMPORT_INVALID', `一次最多导入 ${MAX_ROWS} 个账号`);
  return ws;
}

interface Lookups { regionsByName: Map<string, number[]>; unitsByRegion: Map<number, Map<string, number>>; taken: Set<string> }

async function loadLookups(tx: Db | Tx, actor: Actor, logins: string[]): Promise<Lookups> {
  const regionRows = await tx.select({ id: regions.id, name: regions.name }).from(regions).where(anyOf(regions.id, actor.regionIds));
  const regionsByName = new Map<string, number[]>();
  for (const r of regionRows) regionsByName.set(r.name, [...(regionsByName.get(r.name) ?? []), r.id]);
  const unitRows = await tx.select({ id: units.id, name: units.name, aliases: units.aliases, regionId: units.regionId }).from(units).where(anyOf(units.regionId, actor.regionIds));
  const unitsByRegion = new Map<number, Map<string, number>>();
  for (const u of unitRows) {
    const names = unitsByRegion.get(u.regionId) ?? new Map<string, number>();
    for (const n of [...u.aliases, u.name]) names.set(n, u.id);
    unitsByRegion.set(u.regionId, names);
  }
  const taken = logins.length ? await tx.select({ login: users.login }).from(users).where(inArray(users.login, logins)) : [];
  return { regionsByName, unitsByRegion, taken: new Set(taken.map((t) => t.login)) };
}

function readCells(ws: ExcelJS.Worksheet, r: number): string[] {
  return COLUMNS.map((_, i) => valueText(ws.getCell(r, i + 1).value).trim());
}

/** Checks one row against the lookups; problems are pushed, a valid row is returned. */
function checkRow(actor: Actor, r: number, cells: string[], lookups: Lookups, seen: Set<string>, problems: RowProblem[]): ParsedRow | null {
  const before = problems.length;
  const at = (col: number, message: string): void => void problems.push({ row: r, column: String.fromCharCode(65 + col), header: COLUMNS[col]?.header ?? '', message });
  const [login = '', displayName = '', roleName = '', regionName = '', unitName = '', headText = '', password = ''] = cells;
  if (!/^[A-Za-z0-9._-]{3,64}$/.test(login)) at(0, login ? `“${login}”只能包含字母、数字和 . _ -，长 3—64 位` : '登录账号为空');
  else if (lookups.taken.has(login)) at(0, `“${login}”已被使用`);
  else if (seen.has(login)) at(0, `“${login}”在文件中重复`);
  seen.add(login);
  if (!displayName) at(1, '姓名为空');
  const role = ROLE_NAMES[roleName];
  if (!role) at(2, `“${roleName}”不是可选角色（管理员、优化办、领导、单位）`);
  else if (role === 'admin' && actor.role !== 'admin') at(2, '只有管理员可以导入管理员账号');
  const regionIds = lookups.regionsByName.get(regionName) ?? [];
  if (regionIds.length !== 1) at(3, regionIds.length ? `区域“${regionName}”有重名，请联系管理员` : regionName ? `区域“${regionName}”不存在或不在您的管辖范围内` : '区域为空');
  const regionId = regionIds[0];
  let unitId: number | null = null;
  if (unitName) {
    unitId = regionId === undefined ? null : (lookups.unitsByRegion.get(regionId)?.get(unitName) ?? null);
    if (unitId === null && regionId !== undefined) at(4, `区域“${regionName}”下没有单位“${unitName}”`);
  } else if (role === 'unit') at(4, '单位账号必须填写所属单位');
  if (!['', '是', '否'].includes(headText)) at(5, `“${headText}”应为“是”或“否”`);
  else if (headText === '是' && role !== 'unit') at(5, '只有单位账号可以设为单位负责人');
  if (password) {
    try {
      assertStrongPassword(password);
    } catch (e) {
      at(6, (e as Error).message);
    }
  }
  if (problems.length > before || !role || regionId === undefined) return null;
  return { row: r, login, displayName, role, regionId, unitId, head: headText === '是', password: password || null };
}

function problemsError(problems: RowProblem[]): Error {
  const rows = [...new Set(problems.map((p) => p.row))];
  const first = problems[0];
  const where = first ? `第${first.row}行 ${first.column}列（${first.header}）：${first.message}` : '';
  return appError('USER_IMPORT_INVALID', `导入文件有 ${rows.length} 行不正确，未写入任何用户。${where}${problems.length > 1 ? ` 等 ${problems.length} 处` : ''}`, { rows, problems: problems.slice(0, 200) });
}

/** Imports the accounts of a filled template: all of them, or none with every problem listed. */
export async function importUsers(db: Db, actor: Actor, bytes: Buffer): Promise<ImportedUser[]> {
  assertMayManageUsers(actor);
  const ws = await openSheet(bytes);
  const rows: { r: number; cells: string[] }[] = [];
  for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
    const cells = readCells(ws, r);
    if (cells.some((c) => c !== '')) rows.push({ r, cells });
  }
  if (!rows.length) throw appError('USER_IMPORT_INVALID', '导入文件中没有账号（数据从第3行开始）');
  const lookups = await loadLookups(db, actor, rows.map((x) => x.cells[0] ?? '').filter(Boolean));
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const parsed = rows.map((x) => checkRow(actor, x.r, x.cells, lookups, seen, problems));
  if (problems.length) throw problemsError(problems);
  const ready = await Promise.all((parsed as ParsedRow[]).map(async (p) => {
    const password = p.password ?? generatePassword();
    return { ...p, password, generated: p.password === null, hash: await hashPassword(password) };
  }));
  return db.transaction(async (tx) => {
    const out: ImportedUser[] = [];
    for (const p of ready) {
      const id = await insertUser(tx, actor, { login: p.login, displayName: p.displayName, password: p.password, role: p.role, regionId: p.regionId, unitId: p.unitId, mustChangePassword: true }, p.hash);
      if (p.head && p.unitId !== null) await tx.insert(unitHeads).values({ userId: id, unitId: p.unitId });
      await audit(tx, { actorUserId: actor.userId, action: 'user.create', entity: 'user', entityId: id, details: { login: p.login, role: p.role, regionId: p.regionId, unitId: p.unitId, unitHead: p.head, importRow: p.row } });
      out.push({ login: p.login, displayName: p.displayName, role: p.role, temporaryPassword: p.generated ? p.password : null });
    }
    await audit(tx, { actorUserId: actor.userId, action: 'user.import', entity: 'user', details: { count: out.length } });
    return out;
  });
}
