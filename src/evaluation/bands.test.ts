import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignBand, assignBands, parseBands } from './bands.ts';
import { rankByScore } from './rank.ts';

const byRank = parseBands([
  { key: 'excellent', label: '优秀', when: { kind: 'top', n: 10 } },
  { key: 'good', label: '良好', when: { kind: 'rank-range', from: 11, to: 30 } },
  { key: 'ordinary', label: '一般', when: { kind: 'rank-range', from: 31 } },
]);
const byScore = parseBands([
  { key: 'a', label: 'A', when: { kind: 'score-range', min: 90 } },
  { key: 'b', label: 'B', when: { kind: 'score-range', min: 75, max: 90 } },
  { key: 'c', label: 'C', when: { kind: 'score-range', max: 75 } },
]);
const byPercentile = parseBands([
  { key: 'top10', label: '前10%', when: { kind: 'percentile', from: 0, to: 10 } },
  { key: 'middle', label: '中间', when: { kind: 'percentile', from: 10, to: 90 } },
  { key: 'bottom10', label: '后10%', when: { kind: 'percentile', from: 90, to: 100 } },
]);

describe('bands', () => {
  it('by rank range, with boundaries', () => {
    const key = (rank: number): string | undefined => assignBand({ rank, total: 86 }, byRank)?.key;
    expect([1, 10, 11, 30, 31, 86].map(key)).toEqual(['excellent', 'excellent', 'good', 'good', 'ordinary', 'ordinary']);
  });

  it('by score threshold: min inclusive, max exclusive', () => {
    const key = (score: number): string | undefined => assignBand({ rank: 1, total: 1, score }, byScore)?.key;
    expect([100, 90, 89.999, 75, 74.999, 0].map(key)).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
  });

  it('by percentile of rank: top 10% of 86 = ranks 1–8, bottom 10% = 78–86', () => {
    const key = (rank: number): string | undefined => assignBand({ rank, total: 86 }, byPercentile)?.key;
    expect([1, 8, 9, 77, 78, 86].map(key)).toEqual(['top10', 'top10', 'middle', 'middle', 'bottom10', 'bottom10']);
  });

  it('unranked items get no rank-based band', () => {
    expect(assignBand({ rank: null, total: 10 }, byRank)).toBeNull();
  });

  it('every ranked item of a full field gets exactly one band (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 150 }), (scores) => {
      const ranked = rankByScore(scores.map((score, i) => ({ id: String(i).padStart(3, '0'), score })));
      return [byRank, byPercentile].every((bands) => assignBands(ranked, bands).every((x) => x.band !== null));
    }));
  });

  it('rejects duplicate keys and bad selectors', () => {
    expect(() => parseBands([{ key: 'a', label: 'A', when: { kind: 'top', n: 1 } }, { key: 'a', label: 'B', when: { kind: 'top', n: 2 } }])).toThrow(/unique/);
    expect(() => parseBands([{ key: 'a', label: 'A', when: { kind: 'top', n: 0 } }])).toThrow(/EVALUATION|等次/);
  });
});
