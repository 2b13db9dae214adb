import fc from 'fast-check';
import { describe, it } from 'vitest';
import { componentScore, linearScore } from './component-score.ts';
import { getMethodology, methodologyIds } from './methodologies.ts';
import type { Methodology, MethodologyComponent, MethodologyTopic } from './methodology-schema.ts';
import { scorePlace } from './place-score.ts';
import { scoreTopic } from './topic-score.ts';

const all: { m: Methodology; topic: MethodologyTopic; c: MethodologyComponent }[] = methodologyIds().flatMap((id) => {
  const m = getMethodology(id);
  return m.topics.flatMap((topic) => topic.components.map((c) => ({ m, topic, c })));
});

/** A raw value around the frontier: up to 50% of the span beyond either end. */
function around(c: MethodologyComponent): fc.Arbitrary<number> {
  const lo = Math.min(c.best, c.worst);
  const hi = Math.max(c.best, c.worst);
  const span = hi - lo;
  return fc.double({ min: lo - span / 2, max: hi + span / 2, noNaN: true });
}

function topicValues(topic: MethodologyTopic): fc.Arbitrary<Record<string, number>> {
  const rec: Record<string, fc.Arbitrary<number>> = {};
  for (const c of topic.components) rec[c.key] = around(c);
  for (const a of topic.auxiliary) rec[a.key] = fc.double({ min: 0, max: 200, noNaN: true });
  return fc.record(rec);
}

/** Moves y by `step` ≥ 0 towards the best value. */
const better = (c: MethodologyComponent, y: number, step: number): number => (c.best < c.worst ? y - step : y + step);

describe('component scores (every component of every shipped methodology)', () => {
  it('are in [0, 100]', () => {
    for (const { c } of all) fc.assert(fc.property(around(c), (y) => {
      const s = componentScore(y, c);
      return s >= 0 && s <= 100;
    }), { numRuns: 50 });
  });

  it('are monotone: a better raw value never scores lower', () => {
    for (const { c } of all) fc.assert(fc.property(around(c), fc.double({ min: 0, max: 1000, noNaN: true }), (y, step) => componentScore(better(c, y, step), c) >= componentScore(y, c)), { numRuns: 50 });
  });

  it('clamp: at or beyond best → 100, at or beyond worst → 0', () => {
    for (const { c } of all) {
      fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (d) => {
        const beyondBest = better(c, c.best, d);
        const beyondWorst = better(c, c.worst, -d);
        return componentScore(beyondBest, c) === 100 && componentScore(beyondWorst, c) === 0;
      }), { numRuns: 30 });
    }
  });

  it('linear score is 50 half-way and exact at the frontiers', () => {
    fc.assert(fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 0.01, max: 1e3, noNaN: true }), (best, span) => {
      const worst = best + span;
      return Math.abs(linearScore(best + span / 2, best, worst) - 50) < 1e-6 && linearScore(best, best, worst) === 100 && linearScore(worst, best, worst) === 0;
    }));
  });
});

describe('topic and overall scores', () => {
  it('topic scores are in [0, 100] for any raw data', () => {
    for (const id of methodologyIds()) {
      const m = getMethodology(id);
      for (const topic of m.topics) {
        fc.assert(fc.property(topicValues(topic), (v) => {
          const s = scoreTopic(m, topic, v).score;
          return s >= 0 && s <= 100;
        }), { numRuns: 40 });
      }
    }
  });

  it('topic scores are monotone in each component raw value', () => {
    for (const id of methodologyIds()) {
      const m = getMethodology(id);
      for (const topic of m.topics) {
        const pick = fc.constantFrom(...topic.components);
        fc.assert(fc.property(topicValues(topic), pick, fc.double({ min: 0, max: 500, noNaN: true }), (v, c, step) => {
          const before = scoreTopic(m, topic, v).score;
          const after = scoreTopic(m, topic, { ...v, [c.key]: better(c, v[c.key] ?? 0, step) }).score;
          return after >= before - 1e-9;
        }), { numRuns: 40 });
      }
    }
  });

  it('overall is in [0, 100] and equals the mean of topic scores (db2020)', () => {
    const m = getMethodology('db2020');
    const arb = fc.record(Object.fromEntries(m.topics.map((t) => [t.key, topicValues(t)])));
    fc.assert(fc.property(arb, (topics) => {
      const r = scorePlace(m, { id: 'p', topics });
      const mean = Object.values(r.topics).reduce((s, t) => s + t.score, 0) / 10;
      return r.overall !== null && r.overall >= 0 && r.overall <= 100 && Math.abs(r.overall - mean) < 1e-9;
    }), { numRuns: 100 });
  });
});
