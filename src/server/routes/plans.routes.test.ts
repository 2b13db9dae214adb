import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { plans as planTable, regions } from '../../db/schema.ts';
import { createPlan } from '../testing/factories.ts';
import { countInDatabase, databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Page { items: { id: number; seq: number; text: string; deadline: string | null; leadUnits: { id: number; name: string }[]; responsibleUnits: { id: number; name: string }[]; indicator: { id: number; name: string } | null; uncertain: string[] }[]; total: number; page: number; pageSize: number }
interface PlanList { items: { id: number; title: string; taskCount: number; indicatorCount: number; layout: string }[] }

describe.each(databaseKinds())('plans and tasks on %s', (kind) => {
  let t: TestApp;
  let office: string;
  let shaoyang: number;
  let yongzhou: number;
  let hunan: number;
  beforeAll(async () => {
    t = await demoApp(kind);
    office = await signIn(t.app, 'office-hunan');
    const plans = (await getJson<PlanList>(t.app, '/api/plans', office)).body.items;
    shaoyang = plans.find((p) => p.title.startsWith('邵阳市'))?.id ?? 0;
    yongzhou = plans.find((p) => p.title.startsWith('永州市'))?.id ?? 0;
    hunan = plans.find((p) => p.title.startsWith('湖南省'))?.id ?? 0;
  });
  afterAll(async () => { await t.close(); });

  it('shows the province office all three seed plans with their counts', async () => {
    const { body } = await getJson<PlanList>(t.app, '/api/plans', office);
    const byTitle = Object.fromEntries(body.items.map((p) => [p.title, [p.indicatorCount, p.taskCount, p.layout]]));
    const counted = async (id: number, layout: string) => [await countInDatabase(t.database, { indicatorsOfPlan: id }), await countInDatabase(t.database, { tasksOfPlan: id }), layout];
    expect(byTitle).toEqual({
      邵阳市2023年营商环境创优提质行动实施方案: await counted(shaoyang, 'table'),
      永州市优化营商环境2022年度重点任务实施方案: await counted(yongzhou, 'table'),
      湖南省优化营商环境三年行动计划2024年度重点任务: await counted(hunan, 'prose'),
    });
    expect(body.items.every((p) => p.taskCount > 0 && p.indicatorCount > 0)).toBe(true);
  });

  it('scopes plans by region: a city office sees only its city', async () => {
    const c = await signIn(t.app, 'office-shaoyang');
    const { body } = await getJson<PlanList>(t.app, '/api/plans', c);
    expect(body.items.map((p) => p.id)).toEqual([shaoyang]);
    expect((await getJson(t.app, `/api/plans/${yongzhou}`, c)).status).toBe(404);
    expect((await getJson(t.app, `/api/plans/${hunan}/tasks`, c)).status).toBe(404);
  });

  it('returns the indicator tree with sub-indicators and counts', async () => {
    const { body } = await getJson<{ indicators: { name: string; leader: string | null; annualTarget: string | null; taskCount: number; subIndicators: { code: string; taskCount: number }[] }[]; responsibleUnitsNote: string }>(t.app, `/api/plans/${shaoyang}`, office);
    expect(body.indicators).toHaveLength(await countInDatabase(t.database, { indicatorsOfPlan: shaoyang }));
    expect(body.indicators[0]).toMatchObject({ name: '开办企业', leader: '晏丽君', annualTarget: '前5名' });
    expect(body.indicators.reduce((s, i) => s + i.taskCount, 0)).toBe(await countInDatabase(t.database, { tasksOfPlan: shaoyang }));
    expect(body.indicators.flatMap((i) => i.subIndicators)).toHaveLength(97);
    expect(body.responsibleUnitsNote).toContain('不再单列');
  });

  it('pages tasks in plan order with units in written order', async () => {
    const { body } = await getJson<Page>(t.app, `/api/plans/${shaoyang}/tasks?page=2&pageSize=50`, office);
    expect(body.total).toBe(await countInDatabase(t.database, { tasksOfPlan: shaoyang }));
    expect(body.items).toHaveLength(50);
    expect(body.items[0]?.seq).toBe(51);
    const first = (await getJson<Page>(t.app, `/api/plans/${shaoyang}/tasks?pageSize=1`, office)).body.items[0];
    expect(first?.leadUnits.map((u) => u.name)).toEqual(['市市场监管局']);
    expect(first?.responsibleUnits.map((u) => u.name)).toEqual(['市公安局', '市人社局', '市税务局', '市医保局', '市住房公积金中心', '市行政审批服务局', '人民银行邵阳中心支行']);
  });

  it('filters by indicator, unit and role, deadline range and text', async () => {
    const plan = (await getJson<{ indicators: { id: number; name: string }[] }>(t.app, `/api/plans/${shaoyang}`, office)).body;
    const power = plan.indicators.find((i) => i.name === '获得电力');
    const byIndicator = (await getJson<Page>(t.app, `/api/plans/${shaoyang}/tasks?indicator=${power?.id}&pageSize=200`, office)).body;
    expect(byIndicator.total).toBe(9);
    expect(byIndicator.items.every((i) => i.indicator?.name === '获得电力')).toBe(true);

    const units = (await getJson<{ items: { id: number; name: string; leadTaskCount: number }[] }>(t.app, `/api/units?q=${encodeURIComponent('市市场监管局')}`, office)).body.items;
    const scjg = units.find((u) => u.name === '市市场监管局' && u.leadTaskCount > 0);
    const led = (await getJson<Page>(t.app, `/api/plans/${shaoyang}/tasks?unit=${scjg?.id}&role=lead&pageSize=200`, office)).body;
    expect(led.total).toBeGreaterThan(0);
    expect(led.items.every((i) => i.leadUnits.some((u) => u.id === scjg?.id))).toBe(true);
    const any = (await getJson<Page>(t.app, `/api/plans/${shaoyang}/tasks?unit=${scjg?.id}&pageSize=200`, office)).body;
    expect(any.total).toBeGreaterThanOrEqual(led.total);

    const june = (await getJson<Page>(t.app, `/api/plans/${shaoyang}/tasks?deadlineFrom=2023-06&deadlineTo=2023-06&pageSize=200`, office)).body;
    expect(june.total).toBeGreaterThan(0);
    expect(june.items.every((i) => i.deadline === '2023-06')).toBe(true);

    const text = (await getJson<Page>(t.app, `/api/plans/${shaoyang}/tasks?q=${encodeURIComponent('交房即交证')}`, office)).body;
    expect(text.total).toBeGreaterThan(0);
    expect(text.items.every((i) => JSON.stringify(i).includes('交房即交证'))).toBe(true);
    // LIKE wildcards are literal: "%" alone matches only texts containing a percent sign.
    const pct = (await getJson<Page>(t.app, `/api/plans/${shaoyang}/tasks?q=%25&pageSize=200`, office)).body;
    expect(pct.total).toBeLessThan(await countInDatabase(t.database, { tasksOfPlan: shaoyang }));
  });

  it('lets a unit user see only the tasks its unit leads or shares, 404 elsewhere', async () => {
    const u = await signIn(t.app, 'unit-scjg');
    const plans = (await getJson<PlanList>(t.app, '/api/plans', u)).body.items;
    expect(plans.map((p) => p.id)).toEqual([shaoyang]);
    const mine = (await getJson<Page>(t.app, `/api/tasks?pageSize=200`, u)).body;
    expect(mine.total).toBe(plans[0]?.taskCount);
    expect(mine.items.every((i) => [...i.leadUnits, ...i.responsibleUnits].some((x) => x.name === '市市场监管局'))).toBe(true);
    const all = (await getJson<Page>(t.app, `/api/plans/${shaoyang}/tasks?pageSize=200`, office)).body.items;
    const foreign = all.find((i) => ![...i.leadUnits, ...i.responsibleUnits].some((x) => x.name === '市市场监管局'));
    expect((await getJson<{ code: string }>(t.app, `/api/tasks/${foreign?.id}`, u)).body.code).toBe('TASK_NOT_FOUND');
    expect((await getJson(t.app, `/api/plans/${yongzhou}`, u)).status).toBe(404);
    expect((await getJson(t.app, '/api/users', u)).status).toBe(403);
  });

  it('lets a county government see its city tasks given to 各县市区政府', async () => {
    const c = await signIn(t.app, 'county-lengshuitan');
    const plans = (await getJson<PlanList>(t.app, '/api/plans', c)).body.items;
    expect(plans.map((p) => p.id)).toEqual([yongzhou]);
    const tasks = (await getJson<Page>(t.app, `/api/plans/${yongzhou}/tasks?pageSize=200`, c)).body;
    expect(tasks.total).toBe(await countInDatabase(t.database, { tasksOfPlan: yongzhou }));
    expect(tasks.items.every((i) => i.responsibleUnits.some((u) => u.name === '各县市区政府'))).toBe(true);
  });

  it('returns one task with its plan and what the caller may do', async () => {
    const list = (await getJson<Page>(t.app, `/api/plans/${hunan}/tasks?pageSize=1`, office)).body;
    const { status, body } = await getJson<{ plan: { title: string }; seqCn: string; permissions: { edit: boolean }; notes: string[] }>(t.app, `/api/tasks/${list.items[0]?.id}`, office);
    expect(status).toBe(200);
    expect(body).toMatchObject({ seqCn: '（一）', plan: { title: '湖南省优化营商环境三年行动计划2024年度重点任务' }, permissions: { edit: true } });
    expect(body.notes).toEqual(['以下均需各市州人民政府落实，不再一一列出']);
    // Quantitative targets found in the text come with the task: 压缩至1个工作日 → ≤ 1 个工作日.
    const first = (await getJson<Page>(t.app, `/api/plans/${yongzhou}/tasks?pageSize=1`, office)).body.items[0];
    const withTargets = (await getJson<{ targets: { comparator: string; value: number; unit: string }[] }>(t.app, `/api/tasks/${first?.id}`, office)).body;
    expect(withTargets.targets).toEqual(expect.arrayContaining([expect.objectContaining({ comparator: 'le', value: 1, unit: '个工作日' })]));
    const leader = await signIn(t.app, 'leader-shaoyang');
    const t1 = (await getJson<Page>(t.app, `/api/plans/${shaoyang}/tasks?pageSize=1`, leader)).body.items[0];
    expect((await getJson<{ permissions: { edit: boolean } }>(t.app, `/api/tasks/${t1?.id}`, leader)).body.permissions.edit).toBe(false);
  });

  it('counts and pages a plan made to measure (factory: 7 indicators, 123 tasks)', async () => {
    const [region] = await t.database.db.select().from(regions).where(eq(regions.name, '邵阳市'));
    const made = await createPlan(t.database, { regionId: region!.id, tasks: 123, indicators: 7, title: '邵阳市测试方案（工厂）' });
    try {
      const c = await signIn(t.app, 'office-shaoyang');
      const listed = (await getJson<PlanList>(t.app, '/api/plans', c)).body.items.find((p) => p.id === made);
      expect(listed).toMatchObject({ taskCount: 123, indicatorCount: 7 });
      const page = (await getJson<Page>(t.app, `/api/plans/${made}/tasks?page=3&pageSize=50`, c)).body;
      expect([page.total, page.items.length, page.items[0]?.seq]).toEqual([123, 23, 101]);
      const tree = (await getJson<{ indicators: { taskCount: number }[] }>(t.app, `/api/plans/${made}`, c)).body;
      // Round-robin over 7 indicators: 123 = 7 × 17 + 4, so four indicators hold 18 tasks and three 17.
      expect(tree.indicators.map((i) => i.taskCount)).toEqual([18, 18, 18, 18, 17, 17, 17]);
    } finally {
      await t.database.db.delete(planTable).where(eq(planTable.id, made));
    }
  });

  it('lists regions and dashboard figures within scope', async () => {
    const c = await signIn(t.app, 'office-yongzhou');
    const regions = (await getJson<{ items: { name: string }[] }>(t.app, '/api/regions', c)).body.items.map((r) => r.name);
    expect(regions).toContain('冷水滩区');
    expect(regions).not.toContain('邵阳市');
    const stats = (await getJson<{ planCount: number; taskCount: number; byIndicator: unknown[] }>(t.app, `/api/stats?plan=${yongzhou}`, c)).body;
    expect(stats).toMatchObject({ planCount: 1, taskCount: await countInDatabase(t.database, { tasksOfPlan: yongzhou }) });
    expect(stats.byIndicator).toHaveLength(await countInDatabase(t.database, { indicatorsOfPlan: yongzhou }));
  });
});
