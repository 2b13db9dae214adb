import { describe, expect, it } from 'vitest';
import spec from '../../fixtures/methodology/db2020.json' with { type: 'json' };
import { getMethodology } from './methodologies.ts';
import { scoreGroup, scorePlace } from './place-score.ts';
import type { PlaceScore } from './place-score.ts';
import { SAMPLE_TOPIC_SCORES, sampleDb2020Topics, withTopic } from './test-support/db2020-sample.ts';
import type { TopicValues } from './topic-score.ts';

const m = getMethodology('db2020');
const score = (topics: Record<string, TopicValues>): PlaceScore => scorePlace(m, { id: 'x', topics });
const topicScore = (key: string, values: TopicValues): number => {
  const t = score({ [key]: values }).topics[key];
  if (!t) throw new Error(`no ${key}`);
  return t.score;
};

describe('db2020 methodology data matches the spec (fixtures/methodology/db2020.json)', () => {
  it('has the same topics, components, frontiers, units and transforms', () => {
    const specTopics = spec.topics as Record<string, { components: Record<string, { best: number; worst: number; unit: string; transform?: string; exponent?: number }> }>;
    expect(m.topics.map((t) => t.key)).toEqual(Object.keys(specTopics));
    for (const t of m.topics) {
      const st = specTopics[t.key];
      expect(t.components.map((c) => c.key)).toEqual(Object.keys(st?.components ?? {}));
      for (const c of t.components) {
        const sc = st?.components[c.key];
        expect([c.key, c.best, c.worst, c.unit]).toEqual([c.key, sc?.best, sc?.worst, sc?.unit]);
        expect(c.transform).toEqual(sc?.transform === 'power' ? { kind: 'power', exponent: sc.exponent } : { kind: 'linear' });
      }
    }
    expect(m.overall).toMatchObject({ kind: 'mean', topics: Object.keys(specTopics) });
  });
});

describe('db2020 hand-worked topic scores', () => {
  const sample = sampleDb2020Topics();
  for (const [key, expected] of Object.entries(SAMPLE_TOPIC_SCORES)) {
    it(key, () => expect(topicScore(key, sample[key] ?? {})).toBeCloseTo(expected, 10));
  }

  it('starting a business averages men and women per pair before the 4-way mean', () => {
    const r = score({ starting_a_business: sample.starting_a_business ?? {} }).topics.starting_a_business;
    expect(r?.components.procedures_men).toBeCloseTo(82.3529411764706, 10); // 100 * (18 - 4) / 17
    expect(r?.components.procedures_women).toBeCloseTo(76.47058823529412, 10);
    // A plain mean of the 7 components would weigh capital 1/7 instead of 1/4.
    const plain = Object.values(r?.components ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0) / 7;
    expect(Math.abs((r?.score ?? 0) - plain)).toBeGreaterThan(0.5);
  });

  it('overall = mean of the 10 topic scores', () => {
    const expected = Object.values(SAMPLE_TOPIC_SCORES).reduce((a, b) => a + b, 0) / 10;
    expect(score(sampleDb2020Topics()).overall).toBeCloseTo(expected, 10);
  });

  it('overall is null unless all 10 topics are given', () => {
    const { resolving_insolvency: _, ...nine } = sampleDb2020Topics();
    expect(score(nine).overall).toBeNull();
  });
});

describe('db2020 special rules', () => {
  const base = sampleDb2020Topics();
  const taxes = base.paying_taxes ?? {};

  it('total tax and contribution rate: clamped linear score ^ 0.8', () => {
    const c = (y: number): number | null | undefined => score({ paying_taxes: { ...taxes, total_tax_and_contribution_rate: y } }).topics.paying_taxes?.components.total_tax_and_contribution_rate;
    expect(c(59.2)).toBeCloseTo(50.747948875644525, 10);
    expect(c(26.1)).toBe(100);
    expect(c(10)).toBe(100);
    expect(c(84)).toBe(0);
    expect(c(95)).toBe(0);
  });

  it('postfiling: "No VAT" excludes the VAT sub-components', () => {
    const r = score({ paying_taxes: { ...taxes, vat_refund_comply_hours: 'No VAT', vat_refund_obtain_weeks: 'No VAT' } }).topics.paying_taxes;
    expect(r?.score).toBeCloseTo(78.67512155688125, 10);
    expect(r?.components.vat_refund_comply_hours).toBeNull();
  });

  it('postfiling: no VAT and no CIT → paying taxes = mean of the other 3', () => {
    const v = { ...taxes, vat_refund_comply_hours: 'No VAT', vat_refund_obtain_weeks: 'No VAT', cit_correction_comply_hours: 'No corporate income tax', cit_correction_complete_weeks: 'No corporate income tax' };
    expect(topicScore('paying_taxes', v)).toBeCloseTo(76.77516207584166, 10);
  });

  it('postfiling: "No VAT refund per case study scenario" scores 0 and stays in the mean', () => {
    const t = 'No VAT refund per case study scenario';
    expect(topicScore('paying_taxes', { ...taxes, vat_refund_comply_hours: t, vat_refund_obtain_weeks: t })).toBeCloseTo(68.12824655688125, 10);
  });

  it('electricity: reliability counts only if SAIDI and SAIFI are reported and both < 100', () => {
    const e = base.getting_electricity ?? {};
    const without = 73.47826086956522; // reliability index 0
    expect(topicScore('getting_electricity', e)).toBeCloseTo(95.35326086956522, 10);
    expect(topicScore('getting_electricity', { ...e, saidi: 100 })).toBeCloseTo(without, 10);
    expect(topicScore('getting_electricity', { ...e, saifi: 120 })).toBeCloseTo(without, 10);
    expect(topicScore('getting_electricity', { ...e, saidi: null })).toBeCloseTo(without, 10);
    expect(topicScore('getting_electricity', { ...e, saifi: undefined })).toBeCloseTo(without, 10);
    expect(topicScore('getting_electricity', { ...e, saidi: 99.99, saifi: 99.99 })).toBeCloseTo(95.35326086956522, 10);
  });

  it('credit and minority investors score the SUM of indices, not the mean of component scores', () => {
    expect(topicScore('getting_credit', { strength_of_legal_rights_index: 4, depth_of_credit_information_index: 8 })).toBe(60);
    const r = score({ getting_credit: { strength_of_legal_rights_index: 4, depth_of_credit_information_index: 8 } }).topics.getting_credit;
    expect(r?.components.strength_of_legal_rights_index).toBeCloseTo((100 * 4) / 12, 10);
    expect(r?.components.depth_of_credit_information_index).toBe(100);
    expect(topicScore('protecting_minority_investors', base.protecting_minority_investors ?? {})).toBe(70);
  });

  it('"No Practice" makes every component of the topic 0', () => {
    const r = score({ resolving_insolvency: { recovery_rate: 'No Practice', strength_of_insolvency_framework_index: 'No Practice' } }).topics.resolving_insolvency;
    expect(r).toEqual({ score: 0, components: { recovery_rate: 0, strength_of_insolvency_framework_index: 0 } });
    const mixed = score({ enforcing_contracts: { time: 'No Practice', cost: 10, quality_of_judicial_processes_index: 18 } }).topics.enforcing_contracts;
    expect(mixed).toEqual({ score: 0, components: { time: 0, cost: 0, quality_of_judicial_processes_index: 0 } });
  });

  it('a "No Practice" topic still counts in the overall mean as 0', () => {
    const topics = withTopic('resolving_insolvency', { recovery_rate: 'No Practice', strength_of_insolvency_framework_index: 'No Practice' });
    const expected = Object.entries(SAMPLE_TOPIC_SCORES).reduce((a, [k, v]) => a + (k === 'resolving_insolvency' ? 0 : v), 0) / 10;
    expect(score(topics).overall).toBeCloseTo(expected, 10);
  });
});

describe('db2020 two-city economies', () => {
  const a = scorePlace(m, { id: 'beijing', topics: withTopic('paying_taxes', { ...sampleDb2020Topics().paying_taxes, total_tax_and_contribution_rate: 20 }) });
  const b = scorePlace(m, { id: 'shanghai', topics: withTopic('paying_taxes', { ...sampleDb2020Topics().paying_taxes, total_tax_and_contribution_rate: 70 }) });
  const byId = new Map([[a.id, a], [b.id, b]]);
  const china = scoreGroup(m, { id: 'china', members: { beijing: 0.45, shanghai: 0.55 } }, byId);

  it('component, topic and overall are population-weighted averages of CITY SCORES', () => {
    const ttcr = china.topics.paying_taxes?.components.total_tax_and_contribution_rate;
    expect(ttcr).toBeCloseTo(0.45 * 100 + 0.55 * 32.11881970607342, 10);
    // Not the score of the weighted raw value (47.5 → 69.13…).
    expect(Math.abs((ttcr ?? 0) - 69.13396104392308)).toBeGreaterThan(5);
    expect(china.topics.paying_taxes?.score).toBeCloseTo(0.45 * (a.topics.paying_taxes?.score ?? 0) + 0.55 * (b.topics.paying_taxes?.score ?? 0), 10);
    expect(china.overall).toBeCloseTo(0.45 * (a.overall ?? 0) + 0.55 * (b.overall ?? 0), 10);
  });

  it('weights are normalised (raw populations work the same as shares)', () => {
    const byPop = scoreGroup(m, { id: 'china', members: { beijing: 45, shanghai: 55 } }, byId);
    expect(byPop.overall).toBeCloseTo(china.overall ?? 0, 10);
  });

  it('every DB2020 two-city weight pair in the spec sums to 1', () => {
    for (const cities of Object.values(spec.two_city_economies.weights_verified_from_DB2020_data)) {
      expect(Object.values(cities).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 10);
    }
  });
});
