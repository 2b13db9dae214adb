/**
 * The demo year played on the seed plans (on each database the suite runs on), then looked at
 * through the API on the demo day as a newcomer would: a mix of lights, work waiting, documents
 * issued, an assessment round with consequences and awards, and the demo date announced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { CASE_SOURCES, CASE_STATES } from '../../domain/cases/case-model.ts';
import { caseEvents, cases } from '../../db/case-schema.ts';
import { documents } from '../../db/document-schema.ts';
import { plans, users } from '../../db/schema.ts';
import { extensionRequests, progressReports, reportAttachments, urges } from '../../db/supervision-schema.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { App } from '../context.ts';
import { databaseKinds, demoDatabase, getJson, signIn } from '../testing/test-app.ts';
import { DEMO_TODAY, demoClock, demoNotice } from './demo-clock.ts';
import { playDemoYear, type PlayResult } from './play-year.ts';

describe.each(databaseKinds())('the demo year on %s', (kind) => {
  let app: App;
  let dispose: () => Promise<void>;
  let db: Awaited<ReturnType<typeof demoDatabase>>['database']['db'];
  let played: PlayResult;
  let shaoyang = 0;
  let office = '';

  beforeAll(async () => {
    process.env.SOFFICE_PATH = 'off'; // PDFs are not looked at here; conversion costs seconds per document
    const made = await demoDatabase(kind);
    db = made.database.db;
    dispose = made.dispose;
    played = await playDemoYear(db, { calendar: new WorkCalendar() });
    console.log(`demo year on ${kind}: ${played.events} steps in ${(played.milliseconds / 1000).toFixed(1)} s`, played.byKind, played.msByKind);
    app = await buildApp({ db, config: loadConfig({ DATA_DIR: 'memory://' }), now: demoClock(), demo: { today: DEMO_TODAY, notice: demoNotice() }, webRoot: '/nonexistent' });
    await app.ready();
    const [plan] = await db.select({ id: plans.id }).from(plans).where(sql`${plans.source}->>'seed' like '000_%'`);
    shaoyang = plan?.id ?? 0;
    office = await signIn(app, 'office-shaoyang');
  }, 900_000);

  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  it('says on every screen that this is the demo and which day it is', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/system' });
    expect(res.json()).toEqual({ mode: 'demo', demo: { today: '2023-07-06', notice: '演示数据：当前日期设定为2023年7月6日' }, today: '2023-07-06' });
  });

  it('opens 邵阳 2023 on a year in motion: green, yellow, red and done', async () => {
    const { status, body } = await getJson<{ period: string; tasks: { light: string }[]; trend: { period: string }[] }>(app, `/api/plans/${shaoyang}/lights`, office);
    expect(status).toBe(200);
    expect(body.period).toBe('2023-07');
    const counts = { green: 0, yellow: 0, red: 0, done: 0 } as Record<string, number>;
    for (const t of body.tasks) counts[t.light] = (counts[t.light] ?? 0) + 1;
    console.log('邵阳 2023 lights on the demo day', counts);
    for (const light of ['green', 'yellow', 'red', 'done']) expect(counts[light], light).toBeGreaterThan(5);
    // Red is the exception, not the wall the old demo showed.
    expect(counts.red ?? 0).toBeLessThan(body.tasks.length / 3);
    // The daily run's lights were kept month by month, so the trend has a history.
    expect(body.trend.map((t) => t.period)).toEqual(['2023-04', '2023-05', '2023-06', '2023-07']);
  });

  it('leaves work waiting: reports for review and extension requests for a decision', async () => {
    const queue = await getJson<{ items: unknown[] }>(app, '/api/review-queue', office);
    expect(queue.status).toBe(200);
    expect(queue.body.items.length).toBeGreaterThan(5);
    const pending = await db.select({ state: extensionRequests.state, n: count() }).from(extensionRequests).groupBy(extensionRequests.state);
    const byState = Object.fromEntries(pending.map((p) => [p.state, p.n]));
    console.log('extension requests by state', byState);
    for (const state of ['pending_head', 'pending_office', 'approved', 'refused']) expect(byState[state], state).toBeGreaterThan(0);
  });

  it('filed reports with evidence, returns, consolidations, and urges with replied 督办单', async () => {
    const [returned] = await db.select({ n: count() }).from(progressReports).where(eq(progressReports.state, 'returned'));
    const [consolidated] = await db.select({ n: count() }).from(progressReports).where(sql`cardinality(${progressReports.consolidates}) > 0`);
    const [evidence] = await db.select({ n: count() }).from(reportAttachments);
    const [orders] = await db.select({ n: count() }).from(urges).where(and(eq(urges.kind, 'order'), sql`${urges.repliedAt} is not null`));
    expect([returned?.n, consolidated?.n, evidence?.n, orders?.n].every((n) => (n ?? 0) > 0)).toBe(true);
    // Every order has its number in the region's series, 优化督〔2023〕n号.
    const numbers = await db.select({ number: urges.number }).from(urges).where(eq(urges.kind, 'order'));
    expect(numbers.every((u) => /〔20\d\d〕\d+号$/.test(u.number ?? ''))).toBe(true);
  });

  it('issued the periodic documents and assessed the half year with consequences and awards', async () => {
    const docs = await db.select({ kind: documents.kind, status: documents.status }).from(documents).where(eq(documents.planId, shaoyang));
    const issued = new Set(docs.filter((d) => d.status === 'issued').map((d) => d.kind));
    for (const k of ['dekad-brief', 'monthly-notice', 'work-bulletin', 'commendation']) expect(issued, k).toContain(k);
    expect(docs.some((d) => d.kind === 'monthly-notice' && d.status === 'draft')).toBe(true);
    const rounds = await getJson<{ items: { id: number; period: string }[] }>(app, `/api/plans/${shaoyang}/assessment-rounds`, office);
    const round = rounds.body.items.find((r) => r.period === '2023-H1');
    expect(round).toBeDefined();
    const results = await getJson<{ consequences: unknown[]; commendations: { indicatorAwards: unknown[] } }>(app, `/api/assessment-rounds/${round?.id}/results`, office);
    expect(results.body.consequences.length).toBeGreaterThan(0);
    expect(results.body.commendations.indicatorAwards.length).toBeGreaterThan(0);
  });

  it('carries about a hundred problems from every source, in every state of the loop', async () => {
    const rows = await db.select().from(cases).where(eq(cases.planId, shaoyang));
    const events = await db.select({ step: caseEvents.step, details: caseEvents.details }).from(caseEvents);
    console.log('demo cases by state', Object.fromEntries(CASE_STATES.map((s) => [s, rows.filter((r) => r.state === s).length])));
    expect(rows.length).toBeGreaterThanOrEqual(90);
    for (const source of CASE_SOURCES) expect(rows.some((r) => r.source === source), source).toBe(true);
    for (const state of CASE_STATES) expect(rows.some((r) => r.state === state), state).toBe(true);
    const has = (step: string, test: (d: Record<string, unknown> | null) => boolean = () => true) => events.some((e) => e.step === step && test(e.details));
    for (const step of ['link', 'note', 'return', 'extension_request', 'extension_approve', 'urge', 'overdue']) expect(has(step), step).toBe(true);
    expect(has('visit', (d) => d?.reopened === true), '不满意 reopened').toBe(true);
    expect(rows.filter((r) => r.dueOn !== null && r.finishedOn === null && r.dueOn < DEMO_TODAY).length, 'overdue on the demo day').toBeGreaterThan(0);
    const stats = await getJson<{ all: Record<string, unknown>; bySource: Record<string, unknown>[]; byUnit: Record<string, unknown>[] }>(app, `/api/cases/stats?planId=${shaoyang}`, office);
    expect(stats.body.all.total).toBe(rows.length);
    const brief = (g: Record<string, unknown>) => `${typeof g.name === 'string' ? g.name : '全部'} ${String(g.total)}件 按期${String(g.onTimeRate)} 满意${String(g.satisfactionRate)} 重复${String(g.repeated)} 退回${String(g.returnRate)}`;
    console.log(['demo case rates', brief(stats.body.all), ...stats.body.bySource.map(brief), ...stats.body.byUnit.slice(0, 8).map(brief)].join('\n'));
  });

  it('acts for units through accounts nobody can sign in to', async () => {
    const actors = await db.select({ login: users.login }).from(users).where(sql`${users.login} like 'demo-%'`);
    expect(actors.length).toBeGreaterThan(10);
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { login: actors[0]?.login, password: 'Yingshang@2026' } });
    expect(res.statusCode).toBe(401);
  });
});
