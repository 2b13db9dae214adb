/**
 * The problem loop's notifications on each database: 交办, 退回重办 and 不满意 reach the units'
 * inbox at once and their outbound channels with the daily run; 临期 and overdue come from the
 * daily run, each once however often it runs (inbox and outbound alike).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { plans, units, users } from '../../db/schema.ts';
import { deliveries, notificationChannels, notifications } from '../../db/supervision-schema.ts';
import { runDailySupervision } from '../jobs/queue.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';

const calendar = new WorkCalendar();

describe.each(databaseKinds())('notifications of the problem loop on %s', (kind) => {
  let t: TestApp;
  let caseId = 0;
  let scjgUsers: number[] = [];
  const cookies: Record<string, string> = {};
  const at = (day: string) => { t.clock.now = new Date(`${day}T09:00:00+08:00`); };
  const post = async (who: string, url: string, payload: object = {}) => {
    const res = await t.app.inject({ method: 'POST', url, payload, headers: { cookie: cookies[who]! } });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<{ case: { id: number; dueOn: string } }>();
  };
  const inbox = async (title: string) => (await t.database.db.select({ userId: notifications.userId }).from(notifications)
    .where(and(eq(notifications.title, title), inArray(notifications.userId, scjgUsers)))).length;
  /** The daily run on `day`: the case copies it queues (then marked handed over, as the deliver job does). */
  const daily = async (day: string) => {
    const { deliveries: out } = await runDailySupervision(t.database.db, day, calendar, new Date(`${day}T08:00:00+08:00`));
    const mine = out.filter((d) => d.key.startsWith('case-'));
    if (mine.length) await t.database.db.insert(deliveries).values(mine.map((d) => ({ key: d.key, channelId: d.channelId, status: 'sent' })));
    return mine.map((d) => [d.subject, d.target]);
  };

  beforeAll(async () => {
    t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
    const [plan] = await t.database.db.select().from(plans).where(eq(plans.year, 2023));
    const [scjg] = await t.database.db.select().from(units).where(and(eq(units.name, '市市场监管局'), eq(units.regionId, plan!.regionId)));
    scjgUsers = (await t.database.db.select({ id: users.id }).from(users).where(eq(users.unitId, scjg!.id))).map((u) => u.id);
    await t.database.db.insert(notificationChannels).values({ regionId: plan!.regionId, unitId: scjg!.id, kind: 'email', target: 'scjg@shaoyang.gov.cn' });
    cookies.office = await signIn(t.app, 'office-shaoyang');
    cookies.lead = await signIn(t.app, 'unit-scjg');
    at('2023-06-14');
    caseId = (await post('office', '/api/cases', {
      source: 'hotline', refNo: 'N-001', kind: 'consult', title: '企业反映开办登记跑多次', finding: '企业反映开办登记需跑多次', foundOn: '2023-06-14',
      enterpriseName: '邵阳市宏达建材有限公司', planId: plan!.id, leadUnitId: scjg!.id,
    })).case.id;
  });
  afterAll(async () => { await t.close(); });

  it('tells the unit of a new case in its inbox at once and by e-mail with the daily run, once', async () => {
    expect(await inbox('新交办问题')).toBe(scjgUsers.length);
    expect(await daily('2023-06-14')).toContainEqual(['新交办问题', 'scjg@shaoyang.gov.cn']);
    expect((await daily('2023-06-14')).filter(([s]) => s === '新交办问题')).toEqual([]);
  });

  it('tells it of a return (退回重办) and of a reopening after 不满意', async () => {
    await post('lead', `/api/cases/${caseId}/sign`);
    await post('lead', `/api/cases/${caseId}/reply`, { text: '已指导企业' });
    await post('office', `/api/cases/${caseId}/review`, { accept: false, comment: '未说明办理结果' });
    expect(await inbox('问题被退回重办')).toBe(scjgUsers.length);
    await post('lead', `/api/cases/${caseId}/reply`, { text: '已当场办结登记' });
    await post('office', `/api/cases/${caseId}/review`, { accept: true });
    await post('office', `/api/cases/${caseId}/visit`, { satisfaction: 'dissatisfied', comment: '仍需多次跑' });
    expect(await inbox('企业不满意，问题重新办理')).toBe(scjgUsers.length);
    const sent = await daily('2023-06-14');
    expect(sent.map(([s]) => s).sort()).toEqual(['企业不满意，问题重新办理', '问题被退回重办']);
    expect(await daily('2023-06-14')).toEqual([]);
  });

  it('sends 临期 and overdue from the daily run, each once', async () => {
    const dueOn = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { cookie: cookies.office! } })).json<{ case: { dueOn: string } }>().case.dueOn;
    // 临期: within the plan's 2 working days of the deadline.
    const near = calendar.addWorkdays(dueOn, -1);
    expect(await daily(near)).toEqual([['问题临期', 'scjg@shaoyang.gov.cn']]);
    expect(await daily(near)).toEqual([]);
    expect(await inbox('问题临期')).toBe(scjgUsers.length);
    const late = calendar.addWorkdays(dueOn, 1);
    expect(await daily(late)).toEqual([['问题已超期', 'scjg@shaoyang.gov.cn']]);
    expect(await daily(calendar.addWorkdays(late, 1))).toEqual([]);
    expect(await inbox('问题已超期')).toBe(scjgUsers.length);
  });
});
