import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { cases } from '../../db/case-schema.ts';
import { plans, units } from '../../db/schema.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

interface Preview { rows: string[][]; headerRow: number; mapping: Record<string, number> }
interface ImportError { code: string; message: string; details: { errors: { row: number; column: string; message: string }[] } }

const KINDS = ['咨询', '求助', '投诉', '建议'];

/** A 12345 export: header row, then `n` work orders; `bad` maps a data index to how it is broken. */
function hotlineCsv(n: number, bad: Record<number, 'date' | 'unit' | 'content'>): string {
  const lines = ['工单编号,受理时间,诉求类型,诉求标题,诉求内容,企业名称,联系电话,承办单位'];
  for (let i = 0; i < n; i++) {
    const date = bad[i] === 'date' ? '2023-13-45' : `2023-05-${String((i % 28) + 1).padStart(2, '0')} 10:30`;
    const unit = bad[i] === 'unit' ? '市不存在局' : i % 2 ? '市市场监管局' : '市税务局';
    const content = bad[i] === 'content' ? '' : `"企业反映办理营业执照变更遇到问题，第${i + 1}件，含逗号,与""引号"""`;
    lines.push(`GD2023${String(i + 1).padStart(5, '0')},${date},${KINDS[i % 4]},诉求${i + 1},${content},企业${i + 1}有限公司,1380000${String(i).padStart(4, '0')},${unit}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe.each(databaseKinds())('importing problems on %s', (kind) => {
  let t: TestApp;
  let cookie: string;
  let planId: number;
  const preview = (body: Buffer, fileName: string, k: string) => t.app.inject({ method: 'POST', url: `/api/cases/imports/preview?kind=${k}&fileName=${encodeURIComponent(fileName)}`, payload: body, headers: { cookie, 'content-type': 'application/octet-stream' } });
  const commit = (payload: object) => t.app.inject({ method: 'POST', url: '/api/cases/imports', payload, headers: { cookie } });
  const total = async () => (await t.database.db.select({ n: count() }).from(cases))[0]!.n;

  beforeAll(async () => {
    t = await demoApp(kind);
    cookie = await signIn(t.app, 'office-shaoyang');
    planId = (await t.database.db.select().from(plans).where(eq(plans.year, 2023)))[0]!.id;
  });
  afterAll(async () => { await t.close(); });

  it('names the 3 bad rows of a 200-row 12345 export by row and column and writes nothing, then imports the corrected file', async () => {
    const bad = { 9: 'date', 49: 'unit', 149: 'content' } as const;
    const res = await preview(Buffer.from(hotlineCsv(200, bad)), '12345工单.csv', 'hotline');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<Preview>();
    expect(p.headerRow).toBe(0);
    expect(p.mapping).toMatchObject({ refNo: 0, foundOn: 1, kind: 2, title: 3, finding: 4, enterpriseName: 5, contact: 6, leadUnit: 7 });
    expect(p.rows).toHaveLength(201);
    const before = await total();
    const refused = await commit({ kind: 'hotline', planId, headerRow: p.headerRow, mapping: p.mapping, rows: p.rows });
    expect(refused.statusCode).toBe(400);
    const errors = refused.json<ImportError>().details.errors;
    // Data index i is on file row i + 2 (row 1 is the header).
    expect(errors.map((e) => [e.row, e.column])).toEqual([[11, 'B列（受理时间）'], [51, 'H列（承办单位）'], [151, 'E列（诉求内容）']]);
    expect(refused.json<ImportError>().message).toContain('第 11 行');
    expect(await total()).toBe(before);

    const fixed = (await preview(Buffer.from(hotlineCsv(200, {})), '12345工单.csv', 'hotline')).json<Preview>();
    const ok = await commit({ kind: 'hotline', planId, headerRow: fixed.headerRow, mapping: fixed.mapping, rows: fixed.rows });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ created: number }>().created).toBe(200);
    expect(await total()).toBe(before + 200);
    const consult = (await t.database.db.select().from(cases).where(eq(cases.refNo, 'GD202300001')))[0]!;
    expect(consult).toMatchObject({ kind: 'consult', foundOn: '2023-05-01', state: 'assigned', contact: '13800000000' });
    expect(consult.finding).toBe('企业反映办理营业执照变更遇到问题，第1件，含逗号,与"引号"');
    // Importing the same export again is refused row by row: every 工单编号 is already registered.
    const again = await commit({ kind: 'hotline', planId, headerRow: fixed.headerRow, mapping: fixed.mapping, rows: fixed.rows });
    expect(again.json<ImportError>().details.errors).toHaveLength(200);
  });

  it('imports a 50-row 督查整改清单 from XLSX with its 整改时限, and reads the same list from a DOCX table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('清单');
    ws.addRow(['2023年营商环境专项督查问题整改清单']);
    ws.addRow(['序号', '存在问题', '整改措施', '责任单位', '整改时限']);
    for (let i = 1; i <= 50; i++) ws.addRow([i, `窗口督查发现第${i}个问题：一次性告知不到位`, '制定一次性告知清单', i % 2 ? '市市场监管局' : '市税务局', '2023年7月31日']);
    const res = await preview(Buffer.from(await wb.xlsx.writeBuffer()), '整改清单.xlsx', 'rectify');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<Preview>();
    expect(p.headerRow).toBe(1);
    expect(p.mapping).toMatchObject({ refNo: 0, finding: 1, measures: 2, leadUnit: 3, deadline: 4 });
    const ok = await commit({ kind: 'rectify', planId, headerRow: p.headerRow, mapping: p.mapping, rows: p.rows });
    expect(ok.statusCode, ok.body).toBe(201);
    const batch = ok.json<{ created: number; batch: string }>();
    expect(batch.created).toBe(50);
    const rows = await t.database.db.select().from(cases).where(eq(cases.importBatch, batch.batch));
    expect(rows).toHaveLength(50);
    const scjg = (await t.database.db.select().from(units).where(and(eq(units.name, '市市场监管局'), isNotNull(units.regionId))))[0]!.id;
    expect(rows.every((r) => r.source === 'inspection' && r.state === 'assigned' && r.dueOn === '2023-07-31')).toBe(true);
    expect(rows.filter((r) => r.leadUnitId === scjg)).toHaveLength(25);
    expect(rows[0]!.finding).toContain('整改措施：制定一次性告知清单');

    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const doc = new Document({ sections: [{ children: [new Paragraph('督查整改清单'), new Table({ rows: [
      new TableRow({ children: ['序号', '问题', '整改措施', '责任单位', '整改时限'].map(cell) }),
      new TableRow({ children: ['1', '明察暗访发现窗口人员脱岗', '加强考勤', '市税务局', '2023-08-15'].map(cell) }),
    ] })] }] });
    const docx = await preview(Buffer.from(await Packer.toBuffer(doc)), '整改清单.docx', 'rectify');
    expect(docx.statusCode, docx.body).toBe(200);
    const d = docx.json<Preview>();
    expect(d.mapping).toMatchObject({ finding: 1, leadUnit: 3, deadline: 4 });
    expect(d.rows[d.headerRow + 1]).toEqual(['1', '明察暗访发现窗口人员脱岗', '加强考勤', '市税务局', '2023-08-15']);
  });

  it('refuses a file that is no list, and exports the 整改清单 with its 销号 status', async () => {
    const res = await preview(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]), 'x.xlsx', 'rectify');
    expect(res.statusCode).toBe(400);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/cases/export.xlsx?source=inspection', headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(2).values as unknown[];
    expect(header).toContain('销号日期');
    const inspection = (await t.database.db.select({ n: count() }).from(cases).where(eq(cases.source, 'inspection')))[0]!.n;
    expect(ws.rowCount).toBe(2 + inspection);
  });
});
