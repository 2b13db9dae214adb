import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface Scores { values: unknown[]; scores: { methodology: string; places: { id: string; overall: number | null; rank: number | null; topics: Record<string, { score: number | null }> }[] } | null }

describe.each(databaseKinds())('raw indicator data of an assessment round on %s', (kind) => {
  let t: TestApp;
  let office: string;
  let leader: string;
  let round: number;
  beforeAll(async () => {
    t = await demoApp(kind);
    office = await signIn(t.app, 'office-shaoyang');
    leader = await signIn(t.app, 'leader-shaoyang');
    const plan = (await getJson<{ items: { id: number }[] }>(t.app, '/api/plans', office)).body.items[0];
    const created = await t.app.inject({ method: 'POST', url: `/api/plans/${plan?.id}/assessment-rounds`, headers: { cookie: office }, payload: { title: '营商环境原始数据测评', period: '2023', methodologyKey: 'db2020' } });
    round = created.json<{ id: number }>().id;
  });
  afterAll(async () => { await t.close(); });

  const put = (cookie: string, values: object[]) => t.app.inject({ method: 'PUT', url: `/api/assessment-rounds/${round}/raw-values`, headers: { cookie }, payload: { values } });
  const electricity = (place: string, procedures: number, time: number) => [
    { place, topic: 'getting_electricity', component: 'procedures', value: procedures },
    { place, topic: 'getting_electricity', component: 'time', value: time },
    { place, topic: 'getting_electricity', component: 'cost', value: 0 },
    { place, topic: 'getting_electricity', component: 'reliability_index', value: 7 },
    // DB2020 scores the reliability index only where SAIDI and SAIFI are reported and below 100.
    { place, topic: 'getting_electricity', component: 'saidi', value: 0.95 },
    { place, topic: 'getting_electricity', component: 'saifi', value: 0.17 },
  ];

  it('stores raw data and scores it by the round methodology (distance to frontier)', async () => {
    expect((await put(office, [...electricity('双清区', 3, 18), ...electricity('新邵县', 6, 133)])).statusCode).toBe(204);
    const { body } = await getJson<Scores>(t.app, `/api/assessment-rounds/${round}/raw-values`, leader);
    expect(body.values).toHaveLength(12);
    const byId = Object.fromEntries((body.scores?.places ?? []).map((p) => [p.id, p]));
    // 3 procedures and 18 days are the frontier (100); 6 and 133 are halfway (50); cost 0 → 100; index 7 of 8 → 87.5.
    expect(byId['双清区']?.topics.getting_electricity?.score).toBeCloseTo((100 + 100 + 100 + 87.5) / 4, 6);
    expect(byId['新邵县']?.topics.getting_electricity?.score).toBeCloseTo((50 + 50 + 100 + 87.5) / 4, 6);
    // The overall DB2020 score needs all 10 topics.
    expect(byId['双清区']?.overall).toBeNull();
  });

  it('refuses unknown keys naming place, topic and key, and keeps the stored data', async () => {
    const bad = await put(office, [{ place: '双清区', topic: 'getting_electricity', component: 'voltage', value: 1 }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/双清区[\s\S]*getting_electricity[\s\S]*voltage|voltage/);
    expect((await getJson<Scores>(t.app, `/api/assessment-rounds/${round}/raw-values`, office)).body.values).toHaveLength(12);
    expect((await put(leader, electricity('双清区', 3, 18))).statusCode).toBe(403);
    expect((await getJson(t.app, `/api/assessment-rounds/${round}/raw-values`, await signIn(t.app, 'unit-scjg'))).status).toBe(404);
  });
});
