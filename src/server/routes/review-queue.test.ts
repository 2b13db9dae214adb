import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { plans, regions, taskUnits, tasks, users } from '../../db/schema.ts';
import { progressReports } from '../../db/supervision-schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Page { items: { id: number; submittedAt: string | null; task: { planId: number } }[]; total: number; page: number; pageSize: number }

describe.each(databaseKinds())('the review queue on %s', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await demoApp(kind);
    for (const login of ['office-hunan', 'office-shaoyang', 'unit-scjg']) cookies[login] = await signIn(t.app, login);
    // Pending consolidated reports on tasks of two cities' plans, submitted at scattered times.
    const db = t.database.db;
    const [author] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'unit-scjg'));
    const leads = await db.select({ taskId: taskUnits.taskId, unitId: taskUnits.unitId, year: plans.year }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
      .innerJoin(plans, eq(plans.id, tasks.planId)).where(and(eq(taskUnits.role, 'lead'), eq(taskUnits.position, 0), inArray(plans.year, [2022, 2023])))
      .orderBy(taskUnits.taskId);
    const every = (year: number, n: number) => leads.filter((l) => l.year === year).filter((_, i) => i % 17 === 0).slice(0, n);
    const chosen = [...every(2023, 7), ...every(2022, 4)];
    await db.insert(progressReports).values(chosen.map((l, i) => ({
      taskId: l.taskId, unitId: l.unitId, period: i % 2 ? '2023-05' : '2023-06', version: 1, role: 'lead' as const, state: 'submitted' as const, status: 'in_progress' as const,
      percent: 50, workDone: '推进中', createdBy: author!.id, submittedBy: author!.id, submittedAt: new Date(Date.UTC(2023, 6, 1 + ((i * 7) % 11), 2)),
    })));
  });
  afterAll(async () => { await t.close(); });

  /** Pending consolidated reports of the plans of the named regions, straight from the table. */
  async function pendingIds(regionNames: string[] | null): Promise<number[]> {
    const rows = await t.database.db.select({ id: progressReports.id }).from(progressReports)
      .innerJoin(tasks, eq(tasks.id, progressReports.taskId)).innerJoin(plans, eq(plans.id, tasks.planId)).innerJoin(regions, eq(regions.id, plans.regionId))
      .where(and(eq(progressReports.state, 'submitted'), eq(progressReports.role, 'lead'), regionNames ? inArray(regions.name, regionNames) : undefined));
    return rows.map((r) => r.id).sort((a, b) => a - b);
  }

  async function walk(cookie: string, pageSize: number): Promise<Page[]> {
    const pages: Page[] = [];
    for (let page = 1; ; page++) {
      const res = await getJson<Page>(t.app, `/api/review-queue?page=${page}&pageSize=${pageSize}`, cookie);
      expect(res.status).toBe(200);
      pages.push(res.body);
      if (res.body.items.length < pageSize) return pages;
    }
  }

  it('pages through every pending report with the true total, oldest submission first', async () => {
    const expected = await pendingIds(null);
    expect(expected.length).toBeGreaterThan(5);
    const pages = await walk(cookies['office-hunan']!, 4);
    const seen = pages.flatMap((p) => p.items);
    for (const p of pages) expect(p.total).toBe(expected.length);
    expect(seen.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    const times = seen.map((r) => r.submittedAt ?? '');
    expect(times).toEqual([...times].sort());
  });

  it('counts only the office’s own plans', async () => {
    const expected = await pendingIds(['邵阳市']);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan((await pendingIds(null)).length);
    const first = await getJson<Page>(t.app, '/api/review-queue', cookies['office-shaoyang']!);
    expect(first.body.total).toBe(expected.length);
    expect(first.body.pageSize).toBe(50);
    const all = (await walk(cookies['office-shaoyang']!, 200)).flatMap((p) => p.items.map((r) => r.id)).sort((a, b) => a - b);
    expect(all).toEqual(expected);
  });

  it('is the office’s: a unit is refused', async () => {
    expect((await getJson(t.app, '/api/review-queue', cookies['unit-scjg']!)).status).toBe(403);
  });
});
