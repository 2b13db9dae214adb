import { describe, expect, it } from 'vitest';
import gold000 from '../../fixtures/gold/000.json' with { type: 'json' };
import gold001 from '../../fixtures/gold/001.json' with { type: 'json' };
import { chinaTemplate, editMethodology, findTopicByName } from './china-template.ts';
import { scorePlace } from './place-score.ts';

const m = chinaTemplate();
const full = (v: number): Record<string, Record<string, number>> =>
  Object.fromEntries(m.topics.map((t) => [t.key, Object.fromEntries(t.components.map((c) => [c.key, c.best + (c.worst - c.best) * v]))]));

describe('china template (18 indicators)', () => {
  it('has 18 indicators and covers every indicator name of seeds 000 and 001', () => {
    expect(m.topics).toHaveLength(18);
    for (const i of [...gold000.indicators, ...gold001.indicators]) expect(findTopicByName(m, i.name), i.name).toBeDefined();
    expect(findTopicByName(m, '获得用水')?.key).toBe('getting_water_gas');
    expect(findTopicByName(m, '知识产权保护和运用')?.key).toBe('intellectual_property');
  });

  it('marks city-only indicators as in seed 000 (市本级评价指标)', () => {
    for (const i of gold000.indicators) {
      const t = findTopicByName(m, i.name);
      expect(t?.scope, i.name).toEqual(i.scope.includes('县市区') ? ['市本级', '县市区'] : ['市本级']);
    }
  });

  it('scores 100 at the frontier, 0 at the worst, 25 a quarter of the way from the worst', () => {
    expect(scorePlace(m, { id: 'a', topics: full(0) }).overall).toBe(100);
    expect(scorePlace(m, { id: 'a', topics: full(1) }).overall).toBe(0);
    expect(scorePlace(m, { id: 'a', topics: full(0.75) }).overall).toBeCloseTo(25, 9);
  });

  it('frontiers and weights are editable, and edits are re-validated', () => {
    const edited = editMethodology(m, { starting_business: { weight: 3, components: { time: { best: 1, worst: 10, weight: 2 } } } }, 'shaoyang-2023');
    const t = edited.topics.find((x) => x.key === 'starting_business');
    expect(t?.components.find((c) => c.key === 'time')).toMatchObject({ best: 1, worst: 10 });
    expect(t?.weight).toBe(3);
    expect(t?.aggregation).toMatchObject({ kind: 'weighted', weights: { time: 2 } });
    expect(edited.version).toBe('shaoyang-2023');
    expect(m.topics.find((x) => x.key === 'starting_business')?.weight).toBe(1); // original untouched
    expect(() => editMethodology(m, { starting_business: { components: { time: { best: 5, worst: 5 } } } }, 'v')).toThrow(/best and worst must differ/);
    expect(() => editMethodology(m, { nope: {} }, 'v')).toThrow(/nope/);
    expect(() => editMethodology(m, { paying_taxes: { components: { nope: { best: 1 } } } }, 'v')).toThrow(/nope/);
  });

  it('topic weights change the overall', () => {
    const topics = { ...full(1), starting_business: full(0).starting_business ?? {} };
    expect(scorePlace(m, { id: 'a', topics }).overall).toBeCloseTo(100 / 18, 9);
    const heavy = editMethodology(m, { starting_business: { weight: 18 } }, 'v');
    expect(scorePlace(heavy, { id: 'a', topics }).overall).toBeCloseTo((18 * 100) / (18 + 17), 9);
  });
});
