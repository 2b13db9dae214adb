import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

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
});
