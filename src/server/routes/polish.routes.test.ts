import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, upload } from '../testing/imports.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

const SMALL_PLAN = `# 邵阳市2023年营商环境补充任务清单

## 一、政务环境

（1）推进不动产登记“一窗办理”，一般登记办理时间压缩至3个工作日以内。（责任单位：市税务局。时间节点：2023年3月）

（2）推行惠企政策“免申即享”，兑现时间不超过10个工作日。（责任单位：市税务局。时间节点：2023年6月）
`;
interface DraftView { id: number; draft: { tasks: Record<string, unknown>[] } & Record<string, unknown> }
interface DraftList { items: { id: number; fileName: string; title: string | null; tasks: number; createdBy: string; targetPlanId: number | null }[] }

interface Item { taskId: number; planId: number; seq: number; text: string; role: string; dueOn: string | null; light: string | null; overdue: boolean; period: { dueOn: string; late: boolean }; report: { state: string } | null }
interface SearchPage { items: Item[]; total: number; page: number; pageSize: number; counts: Record<string, number>; plans: { id: number; title: string; count: number }[]; overdue: number }

describe.each(databaseKinds())('session probe, 我的任务 search and Chinese validation on %s', (kind) => {
  let t: TestApp;
  let county: string;
  let all: Item[];
  const today = '2023-06-15';
  beforeAll(async () => {
    t = await demoApp(kind);
    county = await signIn(t.app, 'county-lengshuitan');
    all = (await getJson<{ items: Item[] }>(t.app, '/api/my-tasks', county)).body.items;
  });
  afterAll(async () => { await t.close(); });

  it('answers the session probe with 200 before sign-in, and the user after; /api/me keeps its 401', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ signedIn: false, user: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const signed = await getJson<{ signedIn: boolean; user: { login: string } }>(t.app, '/api/session', county);
    expect(signed.body).toMatchObject({ signedIn: true, user: { login: 'county-lengshuitan' } });
  });

  it('pages the whole list with a true total, most urgent first', async () => {
    expect(all.length).toBeGreaterThan(100);
    const seen: Item[] = [];
    let total = -1;
    for (let page = 1; page < 10; page++) {
      const { body } = await getJson<SearchPage>(t.app, `/api/my-tasks/search?group=none&pageSize=40&page=${page}`, county);
      total = body.total;
      seen.push(...body.items);
      if (body.items.length < 40) break;
    }
    expect(total).toBe(all.length);
    expect(new Set(seen.map((i) => i.taskId))).toEqual(new Set(all.map((i) => i.taskId)));
    // Recomputed here: overdue (deadline passed or report late, not done) before the rest, then by the nearest date.
    const overdue = (i: Item) => i.light !== 'done' && (i.period.late || (i.dueOn !== null && i.dueOn < today));
    for (const i of seen) expect(i.overdue).toBe(overdue(i));
    const split = seen.findIndex((i) => !overdue(i));
    const firstNotOverdue = split === -1 ? seen.length : split;
    expect(firstNotOverdue).toBeGreaterThan(0);
    expect(seen.slice(firstNotOverdue).some(overdue)).toBe(false);
    const lateDeadlines = seen.slice(0, firstNotOverdue).map((i) => [i.dueOn, i.period.dueOn].filter((d): d is string => d !== null).sort()[0] ?? '');
    expect(lateDeadlines).toEqual([...lateDeadlines].sort());
  });

  it('filters by search words, plan, role, light and due window, counting states over the other filters', async () => {
    const word = '企业';
    const search = (await getJson<SearchPage>(t.app, `/api/my-tasks/search?q=${encodeURIComponent(word)}&pageSize=200`, county)).body;
    expect(search.total).toBe(all.filter((i) => i.text.includes(word)).length);
    expect(search.total).toBeGreaterThan(0);
    expect(Object.values(search.counts).reduce((a, b) => a + b, 0)).toBe(search.total);
    const lead = (await getJson<SearchPage>(t.app, '/api/my-tasks/search?role=lead&pageSize=200', county)).body;
    expect(lead.total).toBe(all.filter((i) => i.role === 'lead').length);
    const red = (await getJson<SearchPage>(t.app, '/api/my-tasks/search?light=red&pageSize=200', county)).body;
    expect(red.items.every((i) => i.light === 'red')).toBe(true);
    expect(red.total).toBe(all.filter((i) => i.light === 'red').length);
    const late = (await getJson<SearchPage>(t.app, '/api/my-tasks/search?due=overdue&pageSize=200', county)).body;
    expect(late.total).toBe(late.overdue);
    expect(late.items.every((i) => i.overdue)).toBe(true);
    const planId = all[0]!.planId;
    const byPlan = (await getJson<SearchPage>(t.app, `/api/my-tasks/search?plan=${planId}&group=plan&pageSize=200`, county)).body;
    expect(byPlan.total).toBe(all.filter((i) => i.planId === planId).length);
    expect(byPlan.plans.find((p) => p.id === planId)?.count).toBe(byPlan.total);
    const todo = (await getJson<SearchPage>(t.app, '/api/my-tasks/search?state=todo&pageSize=200', county)).body;
    expect(todo.total).toBe(all.filter((i) => i.report === null).length);
    expect(todo.counts.todo).toBe(todo.total);
  });

  it('says in Chinese which query field is wrong, never its code or a type name', async () => {
    const res = await getJson<{ code: string; message: string }>(t.app, '/api/my-tasks/search?light=purple&pageSize=0', county);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/^查询条件不正确：/);
    expect(res.body.message).toContain('「预警灯」应为以下之一：红灯、黄灯、绿灯、已办结');
    expect(res.body.message).toContain('「每页条数」不能小于1');
    expect(res.body.message).not.toMatch(/querystring|light|pageSize|string|number/);
  });

  it("lists the unfinished import drafts of the office, not another office's, and drops a discarded one", async () => {
    const shaoyang = await signIn(t.app, 'office-shaoyang');
    const uploaded = await upload(t.app, shaoyang, 'supplement.md', SMALL_PLAN);
    expect(uploaded.status).toBe(201);
    const view = uploaded.json<DraftView>();
    const list = (await getJson<DraftList>(t.app, '/api/import-drafts', shaoyang)).body.items;
    expect(list.find((d) => d.id === view.id)).toMatchObject({ fileName: 'supplement.md', tasks: view.draft.tasks.length, targetPlanId: null });
    const yongzhou = await signIn(t.app, 'office-yongzhou');
    expect((await getJson<DraftList>(t.app, '/api/import-drafts', yongzhou)).body.items.some((d) => d.id === view.id)).toBe(false);
    expect((await getJson(t.app, '/api/import-drafts', county)).status).toBe(403);

    // A duplicate number and a blank one are named by task and column, in words.
    const tasks = view.draft.tasks;
    const duplicate = await send<{ code: string; message: string }>(t.app, 'PUT', `/api/imports/${view.id}/draft`, shaoyang, { ...view.draft, tasks: tasks.map((x) => ({ ...x, seq: 1 })) });
    expect(duplicate.body).toMatchObject({ code: 'PLAN_DRAFT_INVALID', message: '第2项任务的“序号”不正确：序号 1 与前面的任务重复' });
    const blank = await send<{ code: string; message: string }>(t.app, 'PUT', `/api/imports/${view.id}/draft`, shaoyang, { ...view.draft, tasks: tasks.map((x, i) => (i === 1 ? { ...x, seq: null } : x)) });
    expect(blank.body.message).toBe('第2项任务的“序号”不正确：不能为空');
    for (const m of [duplicate.body.message, blank.body.message]) expect(m).not.toMatch(/tasks\.|string|null|期望/);

    expect((await send(t.app, 'DELETE', `/api/imports/${view.id}`, shaoyang)).status).toBe(204);
    expect((await getJson<DraftList>(t.app, '/api/import-drafts', shaoyang)).body.items.some((d) => d.id === view.id)).toBe(false);
  });
});
