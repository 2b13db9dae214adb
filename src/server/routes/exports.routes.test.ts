/**
 * Excel exports opened back with exceljs and checked cell by cell against the list each came from
 * (the task list, the 预警 board, a task's urges, the audit log), on both databases; the title
 * carries the filters and the date; the download is audited; units get only their own lists.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, plans, tasks, units } from '../../db/schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface TaskItem { id: number; seq: number; text: string; deadlineRaw: string | null; indicator: { name: string } | null; leadUnits: { name: string }[]; responsibleUnits: { name: string }[] }
const LIGHT = { red: '红灯', yellow: '黄灯', green: '绿灯', done: '已办结' } as const;

async function sheetOf(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}
const text = (ws: ExcelJS.Worksheet, r: number, c: number) => {
  const v = ws.getCell(r, c).value;
  // The exports write plain strings and numbers only.
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};

describe.each(databaseKinds())('Excel exports on %s', (kind) => {
  let t: TestApp;
  let planId = 0;
  const c: Record<string, string> = {};
  const download = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: c[who] ?? '' } });

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    t.clock.now = new Date('2023-07-06T09:00:00+08:00');
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    planId = plan?.id ?? 0;
    for (const [who, login] of [['office', 'office-shaoyang'], ['leader', 'leader-shaoyang'], ['unit', 'unit-scjg']] as const) c[who] = await signIn(t.app, login);
  });
  afterAll(async () => { await t.close(); });

  it('tasks: the filtered task list, cell by cell, with filters and date in the title, frozen header and print setup', async () => {
    const [unit] = await t.database.db.select().from(units).where(eq(units.name, '市市场监管局'));
    const query = `unit=${unit?.id ?? 0}&role=lead`;
    const res = await download('office', `/api/plans/${planId}/exports/tasks.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    const ws = await sheetOf(res.rawPayload);
    const list: TaskItem[] = [];
    for (let page = 1; ; page++) {
      const { body } = await getJson<{ items: TaskItem[]; total: number }>(t.app, `/api/tasks?plan=${planId}&${query}&page=${page}&pageSize=200`, c.office ?? '');
      list.push(...body.items);
      if (list.length >= body.total) break;
    }
    expect(list.length).toBeGreaterThan(3);
    expect(text(ws, 1, 1)).toContain('任务清单（截至2023年7月6日）');
    expect(text(ws, 1, 1)).toContain(`单位：${unit?.name}（牵头）`);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((k) => text(ws, 2, k))).toEqual(['序号', '一级指标', '重点工作任务', '完成时限', '牵头单位', '责任单位', '督办状态', '办结日期']);
    expect(ws.rowCount).toBe(2 + list.length);
    for (const [i, task] of list.entries()) {
      const r = 3 + i;
      expect([text(ws, r, 1), text(ws, r, 2), text(ws, r, 3), text(ws, r, 4), text(ws, r, 5), text(ws, r, 6)])
        .toEqual([String(task.seq), task.indicator?.name ?? '', task.text, task.deadlineRaw ?? '', task.leadUnits.map((u) => u.name).join('、'), task.responsibleUnits.map((u) => u.name).join('、')]);
      const light = (await getJson<{ supervision: { light: keyof typeof LIGHT } }>(t.app, `/api/tasks/${task.id}`, c.office ?? '')).body.supervision.light;
      expect(text(ws, r, 7)).toBe(LIGHT[light]);
      expect(ws.getRow(r).height ?? 0).toBeGreaterThan(15);
    }
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2' });
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'export.download')).orderBy(desc(auditLog.id)).limit(1);
    expect(row?.details).toMatchObject({ query: query });
  });

  it('预警: the red tasks of the board, cell by cell', async () => {
    const res = await download('leader', `/api/plans/${planId}/exports/lights.xlsx?light=red`);
    expect(res.statusCode).toBe(200);
    const ws = await sheetOf(res.rawPayload);
    const board = (await getJson<{ tasks: { taskId: number; seq: number; light: string; reasons: string[] }[] }>(t.app, `/api/plans/${planId}/lights`, c.leader ?? '')).body;
    const red = board.tasks.filter((x) => x.light === 'red');
    expect(red.length).toBeGreaterThan(0);
    expect(text(ws, 1, 1)).toContain('预警：红灯');
    expect(ws.rowCount).toBe(2 + red.length);
    red.forEach((x, i) => {
      expect([text(ws, 3 + i, 1), text(ws, 3 + i, 6), text(ws, 3 + i, 7)]).toEqual([String(x.seq), '红灯', x.reasons.join('；')]);
    });
  });

  it('urges and replies: the task\'s urges, cell by cell; a unit exports only its own', async () => {
    const [task] = await t.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.seq, 1)));
    const detail = (await getJson<{ leadUnits: { id: number }[] }>(t.app, `/api/tasks/${task?.id}`, c.office ?? '')).body;
    const post = (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: { cookie: c[who] ?? '' } });
    expect((await post('office', `/api/tasks/${task?.id}/urges`, { kind: 'order', unitId: detail.leadUnits[0]?.id, message: '请加快推进', replyBy: '2023-07-12' })).statusCode).toBe(201);
    const res = await download('office', `/api/plans/${planId}/exports/urges.xlsx?kind=order`);
    const ws = await sheetOf(res.rawPayload);
    const urges = (await getJson<{ items: { number: string | null; message: string; unitName: string; reply: string | null }[] }>(t.app, `/api/tasks/${task?.id}/urges`, c.office ?? '')).body.items;
    const mine = urges.filter((u) => u.number);
    const rows = Array.from({ length: ws.rowCount - 2 }, (_, i) => 3 + i).filter((r) => text(ws, r, 4) === '1');
    expect(rows.length).toBe(mine.length);
    for (const u of mine) {
      const r = rows.find((k) => text(ws, k, 3) === u.number);
      expect(r).toBeDefined();
      expect([text(ws, r!, 2), text(ws, r!, 6), text(ws, r!, 7), text(ws, r!, 10)]).toEqual(['督办单', u.unitName, u.message, u.reply ?? '未回复']);
    }
    expect(text(ws, 1, 1)).toContain('类别：督办单');
    expect((await download('unit', `/api/plans/${planId}/exports/lights.xlsx`)).statusCode).toBe(404);
    expect((await download('unit', `/api/plans/${planId}/exports/urges.xlsx`)).statusCode).toBe(200);
  });

  it('audit log: the office\'s audit list, cell by cell (newest first)', async () => {
    const res = await download('office', '/api/audit.xlsx?action=urge.order');
    expect(res.statusCode).toBe(200);
    const ws = await sheetOf(res.rawPayload);
    const list = (await getJson<{ items: { action: string; actor: { displayName: string } | null }[]; total: number }>(t.app, '/api/audit?action=urge.order&pageSize=200', c.office ?? '')).body;
    expect(ws.rowCount).toBe(2 + list.total);
    list.items.forEach((a, i) => expect([text(ws, 3 + i, 2), text(ws, 3 + i, 3)]).toEqual([a.actor?.displayName ?? '系统', '下发督办单']));
    expect((await download('leader', '/api/audit.xlsx')).statusCode).toBe(403);
  });

  it('progress, extensions and unit assessment export as well-formed sheets', async () => {
    for (const url of ['progress.xlsx?period=2023-06', 'extensions.xlsx', 'unit-assessment.xlsx?period=2023-06']) {
      const res = await download('office', `/api/plans/${planId}/exports/${url}`);
      expect(res.statusCode, url).toBe(200);
      const ws = await sheetOf(res.rawPayload);
      expect(text(ws, 2, 1)).toMatch(/序号|排名/);
    }
    const progress = await sheetOf((await download('office', `/api/plans/${planId}/exports/progress.xlsx?period=2023-06`)).rawPayload);
    expect(text(progress, 1, 1)).toContain('2023年6月');
    expect((await download('office', `/api/plans/${planId}/exports/progress.xlsx?period=bad`)).statusCode).toBe(400);
  });
});
