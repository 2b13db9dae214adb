/**
 * 工作台, batch urging and 签收 over the API, on each database kind: every count equals the list it
 * opens (recomputed here from the tables), a batch of 20 units is all or nothing, a unit signs for a
 * newly assigned task and a received 督办单, and a unit sees only its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { auditLog, plans, taskUnits, tasks, unitMemberships, units, users } from '../../db/schema.ts';
import { notifications, progressReports, taskReceipts, taskSupervision, urges } from '../../db/supervision-schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Item { key: string; title: string; link: string; overdue: boolean; done: boolean; taskId: number | null; receipt: { kind: string; taskId?: number; urgeId?: number } | null }
interface Section { key: string; count: number; overdue: number; items: Item[] }
interface Workbench { role: string; sections: Section[]; badges: { workbench: number; review: number; myTasks: number } }
interface Unreported { period: { key: string } | null; dueOn: string | null; late: boolean; units: { unitId: number; name: string; taskIds: number[] }[] }

interface Err { message: string }
interface Batch { items: { urgeId: number; unitId: number; number: string; taskIds: number[] }[] }

describe.each(databaseKinds())('the workbench on %s', (kind) => {
  let t: TestApp;
  let planId: number;
  let regionId: number;
  const cookies: Record<string, string> = {};
  const get = async <T>(who: string, url: string) => getJson<T>(t.app, url, cookies[who]!);
  const post = (who: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, payload, headers: { cookie: cookies[who]! } });
  const section = (w: Workbench, key: string) => w.sections.find((s) => s.key === key)!;
  const at = (iso: string) => { t.clock.now = new Date(`${iso}T09:00:00+08:00`); };

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    planId = plan!.id;
    regionId = plan!.regionId;
    for (const login of ['office-shaoyang', 'unit-scjg', 'unit-sy-tax', 'leader-shaoyang', 'office-yongzhou']) cookies[login] = await signIn(t.app, login);
  });
  afterAll(async () => { await t.close(); });

  /** 本期未报送单位 recomputed from the tables: May 2023 (collected on 15 June), each collective's members on their own. */
  async function unreportedFromTables(): Promise<Map<number, Set<number>>> {
    const db = t.database.db;
    const taskRows = await db.select({ id: tasks.id }).from(tasks).leftJoin(taskSupervision, eq(taskSupervision.taskId, tasks.id))
      .where(eq(tasks.planId, planId));
    const done = new Set((await db.select({ id: taskSupervision.taskId, at: taskSupervision.completedAt }).from(taskSupervision)).filter((r) => r.at).map((r) => r.id));
    const links = await db.select().from(taskUnits).where(inArray(taskUnits.taskId, taskRows.map((r) => r.id)));
    const members = await db.select().from(unitMemberships);
    const filed = await db.select().from(progressReports).where(and(eq(progressReports.period, '2023-05'), inArray(progressReports.state, ['submitted', 'accepted'])));
    const out = new Map<number, Set<number>>();
    for (const l of links) {
      if (done.has(l.taskId)) continue;
      const own = members.filter((m) => m.collectiveId === l.unitId).map((m) => m.memberId);
      for (const u of own.length ? own : [l.unitId]) {
        if (filed.some((f) => f.taskId === l.taskId && f.unitId === u)) continue;
        out.set(u, (out.get(u) ?? new Set()).add(l.taskId));
      }
    }
    return out;
  }

  it('counts on the office workbench equal the lists they open', async () => {
    // The lead unit files May for one of its tasks: it stays listed, with one task fewer.
    const [scjg] = await t.database.db.select().from(users).where(eq(users.login, 'unit-scjg'));
    const [led] = await t.database.db.select({ taskId: taskUnits.taskId }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .where(and(eq(taskUnits.unitId, scjg!.unitId!), eq(taskUnits.role, 'lead'), eq(tasks.planId, planId))).orderBy(asc(tasks.seq)).limit(1);
    const filed = await post('unit-scjg', `/api/tasks/${led!.taskId}/reports`, { period: '2023-05', status: 'in_progress', percent: 40, workDone: '五月推进情况', submit: true });
    expect(filed.statusCode).toBe(201);

    const { status, body: w } = await get<Workbench>('office-shaoyang', '/api/workbench');
    expect(status).toBe(200);
    for (const s of w.sections) expect(s.count).toBe(s.items.filter((i) => !i.done).length);
    expect(w.badges.workbench).toBe(w.sections.reduce((n, s) => n + s.count, 0));

    const queue = await get<{ items: { id: number }[] }>('office-shaoyang', '/api/review-queue');
    expect(section(w, 'review').count).toBe(queue.body.items.length);
    expect(section(w, 'review').count).toBe(1);
    expect(w.badges.review).toBe(1);

    const list = await get<Unreported>('office-shaoyang', `/api/plans/${planId}/unreported-units`);
    expect(list.body.period?.key).toBe('2023-05');
    expect(list.body.late).toBe(true);
    const expected = await unreportedFromTables();
    expect(list.body.units.length).toBe(expected.size);
    for (const u of list.body.units) expect(new Set(u.taskIds)).toEqual(expected.get(u.unitId));
    const planItems = section(w, 'unreported').items.filter((i) => i.link === `/workbench/unreported?plan=${planId}`);
    expect(planItems.length).toBe(list.body.units.length);
    const scjgEntry = list.body.units.find((u) => u.unitId === scjg!.unitId)!;
    expect(scjgEntry.taskIds).not.toContain(led!.taskId);

    // The leader reads the same lists, without the office's drafts.
    const leader = await get<Workbench>('leader-shaoyang', '/api/workbench');
    expect(section(leader.body, 'unreported').count).toBe(section(w, 'unreported').count);
    expect(leader.body.sections.some((s) => s.key === 'drafts')).toBe(false);

    // Documents due from the plan's cycle (monthly): May's 月通报, not yet written.
    const docs = section(w, 'documents').items.filter((i) => i.key.startsWith(`doc-${planId}-`));
    expect(docs.map((d) => d.key)).toEqual([`doc-${planId}-monthly-notice-2023-05`]);
  });

  it('counts on the unit workbench equal 我的任务', async () => {
    const { body: w } = await get<Workbench>('unit-scjg', '/api/workbench');
    const mine = await get<{ items: { report: { state: string } | null }[] }>('unit-scjg', '/api/my-tasks');
    expect(section(w, 'due').count).toBe(mine.body.items.filter((i) => i.report === null || i.report.state === 'draft').length);
    expect(section(w, 'returned').count).toBe(mine.body.items.filter((i) => i.report?.state === 'returned').length);
    expect(w.badges.myTasks).toBe(section(w, 'due').count + section(w, 'returned').count);
    for (const s of w.sections) expect(s.count).toBe(s.items.length);
  });

  it('urges 20 units in one batch, all or nothing, one numbered 督办单 each', async () => {
    const db = t.database.db;
    const list = (await get<Unreported>('office-shaoyang', `/api/plans/${planId}/unreported-units`)).body;
    expect(list.units.length).toBeGreaterThanOrEqual(20);
    const twenty = list.units.slice(0, 20).map((u) => u.unitId);
    const [foreign] = await db.select().from(units).where(eq(units.name, '冷水滩区人民政府'));
    const countAll = async () => ({
      urges: (await db.select().from(urges)).length, audit: (await db.select().from(auditLog).where(like(auditLog.action, 'urge.%'))).length, inbox: (await db.select().from(notifications)).length,
    });
    const before = await countAll();
    const body = { planId, kind: 'order', message: '请于期限内报送5月进展并说明滞后原因', replyBy: '2023-06-20' };
    const bad = await post('office-shaoyang', '/api/supervision/batch-urges', { ...body, unitIds: [...twenty.slice(0, 19), foreign!.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Err>().message).toContain('冷水滩区人民政府');
    expect(await countAll()).toEqual(before);
    const noDate = await post('office-shaoyang', '/api/supervision/batch-urges', { ...body, replyBy: null, unitIds: twenty });
    expect(noDate.json<Err>().message).toBe('督办单必须写明回复期限');
    const none = await post('office-shaoyang', '/api/supervision/batch-urges', { ...body, unitIds: [] });
    expect(none.json<Err>().message).toBe('请至少选择一项任务或一个单位');

    const ok = await post('office-shaoyang', '/api/supervision/batch-urges', { ...body, unitIds: twenty });
    expect(ok.statusCode).toBe(201);
    const items = ok.json<Batch>().items;
    expect(items.map((i) => i.unitId)).toEqual(twenty);
    const seqs = items.map((i) => Number(/〔2023〕(\d+)号$/.exec(i.number)![1]));
    expect(seqs).toEqual(seqs.map((_, k) => seqs[0]! + k));
    expect(items.every((i) => i.number.startsWith('邵阳优化督〔2023〕') || i.number.startsWith('邵优化督〔2023〕'))).toBe(true);
    for (const i of items) expect(new Set(i.taskIds)).toEqual(new Set(list.units.find((u) => u.unitId === i.unitId)!.taskIds));
    const after = await countAll();
    expect(after.urges - before.urges).toBe(20);
    expect(after.audit - before.audit).toBe(20);
    const rows = await db.select().from(urges).where(inArray(urges.id, items.map((i) => i.urgeId)));
    expect(rows.every((r) => r.kind === 'order' && r.regionId === regionId && r.replyBy === '2023-06-20')).toBe(true);
    // An order covering several tasks names them all (the printed 督办单 shows its message).
    const many = rows.find((r) => r.taskIds.length > 1)!;
    const seqOf = new Map((await db.select({ id: tasks.id, seq: tasks.seq }).from(tasks).where(inArray(tasks.id, many.taskIds))).map((x) => [x.id, x.seq]));
    expect(many.message).toBe(`${body.message}（涉及第 ${many.taskIds.map((id) => seqOf.get(id)).join('、')} 项任务）`);

    // Each covered task lists the order; the office's workbench counts it awaiting reply.
    const first = items[0]!;
    const taskUrges = await get<{ items: { id: number }[] }>('office-shaoyang', `/api/tasks/${first.taskIds[first.taskIds.length - 1]}/urges`);
    expect(taskUrges.body.items.map((u) => u.id)).toContain(first.urgeId);
    const w = (await get<Workbench>('office-shaoyang', '/api/workbench')).body;
    const orders = section(w, 'orders').items.map((i) => i.key);
    for (const i of items) expect(orders).toContain(`order-${i.urgeId}`);
  });

  it('urges the lead units of selected tasks, one record per unit', async () => {
    const db = t.database.db;
    const picked = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.seq)).limit(6);
    const ids = picked.map((p) => p.id);
    const leads = await db.select().from(taskUnits).where(and(inArray(taskUnits.taskId, ids), eq(taskUnits.role, 'lead')));
    const members = await db.select().from(unitMemberships);
    const expected = new Map<number, number[]>();
    for (const id of ids) {
      for (const l of leads.filter((x) => x.taskId === id)) {
        const own = members.filter((m) => m.collectiveId === l.unitId).map((m) => m.memberId);
        for (const u of own.length ? own : [l.unitId]) expected.set(u, [...new Set([...(expected.get(u) ?? []), id])]);
      }
    }
    const res = await post('office-shaoyang', '/api/supervision/batch-urges', { planId, kind: 'reminder', message: '请加快推进', taskIds: ids });
    expect(res.statusCode).toBe(201);
    const items = res.json<Batch>().items;
    expect(items.length).toBe(expected.size);
    for (const i of items) {
      expect(i.number).toBeNull();
      expect(i.taskIds).toEqual(expected.get(i.unitId));
    }
    const other = await db.select({ id: tasks.id }).from(tasks).innerJoin(plans, eq(plans.id, tasks.planId)).where(eq(plans.year, 2022)).limit(1);
    const wrong = await post('office-shaoyang', '/api/supervision/batch-urges', { planId, kind: 'reminder', message: '请加快推进', taskIds: [...ids, other[0]!.id] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<Err>().message).toContain('不属于该方案');
  });

  it('a unit signs for a newly assigned task and for a received 督办单; unsigned ones go overdue', async () => {
    const db = t.database.db;
    const [tax] = await db.select().from(users).where(eq(users.login, 'unit-sy-tax'));
    const taxUnit = tax!.unitId!;
    const taxTasks = (await db.select({ id: taskUnits.taskId }).from(taskUnits).where(eq(taskUnits.unitId, taxUnit))).map((r) => r.id);
    const [task] = (await db.select({ id: tasks.id, seq: tasks.seq }).from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.seq))).filter((r) => !taxTasks.includes(r.id));
    const links = await db.select().from(taskUnits).where(eq(taskUnits.taskId, task!.id));
    expect(links.some((l) => l.unitId === taxUnit)).toBe(false);
    at('2023-06-19');
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/tasks/${task!.id}`, headers: { cookie: cookies['office-shaoyang']! }, payload: {
      responsibleUnitIds: [...links.filter((l) => l.role === 'responsible').map((l) => l.unitId), taxUnit],
    } });
    expect(patched.statusCode).toBe(200);
    const receipts = await db.select().from(taskReceipts).where(eq(taskReceipts.taskId, task!.id));
    expect(receipts.map((r) => r.unitId)).toEqual([taxUnit]);

    let unit = (await get<Workbench>('unit-sy-tax', '/api/workbench')).body;
    const pending = section(unit, 'receipts').items.find((i) => i.receipt?.kind === 'task' && i.receipt.taskId === task!.id)!;
    expect(pending.overdue).toBe(false);
    // Sent Monday 19 June: in time through Wednesday 21; the 端午 holidays follow, so overdue from Sunday 25 (a make-up working day) on.
    at('2023-06-26');
    unit = (await get<Workbench>('unit-sy-tax', '/api/workbench')).body;
    expect(section(unit, 'receipts').items.find((i) => i.key === pending.key)!.overdue).toBe(true);
    const office = (await get<Workbench>('office-shaoyang', '/api/workbench')).body;
    const seen = section(office, 'receipts').items.find((i) => i.key === pending.key)!;
    expect(seen.overdue).toBe(true);
    expect(section(office, 'receipts').overdue).toBe(section(office, 'receipts').items.filter((i) => i.overdue).length);

    expect((await post('unit-scjg', `/api/tasks/${task!.id}/acknowledge`)).statusCode).toBe(404);
    expect((await post('unit-sy-tax', `/api/tasks/${task!.id}/acknowledge`)).statusCode).toBe(204);
    expect((await post('unit-sy-tax', `/api/tasks/${task!.id}/acknowledge`)).json<Err>().message).toBe('该任务本单位已签收');
    unit = (await get<Workbench>('unit-sy-tax', '/api/workbench')).body;
    expect(section(unit, 'receipts').items.some((i) => i.key === pending.key)).toBe(false);
    const officeAfter = (await get<Workbench>('office-shaoyang', '/api/workbench')).body;
    expect(section(officeAfter, 'receipts').items.some((i) => i.key === pending.key)).toBe(false);

    // A 督办单 to the lead unit: nobody else signs for it.
    const order = await post('office-shaoyang', '/api/supervision/batch-urges', { planId, kind: 'order', message: '请说明进展', replyBy: '2023-06-30', taskIds: [task!.id] });
    expect(order.statusCode).toBe(201);
    const [mine] = await db.select().from(urges).where(and(eq(urges.unitId, (links.find((l) => l.role === 'lead'))!.unitId), eq(urges.taskId, task!.id))).orderBy(asc(urges.id));
    expect((await post('unit-sy-tax', `/api/urges/${mine!.id}/acknowledge`)).statusCode).toBe(404);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'task.acknowledge'))).toHaveLength(1);
  });

  it('a unit sees only its own, and may not urge', async () => {
    const db = t.database.db;
    const [scjg] = await db.select().from(users).where(eq(users.login, 'unit-scjg'));
    const w = (await get<Workbench>('unit-scjg', '/api/workbench')).body;
    const urgeIds = section(w, 'urges').items.map((i) => Number(i.key.replace('urge-', '')));
    const rows = urgeIds.length ? await db.select().from(urges).where(inArray(urges.id, urgeIds)) : [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.unitId === scjg!.unitId)).toBe(true);
    const all = await db.select().from(urges).where(and(eq(urges.unitId, scjg!.unitId!)));
    expect(urgeIds.length).toBe(all.filter((u) => u.repliedAt === null).length);
    const receiptUrges = section(w, 'receipts').items.filter((i) => i.receipt?.kind === 'urge').map((i) => i.receipt!.urgeId!);
    expect(receiptUrges.every((id) => urgeIds.includes(id))).toBe(true);

    // 签收 of its own 督办单: out of 待签收, still awaiting the reply.
    const target = receiptUrges[0]!;
    expect((await post('unit-scjg', `/api/urges/${target}/acknowledge`)).statusCode).toBe(204);
    const after = (await get<Workbench>('unit-scjg', '/api/workbench')).body;
    expect(section(after, 'receipts').items.some((i) => i.receipt?.urgeId === target)).toBe(false);
    expect(section(after, 'urges').items.some((i) => i.key === `urge-${target}`)).toBe(true);

    expect((await get('unit-scjg', `/api/plans/${planId}/unreported-units`)).status).toBe(404);
    expect((await post('unit-scjg', '/api/supervision/batch-urges', { planId, kind: 'reminder', message: '催', unitIds: [scjg!.unitId] })).statusCode).toBe(403);
    expect((await post('unit-sy-tax', `/api/urges/${target}/acknowledge`)).statusCode).toBe(404);
    // Another city's office cannot see or urge this plan.
    expect((await get('office-yongzhou', `/api/plans/${planId}/unreported-units`)).status).toBe(404);
    expect((await post('office-yongzhou', '/api/supervision/batch-urges', { planId, kind: 'reminder', message: '催', unitIds: [scjg!.unitId] })).statusCode).toBe(404);
  });

  it('签收 receipts follow a unit merge: one per task, the kept unit\'s kept', async () => {
    const db = t.database.db;
    const named = async (name: string) => (await db.select().from(units).where(and(eq(units.name, name), eq(units.regionId, regionId))))[0]!.id;
    const [keptId, mergedId] = [await named('市财政局'), await named('市发改委')];
    const [a, b] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.seq)).limit(2);
    const at0 = new Date('2023-06-20T09:00:00+08:00');
    await db.insert(taskReceipts).values([
      { taskId: a!.id, unitId: keptId, assignedAt: at0 }, { taskId: a!.id, unitId: mergedId, assignedAt: at0 }, { taskId: b!.id, unitId: mergedId, assignedAt: at0 },
    ]);
    const admin = await signIn(t.app, 'admin');
    const res = await t.app.inject({ method: 'POST', url: `/api/units/${keptId}/merge`, payload: { mergedUnitId: mergedId }, headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const after = await db.select().from(taskReceipts).where(inArray(taskReceipts.taskId, [a!.id, b!.id]));
    expect(after.map((r) => `${r.taskId}:${r.unitId}`).sort()).toEqual([`${a!.id}:${keptId}`, `${b!.id}:${keptId}`].sort());
  });
});
