import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, plans, regions, taskUnits, tasks, unitMemberships, units, users } from '../../db/schema.ts';
import { extensionRequests, progressReports, urges } from '../../db/supervision-schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

describe.each(databaseKinds())('regions and units administration on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let shaoyangId: number;
  const send = (method: 'POST' | 'PATCH', url: string, payload: object, cookie = admin) => t.app.inject({ method, url, headers: { cookie }, payload });

  beforeAll(async () => {
    t = await demoApp(kind);
    admin = await signIn(t.app, 'admin');
    shaoyangId = (await t.database.db.select().from(regions).where(eq(regions.name, '邵阳市')))[0]!.id;
  });
  afterAll(async () => { await t.close(); });

  it('merges two units that both have reports: links, reports, users and names move, nothing lost', async () => {
    const db = t.database.db;
    // 市市场监管局 leads task 1 of the 邵阳 plan and 市税务局 shares it: both report on it for June.
    const [plan] = await db.select().from(plans).where(eq(plans.regionId, shaoyangId));
    const [task1] = await db.select().from(tasks).where(and(eq(tasks.planId, plan!.id), eq(tasks.seq, 1)));
    const unitNamed = async (name: string) => (await db.select().from(units).where(and(eq(units.name, name), eq(units.regionId, shaoyangId))))[0]!.id;
    const [keptId, mergedId] = [await unitNamed('市市场监管局'), await unitNamed('市税务局')];
    const report = { period: '2023-06', status: 'in_progress', percent: 60, workDone: '已完成系统对接测试', submit: true };
    const taxReport = await send('POST', `/api/tasks/${task1!.id}/reports`, report, await signIn(t.app, 'unit-sy-tax'));
    expect(taxReport.statusCode).toBe(201);
    const leadReport = await send('POST', `/api/tasks/${task1!.id}/reports`, { ...report, consolidates: [taxReport.json<{ id: number }>().id] }, await signIn(t.app, 'unit-scjg'));
    expect(leadReport.statusCode).toBe(201);
    const unitIds = [keptId, mergedId];
    const [merged] = await db.select().from(units).where(eq(units.id, mergedId));
    // A user of the merged unit, and a shared task link that must fold into one.
    const { createUser } = await import('../use-cases/users.ts');
    const liaison = await createUser(db, null, { login: 'merged-liaison', password: 'Hebing2026x', displayName: '被合并单位联络员', role: 'unit', regionId: shaoyangId, unitId: mergedId });
    const reportsBefore = await db.select().from(progressReports).where(inArray(progressReports.unitId, unitIds));
    const linksBefore = await db.select().from(taskUnits).where(inArray(taskUnits.unitId, unitIds));
    const urgesBefore = (await db.select({ n: count() }).from(urges).where(inArray(urges.unitId, unitIds)))[0]!.n;
    const extBefore = (await db.select({ n: count() }).from(extensionRequests).where(inArray(extensionRequests.unitId, unitIds)))[0]!.n;
    const pairKey = (l: { taskId: number; role: string }) => `${l.taskId}/${l.role}`;
    const keptPairs = new Set(linksBefore.filter((l) => l.unitId === keptId).map(pairKey));
    const expectedFolded = linksBefore.filter((l) => l.unitId === mergedId && keptPairs.has(pairKey(l))).length;
    expect(reportsBefore.some((r) => r.unitId === keptId) && reportsBefore.some((r) => r.unitId === mergedId)).toBe(true);

    const res = await send('POST', `/api/units/${keptId}/merge`, { mergedUnitId: mergedId });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ unit: { aliases: string[] }; foldedLinks: unknown[]; moved: Record<string, number> }>();
    expect(body.unit.aliases).toContain(merged!.name);
    for (const a of merged!.aliases) expect(body.unit.aliases).toContain(a);
    expect(body.foldedLinks).toHaveLength(expectedFolded);
    expect(body.moved['progress_reports.unit_id']).toBe(reportsBefore.filter((r) => r.unitId === mergedId).length);
    expect(body.moved['users.unit_id']).toBe(2);

    expect(await db.select().from(units).where(eq(units.id, mergedId))).toHaveLength(0);
    const reportsAfter = await db.select().from(progressReports).where(inArray(progressReports.unitId, unitIds));
    expect(reportsAfter).toHaveLength(reportsBefore.length);
    expect(reportsAfter.every((r) => r.unitId === keptId)).toBe(true);
    expect(new Set(reportsAfter.map((r) => r.id))).toEqual(new Set(reportsBefore.map((r) => r.id)));
    const linksAfter = await db.select().from(taskUnits).where(eq(taskUnits.unitId, keptId));
    expect(linksAfter).toHaveLength(linksBefore.length - expectedFolded);
    expect(new Set(linksAfter.map(pairKey))).toEqual(new Set(linksBefore.map(pairKey)));
    expect((await db.select({ n: count() }).from(urges).where(eq(urges.unitId, keptId)))[0]!.n).toBe(urgesBefore);
    expect((await db.select({ n: count() }).from(extensionRequests).where(eq(extensionRequests.unitId, keptId)))[0]!.n).toBe(extBefore);
    expect((await db.select().from(users).where(eq(users.id, liaison)))[0]!.unitId).toBe(keptId);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'unit.merge'));
    expect(audit!.details).toMatchObject({ merged: { id: mergedId, name: merged!.name } });

    // The merged unit's liaison now acts for the kept unit and sees its tasks.
    const c = await signIn(t.app, 'merged-liaison', 'Hebing2026x');
    expect((await getJson<{ unit: { id: number } }>(t.app, '/api/me', c)).body.unit.id).toBe(keptId);
    // An import written with the old name finds the kept unit through its alias.
    const found = await getJson<{ items: { id: number }[] }>(t.app, `/api/units?region=${shaoyangId}&q=${encodeURIComponent(merged!.name)}`, admin);
    expect(found.body.items.map((u) => u.id)).toEqual([keptId]);
  });

  it('adds a county and a park, renames them, adds units with aliases and collective members', async () => {
    const county = await send('POST', '/api/regions', { name: '云山县', level: 'county', parentId: shaoyangId });
    expect(county.statusCode).toBe(201);
    const countyId = county.json<{ id: number }>().id;
    expect((await send('POST', '/api/regions', { name: '云山县', level: 'county', parentId: shaoyangId })).json<{ code: string }>().code).toBe('REGION_NAME_TAKEN');
    expect((await send('POST', '/api/regions', { name: '某省', level: 'province', parentId: shaoyangId })).json<{ message: string }>().message).toContain('不能建省级区域');
    const renamedRegion = await send('PATCH', `/api/regions/${countyId}`, { name: '云山市' });
    expect(renamedRegion.json<{ name: string }>().name).toBe('云山市');
    const park = await send('POST', '/api/regions', { name: '云山经开区', level: 'park', parentId: countyId });
    expect(park.statusCode).toBe(201);

    const gov = (await send('POST', '/api/units', { name: '云山市人民政府', regionId: countyId, kind: 'government' })).json<{ id: number }>();
    const renamed = await send('PATCH', `/api/units/${gov.id}`, { name: '云山市政府', aliases: ['云山'] });
    expect(renamed.json<{ name: string; aliases: string[] }>()).toMatchObject({ name: '云山市政府', aliases: ['云山', '云山市人民政府'] });
    const collective = (await send('POST', '/api/units', { name: '各县市区政府', regionId: shaoyangId, kind: 'collective' })).json<{ id: number }>();
    const members = await send('PATCH', `/api/units/${collective.id}`, { memberIds: [gov.id] });
    expect(members.json<{ memberIds: number[] }>().memberIds).toEqual([gov.id]);
    expect(await t.database.db.select().from(unitMemberships).where(and(eq(unitMemberships.collectiveId, collective.id), eq(unitMemberships.memberId, gov.id)))).toHaveLength(1);
    const taken = await send('POST', '/api/units', { name: '云山', regionId: countyId });
    expect(taken.json<{ code: string }>().code).toBe('UNIT_ALIAS_TAKEN');
    const audits = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.action} like 'region.%' or ${auditLog.action} like 'unit.%'`);
    expect(audits.map((a) => a.action).filter((a) => a !== 'unit.merge').sort()).toEqual(['region.create', 'region.create', 'region.rename', 'unit.create', 'unit.create', 'unit.update', 'unit.update']);
  });

  it('leaves the directory to the administrator', async () => {
    const office = await signIn(t.app, 'office-shaoyang');
    expect((await send('POST', '/api/regions', { name: '新区', level: 'district', parentId: shaoyangId }, office)).statusCode).toBe(403);
    const yongzhouAdmin = await signIn(t.app, 'office-yongzhou');
    expect((await send('POST', '/api/units/1/merge', { mergedUnitId: 2 }, yongzhouAdmin)).statusCode).toBe(403);
  });
});
