import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema.ts';
import { unitHeads } from '../../db/supervision-schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Problem { row: number; column: string; header: string; message: string }

/** The downloaded template with the given rows written from row 3. */
async function filledTemplate(t: TestApp, cookie: string, rows: string[][]): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url: '/api/users/import-template.xlsx', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
  const ws = wb.getWorksheet('用户')!;
  expect(ws.getRow(2).values).toEqual([undefined, '登录账号', '姓名', '角色', '区域', '单位', '单位负责人', '初始密码']);
  ws.spliceRows(3, 1);
  rows.forEach((r, i) => { ws.getRow(3 + i).values = r; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(databaseKinds())('bulk user import on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  const upload = (cookie: string, body: Buffer) => t.app.inject({ method: 'POST', url: '/api/users/import', headers: { cookie, 'content-type': 'application/octet-stream' }, payload: body });

  beforeAll(async () => {
    t = await demoApp(kind);
    admin = await signIn(t.app, 'admin');
  });
  afterAll(async () => { await t.close(); });

  it('writes nothing when 3 rows are bad and names each row and column', async () => {
    const file = await filledTemplate(t, admin, [
      ['imp-fgw', '发改联络员', '单位', '邵阳市', '市税务局', '否', ''],
      ['imp-bad-role', '某人', '主任', '邵阳市', '', '', ''],
      ['imp-ok-leader', '分管领导二', '领导', '邵阳市', '', '', 'Lingdao2026x'],
      ['imp-no-unit', '某单位联络员', '单位', '邵阳市', '市不存在局', '', ''],
      ['unit-scjg', '重复账号', '单位', '邵阳市', '市市场监管局', '', ''],
    ]);
    const before = await t.database.db.select().from(users);
    const res = await upload(admin, file);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; message: string; details: { rows: number[]; problems: Problem[] } }>();
    expect(body.code).toBe('USER_IMPORT_INVALID');
    expect(body.details.rows).toEqual([4, 6, 7]);
    expect(body.message).toContain('3 行不正确');
    expect(body.details.problems.map((p) => [p.row, p.column, p.header])).toEqual([[4, 'C', '角色'], [6, 'E', '单位'], [7, 'A', '登录账号']]);
    expect(body.details.problems[0]!.message).toContain('“主任”不是可选角色');
    expect(body.details.problems[1]!.message).toBe('区域“邵阳市”下没有单位“市不存在局”');
    expect(body.details.problems[2]!.message).toBe('“unit-scjg”已被使用');
    expect(await t.database.db.select().from(users)).toHaveLength(before.length);
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.import'))).toHaveLength(0);
  });

  it('imports a correct file in one go: forced password change, unit heads, generated passwords shown once', async () => {
    const file = await filledTemplate(t, admin, [
      ['imp-fgw', '发改联络员', '单位', '邵阳市', '市税务局', '是', ''],
      ['imp-ok-leader', '分管领导二', '领导', '邵阳市', '', '', 'Lingdao2026x'],
    ]);
    const res = await upload(admin, file);
    expect(res.statusCode).toBe(200);
    const created = res.json<{ created: { login: string; temporaryPassword: string | null }[] }>().created;
    expect(created.map((c) => c.login)).toEqual(['imp-fgw', 'imp-ok-leader']);
    expect(created[1]!.temporaryPassword).toBeNull();
    const rows = await t.database.db.select().from(users).where(inArray(users.login, ['imp-fgw', 'imp-ok-leader']));
    expect(rows.every((r) => r.mustChangePassword)).toBe(true);
    const fgw = rows.find((r) => r.login === 'imp-fgw')!;
    expect(await t.database.db.select().from(unitHeads).where(eq(unitHeads.userId, fgw.id))).toHaveLength(1);
    const c = await signIn(t.app, 'imp-fgw', created[0]!.temporaryPassword!);
    expect((await getJson<{ mustChangePassword: boolean; permissions: { confirmExtensions: boolean } }>(t.app, '/api/me', c)).body)
      .toMatchObject({ mustChangePassword: true, permissions: { confirmExtensions: true } });
    await signIn(t.app, 'imp-ok-leader', 'Lingdao2026x');
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.import'))).toHaveLength(1);
  });

  it('refuses a file that is not an XLSX and users who may not manage accounts', async () => {
    const res = await upload(admin, Buffer.from('not a workbook'));
    expect(res.json<{ code: string }>().code).toBe('USER_IMPORT_UNREADABLE');
    const leader = await signIn(t.app, 'leader-shaoyang');
    expect((await upload(leader, Buffer.from('x'))).statusCode).toBe(403);
  });
});
