import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WorkCalendar, addDays } from '../../domain/supervision/work-calendar.ts';
import { plans, taskUnits, units, users } from '../../db/schema.ts';
import { notifications } from '../../db/supervision-schema.ts';
import { createUser } from '../use-cases/users.ts';
import { sweepCases } from '../use-cases/cases/case-pressure.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

const calendar = new WorkCalendar();
type Light = 'green' | 'yellow' | 'red' | 'done';
interface CaseBody { case: { id: number; state: string; dueOn: string | null; contact: string | null; returns: number; reopens: number; light: Light; finishedOn: string | null; suggestions: { taskId: number; explanation: string }[]; satisfaction: string | null }; events: { step: string; text: string }[] }
interface Lights { tasks: { taskId: number; light: Light; reasons: string[] }[] }

describe.each(databaseKinds())('the problem loop on %s', (kind) => {
  let t: TestApp;
  let planId: number;
  let scjgId: number;
  let taxId: number;
  let taskId: number;
  let caseId: number;
  const cookies: Record<string, string> = {};
  const send = (who: string, method: 'POST' | 'PUT', url: string, payload: object = {}) => t.app.inject({ method, url, payload, headers: { cookie: cookies[who]! } });
  const get = <T>(who: string, url: string) => getJson<T>(t.app, url, cookies[who]!);
  const at = (iso: string) => { t.clock.now = new Date(`${iso}T09:00:00+08:00`); };
  const lightOf = async (id: number) => (await get<Lights>('office', `/api/plans/${planId}/lights`)).body.tasks.find((x) => x.taskId === id)!;
  const setRule = (rule: string) => send('office', 'PUT', `/api/plans/${planId}/case-rules`, { kindWorkdays: { consult: 3, help: 3, complaint: 13, suggestion: 13, rectify: 20 }, nearWorkdays: 2, taskLightRule: rule });

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    planId = plan!.id;
    const unit = async (name: string) => (await t.database.db.select().from(units).where(and(eq(units.name, name), eq(units.regionId, plan!.regionId))))[0]!.id;
    scjgId = await unit('市市场监管局');
    taxId = await unit('市税务局');
    await createUser(t.database.db, null, { login: 'sy-police', password: 'Gongan2026x', displayName: '市公安局', role: 'unit', regionId: plan!.regionId, unitId: await unit('市公安局') });
    for (const [who, login, pw] of [['office', 'office-shaoyang'], ['lead', 'unit-scjg'], ['co', 'unit-sy-tax'], ['police', 'sy-police', 'Gongan2026x'], ['leader', 'leader-shaoyang'], ['yongzhou', 'office-yongzhou']] as const) {
      cookies[who] = await signIn(t.app, login, pw);
    }
  });
  afterAll(async () => { await t.close(); });

  it('registers a 12345 problem with a suggested task, explained, and hides it from units until 交办', async () => {
    // A task 市市场监管局 leads that is green (else yellow) today: the problem will be written from its words.
    const led = await t.database.db.select({ taskId: taskUnits.taskId }).from(taskUnits).where(and(eq(taskUnits.unitId, scjgId), eq(taskUnits.role, 'lead')));
    const lights = (await get<Lights>('office', `/api/plans/${planId}/lights`)).body.tasks;
    const mine = lights.filter((l) => led.some((x) => x.taskId === l.taskId));
    taskId = (mine.find((l) => l.light === 'green') ?? mine.find((l) => l.light === 'yellow'))!.taskId;
    const { body: task } = await get<{ text: string }>('office', `/api/tasks/${taskId}`);
    const res = await send('office', 'POST', '/api/cases', {
      source: 'hotline', refNo: 'GSB20230615001', kind: 'consult', title: '企业反映办事不便', finding: `企业反映：${task.text.slice(0, 40)}，落实不到位`,
      foundOn: '2023-06-14', enterpriseName: '邵阳某食品有限公司', creditCode: '91430500MA4L000000', contact: '张经理 13800000000', category: '市场准入', planId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<CaseBody>();
    caseId = body.case.id;
    expect(body.case.state).toBe('registered');
    expect(body.case.suggestions[0]?.taskId).toBe(taskId);
    expect(body.case.suggestions[0]?.explanation).toContain('共有词语');
    expect((await get('lead', `/api/cases/${caseId}`)).status).toBe(404);
    // The same reference number twice is refused, saying which.
    const again = await send('office', 'POST', '/api/cases', { source: 'hotline', refNo: 'GSB20230615001', kind: 'consult', title: 'x', finding: 'y', foundOn: '2023-06-14' });
    expect(again.statusCode).toBe(400);
    expect(again.json<{ message: string }>().message).toContain('GSB20230615001');
  });

  it('links the task (on its timeline) and 交办 with the working-day deadline of the kind', async () => {
    const linked = await send('office', 'PUT', `/api/cases/${caseId}/links`, { taskIds: [taskId], indicatorId: null });
    expect(linked.statusCode, linked.body).toBe(200);
    const timeline = (await get<{ items: { action: string }[] }>('office', `/api/tasks/${taskId}/timeline`)).body.items;
    expect(timeline.some((e) => e.action === 'case.linked')).toBe(true);
    expect((await send('leader', 'POST', `/api/cases/${caseId}/assign`, { leadUnitId: scjgId })).statusCode).toBe(403);
    const res = await send('office', 'POST', `/api/cases/${caseId}/assign`, { leadUnitId: scjgId, coUnitIds: [taxId] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CaseBody>().case).toMatchObject({ state: 'assigned', dueOn: calendar.addWorkdays('2023-06-15', 3) });
    const [lead] = await t.database.db.select().from(users).where(eq(users.login, 'unit-scjg'));
    const inbox = await t.database.db.select().from(notifications).where(eq(notifications.userId, lead!.id));
    expect(inbox.some((n) => n.title === '新交办问题')).toBe(true);
  });

  it('shows the case only to its units (404 otherwise), the contact only to the office', async () => {
    expect((await get<CaseBody>('office', `/api/cases/${caseId}`)).body.case.contact).toBe('张经理 13800000000');
    expect((await get<CaseBody>('lead', `/api/cases/${caseId}`)).body.case.contact).toBeNull();
    expect((await get<CaseBody>('leader', `/api/cases/${caseId}`)).body.case.contact).toBeNull();
    expect((await get('co', `/api/cases/${caseId}`)).status).toBe(200);
    expect((await get('police', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await get('yongzhou', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await get<{ total: number }>('police', '/api/cases')).body.total).toBe(0);
    expect((await get<{ total: number }>('lead', '/api/cases?todo=true')).body.total).toBe(1);
    expect((await send('police', 'POST', `/api/cases/${caseId}/sign`)).statusCode).toBe(404);
  });

  it('runs 签收 → 办理 → 答复 → 退回重办 → 答复 → 审核, each step by its owner', async () => {
    expect((await send('co', 'POST', `/api/cases/${caseId}/sign`)).statusCode).toBe(403);
    expect((await send('lead', 'POST', `/api/cases/${caseId}/reply`, { text: '已办理' })).statusCode).toBe(409);
    expect((await send('lead', 'POST', `/api/cases/${caseId}/sign`)).json<CaseBody>().case.state).toBe('handling');
    expect((await send('co', 'POST', `/api/cases/${caseId}/notes`, { text: '税务窗口已配合核实' })).statusCode).toBe(200);
    expect((await send('co', 'POST', `/api/cases/${caseId}/reply`, { text: '协办不能答复' })).statusCode).toBe(403);
    expect((await send('lead', 'POST', `/api/cases/${caseId}/reply`, { text: '已电话答复企业' })).json<CaseBody>().case.state).toBe('replied');
    expect((await send('office', 'POST', `/api/cases/${caseId}/review`, { accept: false })).statusCode).toBe(400);
    const returned = (await send('office', 'POST', `/api/cases/${caseId}/review`, { accept: false, comment: '未附整改佐证' })).json<CaseBody>();
    expect(returned.case).toMatchObject({ state: 'handling', returns: 1 });
    await send('lead', 'POST', `/api/cases/${caseId}/reply`, { text: '已现场办结，附照片' });
    at('2023-06-16');
    const accepted = (await send('office', 'POST', `/api/cases/${caseId}/review`, { accept: true })).json<CaseBody>();
    expect(accepted.case).toMatchObject({ state: 'accepted', finishedOn: '2023-06-16', light: 'done' });
    expect((await send('office', 'POST', `/api/cases/${caseId}/close`, {})).statusCode).toBe(409);
  });

  it('reopens on 不满意 with a new deadline, and the linked task light and timeline show it (rule per plan)', async () => {
    await setRule('off');
    const before = await lightOf(taskId);
    const res = (await send('office', 'POST', `/api/cases/${caseId}/visit`, { satisfaction: 'dissatisfied', comment: '企业认为未根本解决' })).json<CaseBody>();
    expect(res.case).toMatchObject({ state: 'handling', reopens: 1, finishedOn: null, dueOn: calendar.addWorkdays('2023-06-16', 3) });
    expect((await lightOf(taskId)).light).toBe(before.light);
    await setRule('downgrade');
    const worse: Record<Light, Light> = { green: 'yellow', yellow: 'red', red: 'red', done: 'done' };
    const after = await lightOf(taskId);
    expect(after.light).toBe(worse[before.light]);
    expect(after.reasons.some((r) => r.includes('不满意'))).toBe(true);
    await setRule('red');
    expect((await lightOf(taskId)).light).toBe('red');
    await setRule('downgrade');
    const timeline = (await get<{ items: { action: string }[] }>('office', `/api/tasks/${taskId}/timeline`)).body.items;
    expect(timeline.some((e) => e.action === 'case.dissatisfied')).toBe(true);
  });

  it('extends before the deadline with approval; overdue after it shows on the pool, the task and the inbox', async () => {
    const due = calendar.addWorkdays('2023-06-16', 3);
    const proposed = addDays(due, 7);
    expect((await send('co', 'POST', `/api/cases/${caseId}/extension`, { proposedDueOn: proposed, reason: '需协调' })).statusCode).toBe(403);
    expect((await send('lead', 'POST', `/api/cases/${caseId}/extension`, { proposedDueOn: due, reason: '需协调' })).statusCode).toBe(400);
    expect((await send('lead', 'POST', `/api/cases/${caseId}/extension`, { proposedDueOn: proposed, reason: '需协调市场主体' })).statusCode).toBe(200);
    expect((await send('office', 'POST', `/api/cases/${caseId}/extension/decision`, { approve: false })).statusCode).toBe(400);
    const approved = (await send('office', 'POST', `/api/cases/${caseId}/extension/decision`, { approve: true })).json<CaseBody>();
    expect(approved.case.dueOn).toBe(proposed);
    const late = addDays(proposed, 1);
    at(late);
    expect((await send('lead', 'POST', `/api/cases/${caseId}/extension`, { proposedDueOn: addDays(late, 10), reason: '再延' })).statusCode).toBe(409);
    const first = await sweepCases(t.database.db, late, calendar);
    const second = await sweepCases(t.database.db, late, calendar);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    expect(second.overdue).toBe(0);
    const pool = (await get<{ items: { id: number; light: Light }[] }>('office', '/api/cases?overdue=true')).body.items;
    expect(pool.find((c) => c.id === caseId)?.light).toBe('red');
    const timeline = (await get<{ items: { action: string }[] }>('office', `/api/tasks/${taskId}/timeline`)).body.items;
    expect(timeline.filter((e) => e.action === 'case.overdue')).toHaveLength(1);
    const reasons = (await lightOf(taskId)).reasons;
    expect(reasons.some((r) => r.includes('超期未办结'))).toBe(true);
    const urged = await send('office', 'POST', `/api/cases/${caseId}/urge`, { kind: 'order', message: '请立即办结', replyBy: addDays(late, 3) });
    expect(urged.statusCode, urged.body).toBe(200);
    const events = urged.json<CaseBody>().events;
    expect(events.at(-1)?.step).toBe('urge');
  });

  it('closes after a satisfied 回访, and the figures follow their definitions', async () => {
    await send('lead', 'POST', `/api/cases/${caseId}/reply`, { text: '已彻底解决' });
    await send('office', 'POST', `/api/cases/${caseId}/review`, { accept: true });
    await send('office', 'POST', `/api/cases/${caseId}/visit`, { satisfaction: 'basic' });
    const closed = (await send('office', 'POST', `/api/cases/${caseId}/close`, { comment: '销号' })).json<CaseBody>();
    expect(closed.case.state).toBe('closed');
    expect(closed.events.map((e) => e.step)).toEqual(['create', 'link', 'assign', 'sign', 'note', 'reply', 'return', 'reply', 'accept', 'visit',
      'extension_request', 'extension_approve', 'overdue', 'urge', 'reply', 'accept', 'visit', 'close']);
    expect((await get('lead', '/api/cases/stats')).status).toBe(403);
    const stats = (await get<{ all: { total: number; finished: number; onTime: number; returned: number; replied: number; satisfactionRate: number | null; onTimeRate: number | null; returnRate: number | null }; bySource: { key: string }[] }>('office', `/api/cases/stats?planId=${planId}`)).body;
    // One case: finished after its extended deadline, returned once, last 回访 基本满意.
    expect(stats.all).toMatchObject({ total: 1, finished: 1, onTime: 0, replied: 1, returned: 1, onTimeRate: 0, satisfactionRate: 100, returnRate: 100 });
    expect(stats.bySource.map((s) => s.key)).toEqual(['hotline']);
  });
});
