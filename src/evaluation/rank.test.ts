import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankByScore } from './rank.ts';

describe('rankByScore', () => {
  it('gives competition ranks with ties (1, 2, 2, 4) and orders ties by id', () => {
    const r = rankByScore([
      { id: 'd', score: 70 },
      { id: 'c', score: 80 },
      { id: 'a', score: 90 },
      { id: 'b', score: 80 },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([['a', 1], ['b', 2], ['c', 2], ['d', 4]]);
  });

  it('puts null scores last with rank null, by id', () => {
    const r = rankByScore([{ id: 'z', score: null }, { id: 'y', score: 1 }, { id: 'x', score: null }]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([['y', 1], ['x', null], ['z', null]]);
  });

  it('ascending order ranks the lowest first', () => {
    expect(rankByScore([{ id: 'a', score: 2 }, { id: 'b', score: 1 }], { order: 'asc' }).map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('optional rounding makes near-equal scores tie', () => {
    const r = rankByScore([{ id: 'a', score: 80.04 }, { id: 'b', score: 79.96 }, { id: 'c', score: 70 }], { decimals: 1 });
    expect(r.map((x) => x.rank)).toEqual([1, 1, 3]);
  });

  const items = fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 4 }), score: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }) }), { selector: (x) => x.id, maxLength: 30 });

  it('rank = 1 + number of strictly better scores (property)', () => {
    fc.assert(fc.property(items, (xs) => rankByScore(xs).every((r) => (r.score === null ? r.rank === null : r.rank === 1 + xs.filter((x) => x.score !== null && x.score > (r.score ?? 0)).length))));
  });

  it('output does not depend on input order (property)', () => {
    fc.assert(fc.property(items, fc.integer(), (xs, seed) => {
      const shuffled = [...xs].sort((a, b) => ((a.id.length * 31 + seed) % 7) - ((b.id.length * 31 + seed) % 7));
      expect(rankByScore(shuffled)).toEqual(rankByScore(xs));
    }));
  });

  it('equal scores share a rank and ranks never decrease down the list (property)', () => {
    fc.assert(fc.property(items, (xs) => {
      const r = rankByScore(xs).filter((x) => x.rank !== null);
      return r.every((x, i) => i === 0 || ((r[i - 1]?.rank ?? 0) <= (x.rank ?? 0) && ((r[i - 1]?.score === x.score) === (r[i - 1]?.rank === x.rank))));
    }));
  });
});
