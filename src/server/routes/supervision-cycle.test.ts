import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { plans, tasks, units, users } from '../../db/schema.ts';
import { notifications, unitHeads } from '../../db/supervision-schema.ts';
import { createUser } from '../use-cases/users.ts';
import { runReminders } from '../use-cases/supervision/reminders.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Report { id: number; state: string; version: number; role: string; unit: { name: string } }
const calendar = new WorkCalendar();

describe.each(databaseKinds())('the supervision cycle on %s', (kind) => {
  let t: TestApp;
  let planId: number;
  const task: Record<number, number> = {};
  const cookies: Record<string, string> = {};

  async function unitId(name: string): Promise<number> {
    const [u] = await t.database.db.select().from(units).where(and(eq(units.name, name), eq(units.regionId, (await t.database.db.select().from(plans).where(eq(plans.id, planId)))[0]!.regionId)));
    return u!.id;
  }
  const post = (who: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: { cookie: cookies[who]! } });
  const at = (iso: string) => { t.clock.now = new Date(`${iso}T09:00:00+08:00`); };

  beforeAll(async () => {
    // Sessions must outlive the weeks this test's clock moves through.
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    planId = plan!.id;
    for (const seq of [1, 2, 3, 6]) task[seq] = (await t.database.db.select().from(tasks).where(and(eq(tasks.planId, planId), eq(tasks.seq, seq))))[0]!.id;
    const regionId = plan!.regionId;
    await createUser(t.database.db, null, { login: 'sy-tax', password: 'Shuiwu2026x', displayName: '市税务局', role: 'unit', regionId, unitId: await unitId('市税务局') });
    await createUser(t.database.db, null, { login: 'sy-police', password: 'Gongan2026x', displayName: '市公安局', role: 'unit', regionId, unitId: await unitId('市公安局') });
    const headId = await createUser(t.database.db, null, { login: 'scjg-head', password: 'Fuzeren2026x', displayName: '市市场监管局局长', role: 'unit', regionId, unitId: await unitId('市市场监管局') });
    await t.database.db.insert(unitHeads).values({ userId: headId, unitId: await unitId('市市场监管局') });
    for (const [who, login, pw] of [['office', 'office-shaoyang'], ['lead', 'unit-scjg'], ['tax', 'sy-tax', 'Shuiwu2026x'], ['police', 'sy-police', 'Gongan2026x'], ['head', 'scjg-head', 'Fuzeren2026x'], ['leader', 'leader-shaoyang']] as const) {
      cookies[who] = await signIn(t.app, login, pw);
    }
  });
  afterAll(async () => { await t.close(); });

  it('reminds before the report is due, once, whoever runs it', async () => {
    // June's report is due on the 3rd working day after 30 June 2023: Wednesday 5 July.
    const first = await runReminders(t.database.db, '2023-06-30', calendar);
    const again = await runReminders(t.database.db, '2023-06-30', calendar);
    expect(first).toEqual([]);
    expect(again).toEqual([]);
    const [lead] = await t.database.db.select().from(users).where(eq(users.login, 'unit-scjg'));
    const inbox = await t.database.db.select().from(notifications).where(eq(notifications.userId, lead!.id));
    // May's report (due 5 June) is long overdue by then: that reminder escalates; June's warns.
    expect(inbox.map((n) => n.title).sort()).toEqual(['进展报告即将截止：2023年6月', '进展报告逾期督促：2023年5月']);
    expect(inbox.find((n) => n.title.endsWith('6月'))!.body).toContain('将于 2023-07-05 截止');
    const [leader] = await t.database.db.select().from(users).where(eq(users.login, 'leader-shaoyang'));
    const escalated = await t.database.db.select().from(notifications).where(eq(notifications.userId, leader!.id));
    expect(escalated.length).toBeGreaterThan(0);
    expect(escalated.every((n) => n.title.startsWith('逾期未报：'))).toBe(true);
  });

  it('runs report → consolidation → return → resubmission → acceptance → completion', async () => {
    at('2023-07-03');
    const base = { period: '2023-06', status: 'in_progress', percent: 60, workDone: '已完成系统对接测试' };
    const tax = await post('tax', `/api/tasks/${task[1]}/reports`, { ...base, submit: true, idempotencyKey: 'tax-2023-06-task1' });
    expect(tax.statusCode).toBe(201);
    const taxReport = tax.json<Report>();
    expect(taxReport).toMatchObject({ role: 'responsible', state: 'submitted', version: 1, unit: { name: '市税务局' } });
    // A retried request with the same key files nothing new.
    const retry = await post('tax', `/api/tasks/${task[1]}/reports`, { ...base, submit: true, idempotencyKey: 'tax-2023-06-task1' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json<Report>().id).toBe(taxReport.id);

    const draft = await post('lead', `/api/tasks/${task[1]}/reports`, { ...base, status: 'done', percent: 100, consolidates: [taxReport.id] });
    expect(draft.json<Report>()).toMatchObject({ role: 'lead', state: 'draft' });
    const submitted = await post('lead', `/api/reports/${draft.json<Report>().id}/submit`, {});
    expect(submitted.json<Report>().state).toBe('submitted');
    const queue = (await getJson<{ items: { id: number }[] }>(t.app, '/api/review-queue', cookies.office!)).body.items;
    expect(queue.map((r) => r.id)).toContain(draft.json<Report>().id);

    expect((await post('office', `/api/reports/${draft.json<Report>().id}/review`, { decision: 'return' })).json<{ code: string }>().code).toBe('COMMENT_REQUIRED');
    const returned = await post('office', `/api/reports/${draft.json<Report>().id}/review`, { decision: 'return', comment: '请补充办结佐证' });
    expect(returned.json<Report>().state).toBe('returned');
    // A submitted version is immutable: the correction is version 2.
    const v2 = await post('lead', `/api/tasks/${task[1]}/reports`, { ...base, status: 'done', percent: 100, workDone: '已全面完成，附验收材料', consolidates: [taxReport.id], submit: true });
    expect(v2.json<Report>()).toMatchObject({ version: 2, state: 'submitted' });
    expect((await post('lead', `/api/tasks/${task[1]}/reports`, { ...base, submit: true })).json<{ code: string }>().code).toBe('REPORT_ALREADY_SUBMITTED');
    expect((await post('office', `/api/reports/${v2.json<Report>().id}/review`, { decision: 'accept' })).json<Report>().state).toBe('accepted');
    // Accepting the consolidated report accepts the responsible unit's report it consolidates.
    const taxNow = (await getJson<{ items: Report[] }>(t.app, `/api/tasks/${task[1]}/reports`, cookies.tax!)).body.items.find((r) => r.id === taxReport.id);
    expect(taxNow?.state).toBe('accepted');

    expect((await post('lead', `/api/tasks/${task[1]}/completion`, { accept: true })).statusCode).toBe(403);
    expect((await post('office', `/api/tasks/${task[1]}/completion`, { accept: true, comment: '同意办结' })).statusCode).toBe(204);
    const { lights } = await import('../use-cases/supervision/lights.ts').then((m) => m.planLights(t.database.db, planId, '2023-07-03', calendar));
    expect(lights.find((l) => l.taskId === task[1])?.light).toBe('done');
    expect((await post('tax', `/api/tasks/${task[1]}/reports`, { ...base, period: '2023-07' })).json<{ code: string }>().code).toBe('TASK_ALREADY_COMPLETED');
  });

  it('keeps units out of each other\'s reports (404) and reviews to the right role', async () => {
    const police = (await getJson<{ items: Report[] }>(t.app, `/api/tasks/${task[1]}/reports`, cookies.police!)).body.items;
    expect(police).toEqual([]);
    const lead = (await getJson<{ items: Report[] }>(t.app, `/api/tasks/${task[1]}/reports`, cookies.lead!)).body.items;
    expect(lead.map((r) => r.unit.name)).toContain('市税务局');
    const taxReportId = lead.find((r) => r.unit.name === '市税务局')!.id;
    expect((await post('police', `/api/reports/${taxReportId}/review`, { decision: 'accept' })).statusCode).toBe(404);
    expect((await post('tax', `/api/reports/${taxReportId}/review`, { decision: 'accept' })).statusCode).toBe(403);
    const outsider = await signIn(t.app, 'county-lengshuitan');
    expect((await getJson(t.app, `/api/tasks/${task[1]}/reports`, outsider)).status).toBe(404);
    expect((await post('leader', `/api/tasks/${task[2]}/reports`, { period: '2023-06', status: 'in_progress', percent: 1, workDone: 'x' })).statusCode).toBe(403);
    expect((await post('tax', `/api/tasks/${task[2]}/reports`, { period: '2023-06-2', status: 'in_progress', percent: 1, workDone: 'x' })).json<{ code: string }>().code).toBe('PERIOD_INVALID');
  });

  it('grants and refuses extensions, keeping the original deadline', async () => {
    at('2023-06-15');
    const req = await post('lead', `/api/tasks/${task[2]}/extension-requests`, { reason: '系统升级需延后', proposedDueOn: '2023-08-31', progress: '已完成 70%' });
    expect(req.statusCode).toBe(201);
    const ext = req.json<{ id: number; state: string; originalDueOn: string }>();
    expect(ext).toMatchObject({ state: 'pending_head', originalDueOn: '2023-06-30' });
    expect((await post('office', `/api/extension-requests/${ext.id}/decision`, { approve: true })).json<{ code: string }>().code).toBe('EXTENSION_NOT_PENDING');
    expect((await post('lead', `/api/extension-requests/${ext.id}/confirm`, {})).statusCode).toBe(403);
    expect((await getJson<{ permissions: { confirmExtensions: boolean } }>(t.app, '/api/me', cookies.head!)).body.permissions.confirmExtensions).toBe(true);
    expect((await getJson<{ permissions: { confirmExtensions: boolean } }>(t.app, '/api/me', cookies.lead!)).body.permissions.confirmExtensions).toBe(false);
    expect((await post('head', `/api/extension-requests/${ext.id}/confirm`, {})).json<{ state: string }>().state).toBe('pending_office');
    const approved = await post('office', `/api/extension-requests/${ext.id}/decision`, { approve: true, newDueOn: '2023-08-15' });
    expect(approved.json<{ state: string; newDueOn: string }>()).toMatchObject({ state: 'approved', newDueOn: '2023-08-15' });
    const [row] = await t.database.db.select().from(tasks).where(eq(tasks.id, task[2]!));
    expect(row!.dueOn).toBe('2023-06-30');
    const { planLights } = await import('../use-cases/supervision/lights.ts');
    expect((await planLights(t.database.db, planId, '2023-07-10', calendar)).lights.find((l) => l.taskId === task[2])?.light).not.toBe('red');

    const refused = (await post('lead', `/api/tasks/${task[3]}/extension-requests`, { reason: '待省里统一部署', proposedDueOn: '2023-09-30', progress: '推进中' })).json<{ id: number }>();
    await post('head', `/api/extension-requests/${refused.id}/confirm`, {});
    expect((await post('office', `/api/extension-requests/${refused.id}/decision`, { approve: false })).json<{ code: string }>().code).toBe('COMMENT_REQUIRED');
    expect((await post('office', `/api/extension-requests/${refused.id}/decision`, { approve: false, comment: '请按期完成' })).json<{ state: string }>().state).toBe('refused');
    at('2023-07-01');
    expect((await post('lead', `/api/tasks/${task[3]}/extension-requests`, { reason: 'x', proposedDueOn: '2023-09-30', progress: 'x' })).json<{ code: string }>().code).toBe('EXTENSION_AFTER_DEADLINE');
  });

  it('turns a task yellow when its report is late and red once overdue, keeping lights per period', async () => {
    // Task 6 is due in April 2023: in May its April report is late (due 6 May), then it is overdue.
    const lights = await import('../use-cases/supervision/lights.ts');
    const may = await lights.planLights(t.database.db, planId, '2023-04-20', calendar);
    expect(may.lights.find((l) => l.taskId === task[6])).toMatchObject({ light: 'yellow' });
    const june = await lights.recordPlanLights(t.database.db, planId, '2023-06-10', calendar);
    expect(june.period).toBe('2023-06');
    const board = (await getJson<{ tasks: { taskId: number; light: string; reasons: string[] }[]; trend: { period: string }[]; byIndicator: unknown[] }>(t.app, `/api/plans/${planId}/lights`, cookies.office!)).body;
    expect(board.tasks.find((x) => x.taskId === task[6])?.light).toBe('red');
    expect(board.trend.map((p) => p.period)).toContain('2023-06');
    expect(board.byIndicator).toHaveLength(19);
    expect((await getJson(t.app, `/api/plans/${planId}/lights`, cookies.lead!)).status).toBe(404);
  });

  it('numbers supervision orders and lets the unit reply', async () => {
    at('2023-06-20');
    const scjg = await unitId('市市场监管局');
    const reminder = await post('office', `/api/tasks/${task[3]}/urges`, { kind: 'reminder', unitId: scjg, message: '请加快推进' });
    expect(reminder.json<{ number: string | null }>().number).toBeNull();
    const o1 = (await post('office', `/api/tasks/${task[3]}/urges`, { kind: 'order', unitId: scjg, message: '请于期限内书面回复', replyBy: '2023-06-30' })).json<{ id: number; number: string; copiedLeader: string }>();
    const o2 = (await post('office', `/api/tasks/${task[2]}/urges`, { kind: 'order', unitId: scjg, message: '请说明延期原因', replyBy: '2023-06-30' })).json<{ number: string }>();
    expect([o1.number, o2.number]).toEqual(['邵优化督〔2023〕1号', '邵优化督〔2023〕2号']);
    expect(o1.copiedLeader).toBe('晏丽君');
    expect((await post('office', `/api/tasks/${task[3]}/urges`, { kind: 'order', unitId: scjg, message: 'x' })).json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    expect((await post('police', `/api/urges/${o1.id}/reply`, { reply: 'x' })).statusCode).toBe(404);
    expect((await post('lead', `/api/urges/${o1.id}/reply`, { reply: '已于 6 月 25 日完成整改' })).json<{ reply: string }>().reply).toBe('已于 6 月 25 日完成整改');
  });

  it('stores evidence files with type and size limits', async () => {
    at('2023-07-03');
    const draft = (await post('lead', `/api/tasks/${task[3]}/reports`, { period: '2023-06', status: 'in_progress', percent: 50, workDone: '推进中' })).json<{ id: number }>();
    const upload = (name: string, body: Buffer, who = 'lead') => t.app.inject({ method: 'POST', url: `/api/reports/${draft.id}/attachments?fileName=${encodeURIComponent(name)}`, payload: body, headers: { cookie: cookies[who]!, 'content-type': 'application/octet-stream' } });
    const ok = await upload('验收报告.pdf', Buffer.from('%PDF-1.4 evidence'));
    expect(ok.statusCode).toBe(201);
    expect((await upload('virus.exe', Buffer.from('MZ'))).json<{ code: string }>().code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect((await upload('big.pdf', Buffer.alloc(20 * 1024 * 1024 + 1))).json<{ code: string }>().code).toBe('ATTACHMENT_TOO_LARGE');
    expect((await upload('x.pdf', Buffer.from('x'), 'police')).statusCode).toBe(404);
    const file = await t.app.inject({ method: 'GET', url: `/api/attachments/${ok.json<{ id: number }>().id}`, headers: { cookie: cookies.office! } });
    expect(file.body).toBe('%PDF-1.4 evidence');
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await t.app.inject({ method: 'GET', url: `/api/attachments/${ok.json<{ id: number }>().id}`, headers: { cookie: cookies.police! } })).statusCode).toBe(404);
  });

  it('lists a unit\'s tasks with the report it owes now', async () => {
    at('2023-07-03');
    const mine = (await getJson<{ items: { taskId: number; period: { key: string; dueOn: string }; report: { state: string } | null }[] }>(t.app, '/api/my-tasks', cookies.lead!)).body.items;
    expect(mine.length).toBeGreaterThan(10);
    expect(mine[0]?.period).toEqual({ key: '2023-06', label: '2023年6月', dueOn: '2023-07-05', late: false });
    expect(mine.find((m) => m.taskId === task[1])?.report?.state).toBe('accepted');
  });
  it('shows each task\'s timeline, the office audit log and the inbox', async () => {
    const timeline = (await getJson<{ items: { action: string; details: unknown }[] }>(t.app, `/api/tasks/${task[1]}/timeline`, cookies.office!)).body.items.map((e) => e.action);
    for (const a of ['report.submit', 'report.return', 'report.accept', 'task.complete', 'plan.import']) expect(timeline).toContain(a);
    const asTax = (await getJson<{ items: { action: string; details: unknown; actor: { displayName: string } | null }[] }>(t.app, `/api/tasks/${task[1]}/timeline`, cookies.tax!)).body.items;
    expect(asTax.find((e) => e.action === 'report.return')?.details).toBeNull();
    expect((await getJson(t.app, `/api/tasks/${task[1]}/timeline`, await signIn(t.app, 'county-lengshuitan'))).status).toBe(404);
    const audit = (await getJson<{ items: { action: string }[]; total: number }>(t.app, '/api/audit?action=extension.approve', cookies.office!)).body;
    expect(audit.total).toBe(1);
    expect((await getJson(t.app, '/api/audit', cookies.lead!)).status).toBe(403);
    const inbox = (await getJson<{ items: { id: number; title: string }[]; unread: number }>(t.app, '/api/notifications', cookies.lead!)).body;
    expect(inbox.items.map((n) => n.title)).toContain('进展报告被退回');
    expect((await post('lead', `/api/notifications/${inbox.items[0]!.id}/read`, {})).statusCode).toBe(204);
    expect((await getJson<{ unread: number }>(t.app, '/api/notifications', cookies.lead!)).body.unread).toBe(inbox.unread - 1);
    expect((await post('tax', `/api/notifications/${inbox.items[0]!.id}/read`, {})).statusCode).toBe(404);
  });
  it('lets the office manage its reminder channels, validating targets', async () => {
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.id, planId));
    const made = await post('office', '/api/notification-channels', { regionId: plan!.regionId, kind: 'dingtalk', target: 'https://oapi.dingtalk.com/robot/send?access_token=x' });
    expect(made.statusCode).toBe(201);
    expect((await post('office', '/api/notification-channels', { regionId: plan!.regionId, kind: 'email', target: 'not-an-address' })).json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    expect((await post('lead', '/api/notification-channels', { regionId: plan!.regionId, kind: 'email', target: 'a@b.cn' })).statusCode).toBe(403);
    expect((await getJson<{ items: unknown[] }>(t.app, '/api/notification-channels', cookies.office!)).body.items).toHaveLength(1);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/notification-channels/${made.json<{ id: number }>().id}`, headers: { cookie: cookies.office! } });
    expect(del.statusCode).toBe(204);
  });
});
