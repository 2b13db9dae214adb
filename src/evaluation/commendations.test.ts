import { describe, expect, it } from 'vitest';
import { commendationCandidates } from './commendations.ts';
import type { IndicatorAchievement } from './commendations.ts';

const ind = (indicator: string, rank: number | null, annualTarget: string | null, extra: Partial<IndicatorAchievement> = {}): IndicatorAchievement => ({
  indicator, rank, annualTarget, leadUnits: ['市发展改革委'], keyResponsibleUnits: ['市发展改革委', '市教育局', '市科技局'], ...extra,
});

describe('commendation candidates (seed 004 表彰通报)', () => {
  it('indicators that reached the annual target, with lead and key responsible units, ordered by rank', () => {
    const c = commendationCandidates([
      ind('政务服务', 3, '前5名', { seq: 14 }),
      ind('包容普惠创新', 1, '前4名', { seq: 19 }),
      ind('获得电力', 6, '前5名', { seq: 3 }),
      ind('纳税', 4, '前4名', { seq: 7 }),
    ], []);
    expect(c.indicatorAwards.map((a) => [a.seq, a.indicator, a.rank])).toEqual([[1, '包容普惠创新', 1], [2, '政务服务', 3], [3, '纳税', 4]]);
    // The lead unit is not repeated among the 重点责任单位 (as in seed 004).
    expect(c.indicatorAwards[0]).toMatchObject({ reason: 'target-reached', leadUnits: ['市发展改革委'], keyResponsibleUnits: ['市教育局', '市科技局'] });
  });

  it('a provincial 先进标杆 is commended even without a readable target', () => {
    const c = commendationCandidates([ind('惠企政策落实', 2, null, { benchmark: true }), ind('市场监管', 2, null)], []);
    expect(c.indicatorAwards.map((a) => [a.indicator, a.reason])).toEqual([['惠企政策落实', 'benchmark']]);
  });

  it('places ranked at the top (seed 004: 长沙县 排名第一, 天心区 排名第七), default top 10', () => {
    const c = commendationCandidates([], [
      { kind: 'district', name: '天心区', rank: 7 },
      { kind: 'county', name: '长沙县', rank: 1 },
      { kind: 'district', name: '岳麓区', rank: 11 },
      { kind: 'county', name: '宁乡市', rank: null },
    ]);
    expect(c.placeAwards).toEqual([{ kind: 'county', name: '长沙县', rank: 1 }, { kind: 'district', name: '天心区', rank: 7 }]);
    expect(commendationCandidates([], [{ kind: 'district', name: '天心区', rank: 7 }], { placeTopN: { district: 5 } }).placeAwards).toEqual([]);
  });
});
