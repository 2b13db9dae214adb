/**
 * Assessment rules per plan: a plan without rules computes no consequences and cites no other
 * plan's 文号; seed 000's rules are a template its office may pick, edit and save.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, indicators } from '../../db/schema.ts';
import { databaseKinds, demoApp, getJson, signIn, type TestApp } from '../testing/test-app.ts';

interface RuleSet { id: string; label: string; source?: string; actions: Record<string, string>; subjects: Record<string, { label: string; total: number }>; rules: { id: string; subject: string; when: Record<string, unknown>; action: string; on: string[]; persons: string[]; quote?: string }[] }
interface Settings { consequenceRules: RuleSet | null; custom: { rules: boolean } }
interface Results { rules: { id: string; label: string; source: string | null } | null; consequences: { ruleId: string; action: string; subject: string; rank: number; source: string | null; units: { name: string }[] }[]; skipped: unknown[] }
interface ErrorBody { code: string; message: string }

describe.each(databaseKinds())('assessment rules per plan on %s', (kind) => {
  let t: TestApp;
  let yongzhou = 0;
  let shaoyang = 0;
  let round = 0;
  const ind: { id: number; name: string }[] = [];
  const c: Record<string, string> = {};
  const send = (who: string, method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject({ method, url, payload, headers: { cookie: c[who] ?? '' } });
  const results = async (): Promise<Results> => (await getJson<Results>(t.app, `/api/assessment-rounds/${round}/results`, c.yongzhou ?? '')).body;

  beforeAll(async () => {
    t = await demoApp(kind);
    for (const [who, login] of [['yongzhou', 'office-yongzhou'], ['shaoyang', 'office-shaoyang'], ['unit', 'county-lengshuitan'], ['hunan', 'office-hunan']] as const) c[who] = await signIn(t.app, login);
    const plans = (await getJson<{ items: { id: number; title: string }[] }>(t.app, '/api/plans', c.hunan ?? '')).body.items;
    yongzhou = plans.find((p) => p.title.startsWith('永州市'))?.id ?? 0;
    shaoyang = plans.find((p) => p.title.startsWith('邵阳市'))?.id ?? 0;
    const rows = await t.database.db.select().from(indicators).where(and(eq(indicators.planId, yongzhou), eq(indicators.kind, 'indicator')));
    ind.push(...rows.sort((a, b) => a.seq - b.seq).slice(0, 3).map((i) => ({ id: i.id, name: i.name })));
    const created = await send('yongzhou', 'POST', `/api/plans/${yongzhou}/assessment-rounds`, { title: '2022年度省营商环境评价', period: '2022' });
    expect(created.statusCode).toBe(201);
    round = created.json<{ id: number }>().id;
    const ranks = [3, 12, 14];
    const put = await send('yongzhou', 'PUT', `/api/assessment-rounds/${round}/indicator-ranks`, { items: ind.map((i, n) => ({ indicatorId: i.id, rank: ranks[n] })) });
    expect(put.statusCode).toBe(200);
  });
  afterAll(async () => { await t.close(); });

  it('永州 has no rules: no consequences, no 邵阳 文号 anywhere in its results', async () => {
    expect(ind).toHaveLength(3);
    const settings = (await getJson<Settings>(t.app, `/api/plans/${yongzhou}/assessment-settings`, c.yongzhou ?? '')).body;
    expect(settings).toMatchObject({ consequenceRules: null, custom: { rules: false } });
    const res = await t.app.inject({ method: 'GET', url: `/api/assessment-rounds/${round}/results`, headers: { cookie: c.yongzhou ?? '' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('邵市政办函');
    expect(res.body).not.toContain('邵阳');
    const r = res.json<Results>();
    expect(r).toMatchObject({ rules: null, consequences: [], skipped: [] });
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/assessment-rounds/${round}/results.xlsx`, headers: { cookie: c.yongzhou ?? '' } });
    expect(xlsx.statusCode).toBe(200);
  });

  it('offers seed 000 as a template; only offices and leaders of the plan see it', async () => {
    const list = await getJson<{ templates: { key: string; label: string; rules: RuleSet }[] }>(t.app, `/api/plans/${yongzhou}/assessment-rule-templates`, c.yongzhou ?? '');
    expect(list.status).toBe(200);
    expect(list.body.templates.map((x) => x.key)).toEqual(['shaoyang-2023']);
    expect(list.body.templates[0]?.rules.source).toContain('邵市政办函〔2023〕9号');
    expect((await getJson(t.app, `/api/plans/${yongzhou}/assessment-rule-templates`, c.unit ?? '')).status).toBe(404);
    expect((await getJson(t.app, `/api/plans/${yongzhou}/assessment-settings`, c.unit ?? '')).status).toBe(404);
  });

  it('the office of the plan sets its own rules (edited from the template); they apply and are audited', async () => {
    const template = (await getJson<{ templates: { rules: RuleSet }[] }>(t.app, `/api/plans/${yongzhou}/assessment-rule-templates`, c.yongzhou ?? '')).body.templates[0]?.rules;
    if (!template) throw new Error('no template');
    // Edited: 永州's own basis, and only the indicator band rule 11—14 → 约谈 of the lead units.
    const own: RuleSet = {
      ...template, id: 'yongzhou-2022', label: '永州市2022年考核规则', source: '永州市2022年实施方案 考核办法',
      rules: [{ id: 'indicator-11-14', subject: 'indicator', when: { kind: 'rank-range', from: 11, to: 14 }, action: 'interview', on: ['leadUnits'], persons: [], quote: '排名第11—14名的牵头单位约谈' }],
    };
    expect((await send('unit', 'PUT', `/api/plans/${yongzhou}/assessment-rules`, { consequenceRules: own })).statusCode).toBe(404);
    expect((await send('shaoyang', 'PUT', `/api/plans/${yongzhou}/assessment-rules`, { consequenceRules: own })).statusCode).toBe(404);
    const bad = await send('yongzhou', 'PUT', `/api/plans/${yongzhou}/assessment-rules`, { consequenceRules: { ...own, rules: [{ ...own.rules[0], action: 'nope' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>()).toMatchObject({ code: 'EVALUATION_RULES_INVALID' });
    expect((await results()).consequences).toEqual([]);

    const ok = await send('yongzhou', 'PUT', `/api/plans/${yongzhou}/assessment-rules`, { consequenceRules: own });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Settings>()).toMatchObject({ consequenceRules: { id: 'yongzhou-2022' }, custom: { rules: true } });
    const r = await results();
    expect(r.rules).toMatchObject({ id: 'yongzhou-2022', source: '永州市2022年实施方案 考核办法' });
    // Ranks 3, 12, 14 of 14 against 11—14: the second and third indicators.
    expect(r.consequences.map((x) => [x.ruleId, x.subject, x.rank]).sort()).toEqual([['indicator-11-14', ind[1]?.name, 12], ['indicator-11-14', ind[2]?.name, 14]].sort());
    expect(JSON.stringify(r)).not.toContain('邵市政办函');
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'assessment.rules.put'), eq(auditLog.entityId, String(yongzhou))));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ rules: { id: 'yongzhou-2022', count: 1 } });

    // 邵阳's own rules are untouched; clearing 永州's leaves it without rules again.
    expect((await getJson<Settings>(t.app, `/api/plans/${shaoyang}/assessment-settings`, c.shaoyang ?? '')).body.consequenceRules?.id).toBe('shaoyang-2023');
    expect((await send('yongzhou', 'PUT', `/api/plans/${yongzhou}/assessment-rules`, { consequenceRules: null })).json<Settings>().consequenceRules).toBeNull();
    expect((await results()).rules).toBeNull();
  });
});
