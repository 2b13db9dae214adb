import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planImports } from '../../db/import-schema.ts';
import { auditLog, plans, regions, taskUnits, tasks, units } from '../../db/schema.ts';
import { taskTargets } from '../../db/supervision-schema.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { rows, seedFile, send, upload } from '../testing/imports.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';
import { loadGold } from '../../ingest/testing/gold-render-model.ts';

/** Indicators (sections of a prose plan) and tasks of a seed, counted in its hand-checked gold file. */
function goldCounts(id: string): { indicators: number; tasks: number } {
  const gold = loadGold(id);
  const groups = (gold.indicators ?? gold.sections) as unknown[];
  return { indicators: groups.length, tasks: (gold.tasks as unknown[]).length };
}

interface View {
  id: number; status: string; region: { id: number; name: string }; format: string; planId: number | null;
  draft: { tasks: { seq: number; text: string; targets?: unknown[] }[] }; warnings: unknown[];
  unitMatches: { name: string; unit: { id: number; name: string } | null }[]; problem: { code: string; path: string | null } | null;
}
interface Commit { planId: number; indicators: number; tasks: number; targets: number; unitsCreated: { id: number; name: string }[] }
interface Err { code: string; message: string; details?: { path?: string } }
interface TaskPage { items: { seq: number; leadUnits: { id: number; name: string }[]; responsibleUnits: { id: number; name: string }[] }[] }

// A small prose plan: the 邵阳 office's own list, one unit written by a local nickname.
const SMALL_PLAN = `# 邵阳市2023年营商环境补充任务清单

## 一、政务环境

（1）推进不动产登记“一窗办理”，一般登记办理时间压缩至3个工作日以内。（责任单位：邵阳市监分局、市税务局。时间节点：2023年3月）

（2）推行惠企政策“免申即享”，兑现时间不超过10个工作日。（责任单位：市税务局。时间节点：2023年6月）
`;

async function unitId(t: TestApp, region: string, name: string): Promise<number> {
  const [row] = await t.database.db.select({ id: units.id }).from(units).innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(eq(regions.name, region), eq(units.name, name)));
  if (!row) throw new Error(`unit ${name} of ${region} missing`);
  return row.id;
}

describe.each(databaseKinds())('plan import on %s', (kind) => {
  let t: TestApp;
  let shaoyang: string;
  let hunan: string;
  beforeAll(async () => {
    t = await demoApp(kind);
    [shaoyang, hunan] = await Promise.all([signIn(t.app, 'office-shaoyang'), signIn(t.app, 'office-hunan')]);
  });
  afterAll(async () => { await t.close(); });

  it('rejects unreadable files with the engine code and stores nothing', async () => {
    const cases: [string, Buffer | string, number, string][] = [
      ['empty.txt', '', 400, 'PLAN_IMPORT_EMPTY'],
      ['garbage.docx', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81, 0x02, 0x03, 0xc0, 0xc1]), 400, 'PLAN_IMPORT_UNREADABLE'],
      ['notes.txt', '会议纪要\n\n今天天气很好，大家讨论了很多问题。', 400, 'PLAN_IMPORT_NO_LAYOUT'],
      ['plan.exe', SMALL_PLAN, 415, 'PLAN_IMPORT_UNSUPPORTED_FORMAT'],
      ['plan', SMALL_PLAN, 415, 'PLAN_IMPORT_UNSUPPORTED_FORMAT'],
    ];
    for (const [name, bytes, status, code] of cases) {
      const res = await upload(t.app, shaoyang, name, bytes);
      expect([name, res.status, res.json<Err>().code]).toEqual([name, status, code]);
    }
    const corrupt = await upload(t.app, shaoyang, 'broken.pdf', '%PDF-1.7\n这不是一个完整的 PDF 文件');
    expect(corrupt.status).toBe(400);
    expect(corrupt.json<Err>().code).toMatch(/^PLAN_IMPORT_/);
    // A smaller limit (configurable) is enforced before the body is read; same database, second app.
    const small = await buildApp({ db: t.database.db, config: loadConfig({ DATA_DIR: 'memory://', IMPORT_MAX_MB: '0.001' }), webRoot: '/nonexistent' });
    try {
      const big = await upload(small, shaoyang, 'big.txt', SMALL_PLAN.repeat(10));
      expect([big.status, big.json<Err>().code]).toEqual([413, 'PLAN_IMPORT_TOO_LARGE']);
    } finally {
      await small.close();
    }
    expect(await rows(t.database.db, planImports)).toBe(0);
  });

  it('lets only offices import, and hides other offices\' imports (404)', async () => {
    for (const login of ['unit-scjg', 'leader-shaoyang']) {
      const res = await upload(t.app, await signIn(t.app, login), 'plan.md', SMALL_PLAN);
      expect([login, res.status, res.json<Err>().code]).toEqual([login, 403, 'FORBIDDEN']);
    }
    const mine = (await upload(t.app, shaoyang, 'plan.md', SMALL_PLAN)).json<View>();
    const unit = await signIn(t.app, 'unit-scjg');
    expect((await getJson<Err>(t.app, `/api/imports/${mine.id}`, unit)).body.code).toBe('IMPORT_NOT_FOUND');
    const yongzhou = await signIn(t.app, 'office-yongzhou');
    expect((await getJson<Err>(t.app, `/api/imports/${mine.id}`, yongzhou)).status).toBe(404);
    expect((await send<Err>(t.app, 'POST', `/api/imports/${mine.id}/commit`, yongzhou, {})).status).toBe(404);
    expect((await send<Err>(t.app, 'DELETE', `/api/imports/${mine.id}`, yongzhou)).status).toBe(404);
    expect((await getJson<Err>(t.app, `/api/imports/${mine.id}`, hunan)).status).toBe(200);
    const [foreignPlan] = await t.database.db.select({ id: plans.id }).from(plans).where(eq(plans.title, '永州市优化营商环境2022年度重点任务实施方案'));
    const reimport = await upload(t.app, shaoyang, 'plan.md', SMALL_PLAN, `&targetPlanId=${foreignPlan?.id}`);
    expect([reimport.status, reimport.json<Err>().code]).toEqual([404, 'PLAN_NOT_FOUND']);
    expect((await send<Err>(t.app, 'POST', `/api/units/${await unitId(t, '邵阳市', '市税务局')}/aliases`, unit, { alias: 'x' })).status).toBe(403);
    expect((await send<Err>(t.app, 'POST', `/api/units/${await unitId(t, '邵阳市', '市税务局')}/aliases`, yongzhou, { alias: 'x' })).body.code).toBe('UNIT_NOT_FOUND');
  });

  it('uploads seed 000 and commits it onto the existing units of 邵阳市, with its targets', async () => {
    const seed = seedFile('000');
    const res = await upload(t.app, shaoyang, seed.fileName, seed.bytes);
    expect(res.status).toBe(201);
    const view = res.json<View>();
    expect(view).toMatchObject({ status: 'draft', format: 'txt', region: { name: '邵阳市' } });
    const gold = goldCounts('000');
    expect(view.draft.tasks).toHaveLength(gold.tasks);
    expect(view.unitMatches.length).toBeGreaterThan(20);
    expect(view.unitMatches.every((m) => m.unit !== null)).toBe(true);
    const scjg = await unitId(t, '邵阳市', '市市场监管局');
    expect(view.unitMatches.find((m) => m.name === '市市场监管局')?.unit?.id).toBe(scjg);
    const targets = view.draft.tasks.reduce((n, task) => n + (task.targets?.length ?? 0), 0);
    expect(targets).toBeGreaterThan(50);

    const unitsBefore = await rows(t.database.db, units);
    const commit = await send<Commit>(t.app, 'POST', `/api/imports/${view.id}/commit`, shaoyang, { unitMapping: { 市市场监管局: scjg } });
    expect(commit.status).toBe(201);
    expect(commit.body).toMatchObject({ indicators: gold.indicators, tasks: gold.tasks, targets, unitsCreated: [] });
    expect(await rows(t.database.db, units)).toBe(unitsBefore);
    const stored = await t.database.db.select({ id: taskTargets.id }).from(taskTargets).innerJoin(tasks, eq(tasks.id, taskTargets.taskId)).where(eq(tasks.planId, commit.body.planId));
    expect(stored).toHaveLength(targets);
    const plan = (await getJson<{ indicators: unknown[]; taskCount: number; region: { name: string } }>(t.app, `/api/plans/${commit.body.planId}`, shaoyang)).body;
    expect([plan.indicators.length, plan.taskCount, plan.region.name]).toEqual([gold.indicators, gold.tasks, '邵阳市']);
    const first = (await getJson<TaskPage>(t.app, `/api/plans/${commit.body.planId}/tasks?pageSize=1`, shaoyang)).body.items[0];
    expect(first?.leadUnits).toEqual([{ id: scjg, name: '市市场监管局' }]);
    expect((await getJson<View>(t.app, `/api/imports/${view.id}`, shaoyang)).body).toMatchObject({ status: 'committed', planId: commit.body.planId });
    const again = await send<Err>(t.app, 'POST', `/api/imports/${view.id}/commit`, shaoyang, {});
    expect([again.status, again.body.code]).toEqual([409, 'IMPORT_NOT_DRAFT']);
  });

  it('commits seed 001 into another region: mapped units linked, the rest created there', async () => {
    const seed = seedFile('001');
    const view = (await upload(t.app, hunan, seed.fileName, seed.bytes)).json<View>();
    expect(view.region.name).toBe('永州市');
    const [changsha] = await t.database.db.select({ id: regions.id }).from(regions).where(eq(regions.name, '长沙市'));
    const finance = await unitId(t, '永州市', '市财政局');
    const commit = await send<Commit>(t.app, 'POST', `/api/imports/${view.id}/commit`, hunan, { regionId: changsha?.id, unitMapping: { 市财政局: finance, 市发改委: 'new' } });
    expect(commit.status).toBe(201);
    expect(commit.body).toMatchObject(goldCounts('001'));
    expect(commit.body.targets).toBe(view.draft.tasks.reduce((n, task) => n + (task.targets?.length ?? 0), 0));
    const created = commit.body.unitsCreated.map((u) => u.name);
    expect(created).toContain('市发改委');
    expect(created).not.toContain('市财政局');
    expect(await unitId(t, '长沙市', '市发改委')).toBeGreaterThan(0);
    const links = await t.database.db.select({ unitId: taskUnits.unitId, written: taskUnits.writtenName }).from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).where(and(eq(tasks.planId, commit.body.planId), eq(taskUnits.writtenName, '市财政局')));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.unitId === finance)).toBe(true);
  });

  it('commits seed 002 (prose) into the province', async () => {
    const seed = seedFile('002');
    const view = (await upload(t.app, hunan, seed.fileName, seed.bytes)).json<View>();
    expect(view.region.name).toBe('湖南省');
    const commit = await send<Commit>(t.app, 'POST', `/api/imports/${view.id}/commit`, hunan, {});
    const gold = goldCounts('002');
    expect(commit.body).toMatchObject({ ...gold, unitsCreated: [] });
    const plan = (await getJson<{ layout: string; taskCount: number }>(t.app, `/api/plans/${commit.body.planId}`, hunan)).body;
    expect(plan).toMatchObject({ layout: 'prose', taskCount: gold.tasks });
  });

  it('reviews a draft: edits, field errors, aliases, a failing commit that leaves nothing, discard', async () => {
    const view = (await upload(t.app, shaoyang, 'supplement.md', SMALL_PLAN)).json<View>();
    expect(view.format).toBe('md');
    expect(view.unitMatches.find((m) => m.name === '邵阳市监分局')?.unit).toBeNull();
    const scjg = await unitId(t, '邵阳市', '市市场监管局');
    const alias = await send<{ aliases: string[] }>(t.app, 'POST', `/api/units/${scjg}/aliases`, shaoyang, { alias: '邵阳市监分局' });
    expect([alias.status, alias.body.aliases]).toEqual([201, ['邵阳市监分局']]);
    expect((await send(t.app, 'POST', `/api/units/${scjg}/aliases`, shaoyang, { alias: '邵阳市监分局' })).status).toBe(200);
    expect((await send<Err>(t.app, 'POST', `/api/units/${scjg}/aliases`, shaoyang, { alias: '市税务局' })).body.code).toBe('UNIT_ALIAS_TAKEN');
    const reviewed = (await getJson<View>(t.app, `/api/imports/${view.id}`, shaoyang)).body;
    expect(reviewed.unitMatches.find((m) => m.name === '邵阳市监分局')?.unit?.id).toBe(scjg);

    const draft = structuredClone(reviewed.draft);
    draft.tasks[1] = { ...draft.tasks[1], seq: 2, text: '' };
    const invalid = await send<Err>(t.app, 'PUT', `/api/imports/${view.id}/draft`, shaoyang, draft);
    expect([invalid.status, invalid.body.code, invalid.body.details?.path]).toEqual([400, 'PLAN_DRAFT_INVALID', 'tasks.1.text']);
    draft.tasks[1] = { ...draft.tasks[1], seq: 2, text: '推行惠企政策“免申即享”，兑现时间不超过5个工作日。' };
    const edited = await send<View>(t.app, 'PUT', `/api/imports/${view.id}/draft`, shaoyang, draft);
    expect([edited.status, edited.body.draft.tasks[1]?.text]).toEqual([200, draft.tasks[1].text]);

    const before = await Promise.all([plans, tasks, units, taskUnits].map((table) => rows(t.database.db, table)));
    const yongzhouUnit = await unitId(t, '永州市', '市税务局');
    const bad = await send<Err>(t.app, 'POST', `/api/imports/${view.id}/commit`, shaoyang, { unitMapping: { 市税务局: yongzhouUnit } });
    expect([bad.status, bad.body.code]).toEqual([400, 'IMPORT_MAPPING_INVALID']);
    const typo = await send<Err>(t.app, 'POST', `/api/imports/${view.id}/commit`, shaoyang, { unitMapping: { 市税务总局: 'new' } });
    expect(typo.body.code).toBe('IMPORT_MAPPING_INVALID');
    expect(await Promise.all([plans, tasks, units, taskUnits].map((table) => rows(t.database.db, table)))).toEqual(before);
    expect((await getJson<View>(t.app, `/api/imports/${view.id}`, shaoyang)).body.status).toBe('draft');

    const ok = await send<Commit>(t.app, 'POST', `/api/imports/${view.id}/commit`, shaoyang, {});
    expect(ok.body).toMatchObject({ tasks: 2, unitsCreated: [] });
    const page = (await getJson<TaskPage>(t.app, `/api/plans/${ok.body.planId}/tasks`, shaoyang)).body;
    // Prose plans: the first unit in the parenthesis leads.
    expect(page.items[0]?.leadUnits.map((u) => u.id)).toEqual([scjg]);
    expect(page.items[0]?.responsibleUnits.map((u) => u.id)).toEqual([await unitId(t, '邵阳市', '市税务局')]);
    expect(page.items[1]).toBeDefined();

    const other = (await upload(t.app, shaoyang, 'again.md', SMALL_PLAN)).json<View>();
    expect((await send(t.app, 'DELETE', `/api/imports/${other.id}`, shaoyang)).status).toBe(204);
    expect((await send<Err>(t.app, 'POST', `/api/imports/${other.id}/commit`, shaoyang, {})).body.code).toBe('IMPORT_NOT_DRAFT');
    const actions = (await t.database.db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['plan_import.create', 'plan_import.edit', 'plan.import', 'unit.alias_add', 'plan_import.discard']));
  });
});
