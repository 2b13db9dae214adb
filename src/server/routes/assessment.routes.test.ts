import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { assessmentIndicatorRanks, assessmentPlaceRanks } from '../../db/assessment-schema.ts';
import { auditLog, indicators, regions, taskUnits, tasks, units } from '../../db/schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Round { id: number; title: string; fieldSizes: Record<string, number>; permissions: { manage: boolean } }
interface UnitRef { id: number | null; name: string }
interface Consequence { ruleId: string; action: string; actionLabel: string; subject: string; subjectKind: string; rank: number; total: number; condition: string; quote: string | null; units: UnitRef[]; persons: string[] }
interface Results {
  indicators: { indicatorId: number; name: string; annualTarget: string | null; rank: number | null; targetMet: boolean | null; band: { label: string } | null }[];
  places: { kind: string; total: number; items: { regionId: number; name: string; rank: number | null; band: { label: string } | null }[] }[];
  consequences: Consequence[];
  commendations: { indicatorAwards: { indicator: string; rank: number }[]; placeAwards: { name: string; rank: number }[] };
}
interface WhatIf extends Results { changes: { added: Consequence[]; removed: Consequence[] } }
interface ErrorBody { code: string; message: string; details?: { problems?: { sheet: string; row: number; column: string; message: string }[] } }

// Made-up provincial results of 邵阳 (targets from seed 000's 年度目标 column).
const INDICATOR_RANKS: Record<string, number> = {
  开办企业: 3, // 前5名: met
  政务服务: 5, // 前5名: met exactly
  办理建筑许可: 4, // 前3名: missed by one → 约谈
  获得电力: 7, // 前5名: missed → 约谈
  包容普惠创新: 10, // 前4名: missed, still above 良好等次 → 约谈 only
  获得信贷: 11, // 良好等次 starts at 11 → 约谈, 不得评优, 追责问责
  纳税: 14, // last of 14
};
const PLACE_RANKS: Record<string, number> = {
  城步苗族自治县: 1, 武冈市: 10, 邵东市: 35, 新邵县: 36, 邵阳县: 61, 隆回县: 62, 洞口县: 76, 绥宁县: 77, 新宁县: 86,
  双清区: 15, 大祥区: 27, 北塔区: 32, 邵阳经济技术开发区: 120,
};
// What seed 000's rules say for these ranks: [action, subject, rank].
const EXPECTED: [string, string, number][] = [
  ['interview', '办理建筑许可', 4], ['interview', '获得电力', 7], ['interview', '纳税', 14],
  ['no-excellent-rating', '纳税', 14], ['accountability', '纳税', 14],
  ['interview', '获得信贷', 11], ['no-excellent-rating', '获得信贷', 11], ['accountability', '获得信贷', 11],
  ['interview', '包容普惠创新', 10],
  ['interview', '新邵县', 36], ['interview', '邵阳县', 61],
  ['interview', '隆回县', 62], ['no-excellent-rating', '隆回县', 62], ['interview', '洞口县', 76], ['no-excellent-rating', '洞口县', 76],
  ['interview', '绥宁县', 77], ['no-excellent-rating', '绥宁县', 77], ['accountability', '绥宁县', 77],
  ['interview', '新宁县', 86], ['no-excellent-rating', '新宁县', 86], ['accountability', '新宁县', 86],
  ['interview', '大祥区', 27], ['no-excellent-rating', '大祥区', 27],
  ['interview', '北塔区', 32], ['no-excellent-rating', '北塔区', 32], ['accountability', '北塔区', 32],
  ['interview', '邵阳经济技术开发区', 120], ['no-excellent-rating', '邵阳经济技术开发区', 120], ['accountability', '邵阳经济技术开发区', 120],
];
const triples = (cs: Consequence[]): string[] => cs.map((c) => `${c.action}|${c.subject}|${c.rank}`).sort();
const comparable = (r: Results) => ({ indicators: r.indicators, places: r.places, consequences: r.consequences, commendations: r.commendations });

describe.each(databaseKinds())('assessment rounds, results and consequences on %s', (kind) => {
  let t: TestApp;
  let planId = 0;
  let round = 0;
  const ind: Record<string, number> = {};
  const place: Record<string, number> = {};
  const c: Record<string, string> = {};
  const send = (who: string, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) => t.app.inject({ method, url, payload, headers: { cookie: c[who] ?? '' } });
  const results = async (id = round): Promise<Results> => (await getJson<Results>(t.app, `/api/assessment-rounds/${id}/results`, c.office ?? '')).body;
  const upload = (who: string, id: number, body: Buffer) => t.app.inject({ method: 'POST', url: `/api/assessment-rounds/${id}/import`, payload: body, headers: { cookie: c[who] ?? '', 'content-type': 'application/octet-stream' } });
  const download = async (url: string): Promise<ExcelJS.Workbook> => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie: c.office ?? '' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    return wb;
  };

  beforeAll(async () => {
    t = await demoApp(kind);
    for (const [who, login] of [['office', 'office-shaoyang'], ['leader', 'leader-shaoyang'], ['unit', 'unit-scjg'], ['yongzhou', 'office-yongzhou'], ['hunan', 'office-hunan']] as const) c[who] = await signIn(t.app, login);
    const plans = (await getJson<{ items: { id: number; title: string }[] }>(t.app, '/api/plans', c.office ?? '')).body.items;
    planId = plans.find((p) => p.title.startsWith('邵阳市'))?.id ?? 0;
    for (const i of await t.database.db.select().from(indicators).where(eq(indicators.planId, planId))) ind[i.name] = i.id;
    for (const r of await t.database.db.select().from(regions)) place[r.name] = r.id;
  });
  afterAll(async () => { await t.close(); });

  it('lets the office create a round with seed 000 field sizes; leaders read, units and other cities get 404', async () => {
    const created = await send('office', 'POST', `/api/plans/${planId}/assessment-rounds`, { title: '2023年度省营商环境评价', period: '2023', methodologyKey: 'china_template' });
    expect(created.statusCode).toBe(201);
    const r = created.json<Round>();
    round = r.id;
    expect(r.fieldSizes).toEqual({ indicator: 14, county: 86, district: 36, park: 134 });
    expect((await send('office', 'POST', `/api/plans/${planId}/assessment-rounds`, { title: '2023年度省营商环境评价', period: '2023' })).json<ErrorBody>().code).toBe('ASSESSMENT_ROUND_TITLE_TAKEN');
    expect((await send('office', 'POST', `/api/plans/${planId}/assessment-rounds`, { title: 'x', period: '2023', methodologyKey: 'nope' })).statusCode).toBe(400);
    expect((await send('leader', 'POST', `/api/plans/${planId}/assessment-rounds`, { title: '领导新建', period: '2023' })).statusCode).toBe(403);
    expect((await send('unit', 'POST', `/api/plans/${planId}/assessment-rounds`, { title: '单位新建', period: '2023' })).statusCode).toBe(404);
    expect((await getJson<Round>(t.app, `/api/assessment-rounds/${round}`, c.leader ?? '')).body.permissions).toEqual({ manage: false });
    expect((await getJson<{ items: Round[] }>(t.app, `/api/plans/${planId}/assessment-rounds`, c.hunan ?? '')).body.items[0]?.permissions).toEqual({ manage: true });
    for (const who of ['unit', 'yongzhou']) {
      expect((await getJson(t.app, `/api/assessment-rounds/${round}`, c[who] ?? '')).status).toBe(404);
      expect((await getJson(t.app, `/api/assessment-rounds/${round}/results`, c[who] ?? '')).status).toBe(404);
      expect((await getJson(t.app, `/api/plans/${planId}/assessment-rounds`, c[who] ?? '')).status).toBe(404);
    }
  });

  it('rejects ranks outside the field, unknown subjects and writes by leaders', async () => {
    const bad = await send('office', 'PUT', `/api/assessment-rounds/${round}/indicator-ranks`, { items: [{ indicatorId: ind['获得电力'], rank: 15 }] });
    expect(bad.json<ErrorBody>()).toMatchObject({ code: 'ASSESSMENT_RANK_INVALID' });
    expect(bad.json<ErrorBody>().message).toContain('1—14');
    const yongzhouIndicator = (await t.database.db.select().from(indicators).where(eq(indicators.name, '获得电力'))).find((i) => i.planId !== planId)?.id;
    expect((await send('office', 'PUT', `/api/assessment-rounds/${round}/indicator-ranks`, { items: [{ indicatorId: yongzhouIndicator, rank: 1 }] })).json<ErrorBody>().code).toBe('ASSESSMENT_SUBJECT_UNKNOWN');
    expect((await send('office', 'PUT', `/api/assessment-rounds/${round}/place-ranks`, { items: [{ regionId: place['冷水滩区'], rank: 1 }] })).json<ErrorBody>().code).toBe('ASSESSMENT_SUBJECT_UNKNOWN');
    expect((await send('office', 'PUT', `/api/assessment-rounds/${round}/place-ranks`, { items: [{ regionId: place['北塔区'], rank: 37 }] })).json<ErrorBody>().message).toContain('1—36');
    expect((await send('leader', 'PUT', `/api/assessment-rounds/${round}/indicator-ranks`, { items: [] })).statusCode).toBe(403);
    expect((await send('unit', 'PUT', `/api/assessment-rounds/${round}/indicator-ranks`, { items: [] })).statusCode).toBe(404);
    expect(await t.database.db.select().from(assessmentIndicatorRanks)).toEqual([]);
  });

  it('computes results and consequences exactly as seed 000 says, each with rule, rank and units', async () => {
    const put1 = await send('office', 'PUT', `/api/assessment-rounds/${round}/indicator-ranks`, { items: Object.entries(INDICATOR_RANKS).map(([n, rank]) => ({ indicatorId: ind[n], rank })) });
    expect(put1.statusCode).toBe(200);
    const put2 = await send('office', 'PUT', `/api/assessment-rounds/${round}/place-ranks`, { items: Object.entries(PLACE_RANKS).map(([n, rank]) => ({ regionId: place[n], rank })) });
    expect(put2.statusCode).toBe(200);
    const r = await results();
    expect(triples(r.consequences)).toEqual(EXPECTED.map(([a, s, n]) => `${a}|${s}|${n}`).sort());

    const row = (name: string) => r.indicators.find((i) => i.name === name);
    expect(row('开办企业')).toMatchObject({ annualTarget: '前5名', rank: 3, targetMet: true, band: { label: '优秀' } });
    expect(row('政务服务')).toMatchObject({ rank: 5, targetMet: true });
    expect(row('获得电力')).toMatchObject({ rank: 7, targetMet: false, band: { label: '优秀' } });
    expect(row('获得信贷')).toMatchObject({ rank: 11, targetMet: false, band: { label: '良好' } });
    expect(row('登记财产')).toMatchObject({ rank: null, targetMet: null, band: null });
    const counties = r.places.find((p) => p.kind === 'county');
    expect(counties?.total).toBe(86);
    expect(counties?.items.map((p) => [p.name, p.rank, p.band?.label])).toEqual([
      ['城步苗族自治县', 1, '优秀'], ['武冈市', 10, '优秀'], ['邵东市', 35, '优秀'], ['新邵县', 36, '优秀'], ['邵阳县', 61, '优秀'],
      ['隆回县', 62, '良好'], ['洞口县', 76, '良好'], ['绥宁县', 77, '良好'], ['新宁县', 86, '良好'],
    ]);
    expect(r.places.find((p) => p.kind === 'district')?.items.map((p) => p.band?.label)).toEqual(['优秀', '良好', '良好']);

    // 约谈 of 获得电力 falls on the lead and responsible units of its tasks, lead first.
    const power = r.consequences.find((x) => x.subject === '获得电力');
    const links = await t.database.db.selectDistinct({ id: units.id, name: units.name, role: taskUnits.role }).from(taskUnits)
      .innerJoin(tasks, eq(tasks.id, taskUnits.taskId)).innerJoin(units, eq(units.id, taskUnits.unitId)).where(eq(tasks.indicatorId, ind['获得电力'] ?? 0));
    expect(power).toMatchObject({ ruleId: 'indicator-target-missed', actionLabel: '约谈', total: 14, condition: '未达成年度目标（前5名）', persons: [] });
    expect(power?.units[0]?.name).toBe('国网邵阳供电公司');
    expect(new Set(power?.units.map((u) => u.id))).toEqual(new Set(links.map((l) => l.id)));
    expect(power?.quote).toContain('没有达成指标“年度目标”');
    const tax = r.consequences.find((x) => x.subject === '纳税' && x.action === 'accountability');
    expect(tax).toMatchObject({ ruleId: 'indicator-good-band-accountability', condition: '第11—14名', persons: ['主要负责人', '分管领导', '科室责任人'] });
    expect(tax?.units[0]?.name).toBe('市税务局');
    expect(r.consequences.find((x) => x.subject === '绥宁县' && x.action === 'accountability')).toMatchObject({ ruleId: 'county-bottom-10', units: [{ id: null, name: '绥宁县' }], persons: ['相关责任人'] });

    expect(r.commendations.indicatorAwards.map((a) => [a.indicator, a.rank])).toEqual([['开办企业', 3], ['政务服务', 5]]);
    expect(r.commendations.placeAwards.map((a) => [a.name, a.rank])).toEqual([['城步苗族自治县', 1], ['武冈市', 10]]);
    // The leader reads the same results.
    expect((await getJson<Results>(t.app, `/api/assessment-rounds/${round}/results`, c.leader ?? '')).body.consequences).toHaveLength(EXPECTED.length);
  });

  it('answers what-if without writing: 获得电力 at rank 4 is no longer interviewed', async () => {
    const before = await results();
    const res = await send('leader', 'POST', `/api/assessment-rounds/${round}/what-if`, { indicatorRanks: { [String(ind['获得电力'])]: 4 }, placeRanks: { [String(place['新邵县'])]: 35 } });
    expect(res.statusCode).toBe(200);
    const w = res.json<WhatIf>();
    expect(triples(w.changes.removed)).toEqual(['interview|新邵县|36', 'interview|获得电力|7']);
    expect(w.changes.added).toEqual([]);
    expect(w.indicators.find((i) => i.name === '获得电力')).toMatchObject({ rank: 4, targetMet: true });
    expect(w.commendations.indicatorAwards.map((a) => a.indicator)).toContain('获得电力');
    const worse = (await send('office', 'POST', `/api/assessment-rounds/${round}/what-if`, { indicatorRanks: { [String(ind['开办企业'])]: 12 } })).json<WhatIf>();
    expect(triples(worse.changes.added)).toEqual(['accountability|开办企业|12', 'interview|开办企业|12', 'no-excellent-rating|开办企业|12']);
    expect((await send('office', 'POST', `/api/assessment-rounds/${round}/what-if`, { indicatorRanks: { [String(ind['开办企业'])]: 20 } })).json<ErrorBody>().code).toBe('ASSESSMENT_RANK_INVALID');
    expect((await send('unit', 'POST', `/api/assessment-rounds/${round}/what-if`, {})).statusCode).toBe(404);
    expect(comparable(await results())).toEqual(comparable(before));
  });

  it('round-trips the XLSX template: download, fill, import, same results; audit row written', async () => {
    const prefilled = await download(`/api/assessment-rounds/${round}/template.xlsx`);
    const sheet = prefilled.getWorksheet('指标排名');
    expect(sheet?.getRow(2).values).toEqual([undefined, '序号', '一级指标', '年度目标', '全省排名', '得分']);
    expect(sheet?.getRow(5).values).toEqual([undefined, 3, '获得电力', '前5名', 7]);

    const second = (await send('office', 'POST', `/api/plans/${planId}/assessment-rounds`, { title: '2023年度评价（模板导入）', period: '2023' })).json<Round>().id;
    const wb = await download(`/api/assessment-rounds/${second}/template.xlsx`);
    const fill = (name: string, ranks: Record<string, number>, rankCol: number): void => {
      const ws = wb.getWorksheet(name);
      ws?.eachRow((row, n) => {
        const label = row.getCell(2).value;
        if (n > 2 && typeof label === 'string' && ranks[label] !== undefined) row.getCell(rankCol).value = ranks[label];
      });
    };
    fill('指标排名', INDICATOR_RANKS, 4);
    for (const s of ['县市排名', '市辖区排名', '园区排名']) fill(s, PLACE_RANKS, 3);
    const ok = await upload('office', second, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ imported: { indicators: number; places: number } }>().imported).toEqual({ indicators: 7, places: 13 });
    expect(comparable(await results(second))).toEqual(comparable(await results()));
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'assessment.import'), eq(auditLog.entityId, String(second))));
    expect(audits).toHaveLength(1);
  });

  it('rejects a bad cell naming sheet, row and column, and writes nothing', async () => {
    const third = (await send('office', 'POST', `/api/plans/${planId}/assessment-rounds`, { title: '2023年度评价（错误文件）', period: '2023' })).json<Round>().id;
    const wb = await download(`/api/assessment-rounds/${round}/template.xlsx`);
    const counties = wb.getWorksheet('县市排名');
    const row = counties?.getRows(3, 20)?.find((r) => r.getCell(2).value === '隆回县');
    if (!row) throw new Error('隆回县 missing from the template');
    row.getCell(3).value = '第六十二';
    const res = await upload('office', third, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.code).toBe('ASSESSMENT_IMPORT_INVALID');
    expect(body.details?.problems?.[0]).toMatchObject({ sheet: '县市排名', row: row.number, column: 'C' });
    expect(body.message).toContain(`工作表“县市排名”第${row.number}行 C列`);
    const written = await t.database.db.select().from(assessmentIndicatorRanks).where(eq(assessmentIndicatorRanks.roundId, third));
    const writtenPlaces = await t.database.db.select().from(assessmentPlaceRanks).where(inArray(assessmentPlaceRanks.roundId, [third]));
    expect([written.length, writtenPlaces.length]).toEqual([0, 0]);
    expect((await upload('office', third, Buffer.from('not a workbook'))).json<ErrorBody>().code).toBe('ASSESSMENT_IMPORT_UNREADABLE');
    expect((await upload('leader', third, Buffer.from(await wb.xlsx.writeBuffer()))).statusCode).toBe(403);
  });

  it('exports the results workbook with the ranking tables, the three lists and commendations', async () => {
    const wb = await download(`/api/assessment-rounds/${round}/results.xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标排名', '县市区排名', '约谈名单', '不得评优名单', '追责问责名单', '表彰建议']);
    const count = (name: string) => (wb.getWorksheet(name)?.rowCount ?? 0) - 2;
    const expected = (a: string) => EXPECTED.filter(([x]) => x === a).length;
    expect([count('约谈名单'), count('不得评优名单'), count('追责问责名单')]).toEqual([expected('interview'), expected('no-excellent-rating'), expected('accountability')]);
    expect(count('指标排名')).toBe(19);
    expect(count('表彰建议')).toBe(4);
  });

  it('lets the office edit field sizes and the plan rules; ranks must still fit', async () => {
    expect((await send('office', 'PATCH', `/api/assessment-rounds/${round}`, { fieldSizes: { county: 80 } })).json<ErrorBody>().code).toBe('ASSESSMENT_RANK_INVALID');
    expect((await send('office', 'PATCH', `/api/assessment-rounds/${round}`, { fieldSizes: { park: 140 } })).json<Round>().fieldSizes.park).toBe(140);
    const settings = (await getJson<{ consequenceRules: { id: string }; custom: { rules: boolean } }>(t.app, `/api/plans/${planId}/assessment-settings`, c.leader ?? '')).body;
    // The demo's 邵阳 plan holds seed 000's rules as its own (picked from the template), not by default.
    expect(settings).toMatchObject({ consequenceRules: { id: 'shaoyang-2023' }, custom: { rules: true } });
    expect((await send('office', 'PUT', `/api/plans/${planId}/assessment-rules`, { consequenceRules: { id: 'x' } })).json<ErrorBody>().code).toBe('EVALUATION_RULES_INVALID');
    expect((await send('leader', 'PUT', `/api/plans/${planId}/assessment-rules`, { consequenceRules: null })).statusCode).toBe(403);
  });
});
