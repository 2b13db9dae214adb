/**
 * Commendation candidates (表彰, seed 004): indicators that reached their annual target (or were
 * named a provincial 先进标杆) with their lead and key responsible units, and places ranked at the
 * top — shaped like the sections of a 表彰通报.
 */
import { parseAnnualTarget } from './annual-target.ts';
import { compareIds } from './rank.ts';

/** An indicator's provincial result with the units that carry it. */
export interface IndicatorAchievement {
  indicator: string;
  seq?: number;
  rank: number | null;
  annualTarget?: string | null;
  /** Named a 先进标杆 by the province (seed 004 section 一 commends on this ground). */
  benchmark?: boolean;
  leadUnits: readonly string[];
  keyResponsibleUnits: readonly string[];
}

/** A place's provincial rank (county, district …). */
export interface PlaceAchievement {
  kind: string;
  name: string;
  rank: number | null;
}

/** One award of section 一 of a 表彰通报: 牵头单位 and 重点责任单位 of an indicator. */
export interface IndicatorAward {
  seq: number;
  indicator: string;
  rank: number | null;
  annualTarget: string | null;
  reason: 'target-reached' | 'benchmark';
  leadUnits: string[];
  keyResponsibleUnits: string[];
}

/** Candidates for a 表彰通报: indicator awards (section 一) and places at the top (section 二, "长沙县（排名第一）"). */
export interface CommendationCandidates {
  indicatorAwards: IndicatorAward[];
  placeAwards: { kind: string; name: string; rank: number }[];
}

/** How far down places count as 排名前列: one N for all kinds or per kind; default 10. */
export interface CommendationOptions {
  placeTopN?: number | Readonly<Record<string, number>>;
}

function reason(i: IndicatorAchievement): IndicatorAward['reason'] | null {
  const target = parseAnnualTarget(i.annualTarget);
  if (i.rank !== null && target !== null && i.rank <= target) return 'target-reached';
  return i.benchmark ? 'benchmark' : null;
}

/** Picks commendation candidates; awards are ordered by rank, then plan order, and numbered from 1. */
export function commendationCandidates(
  indicators: readonly IndicatorAchievement[],
  places: readonly PlaceAchievement[],
  options: CommendationOptions = {},
): CommendationCandidates {
  const picked = indicators
    .map((i, index) => ({ i, index, why: reason(i) }))
    .filter((x): x is { i: IndicatorAchievement; index: number; why: IndicatorAward['reason'] } => x.why !== null)
    .sort((a, b) => (a.i.rank ?? Infinity) - (b.i.rank ?? Infinity) || (a.i.seq ?? a.index) - (b.i.seq ?? b.index));
  const indicatorAwards = picked.map(({ i, why }, n) => ({
    seq: n + 1,
    indicator: i.indicator,
    rank: i.rank,
    annualTarget: i.annualTarget ?? null,
    reason: why,
    leadUnits: [...i.leadUnits],
    keyResponsibleUnits: i.keyResponsibleUnits.filter((u) => !i.leadUnits.includes(u)),
  }));
  const topN = (kind: string): number => {
    const o = options.placeTopN;
    return typeof o === 'number' ? o : (o?.[kind] ?? 10);
  };
  const placeAwards = places
    .filter((p): p is PlaceAchievement & { rank: number } => p.rank !== null && p.rank <= topN(p.kind))
    .map((p) => ({ kind: p.kind, name: p.name, rank: p.rank }))
    .sort((a, b) => a.rank - b.rank || compareIds(a.name, b.name));
  return { indicatorAwards, placeAwards };
}
