/**
 * Results of an assessment round, computed from the entered ranks and the plan's rules with the
 * pure evaluation engine: indicator table (rank vs 年度目标 前N名), place tables by level with
 * bands, consequences with rule, rank and the units they fall on, commendation candidates.
 * Pure: the same data and overrides always give the same results (what-if relies on it).
 */
import { applyConsequences, assignBand, commendationCandidates, parseAnnualTarget } from '../../../evaluation/index.ts';
import type { CommendationCandidates, ConsequenceRuleSet } from '../../../evaluation/index.ts';
import type { FieldSizes } from '../../../db/assessment-schema.ts';
import { PLACE_KINDS, SUBJECT_LABELS, type BandSet, type PlaceKind } from './assessment-settings.ts';

export interface UnitRef { id: number | null; name: string }

/** Everything results are computed from (loaded by results.ts). */
export interface AssessmentData {
  round: { id: number; planId: number; title: string; period: string; methodologyKey: string | null; methodologyVersion: string | null; fieldSizes: FieldSizes };
  /** null: the plan has no assessment rules. */
  rules: ConsequenceRuleSet | null;
  bands: BandSet;
  indicators: { id: number; seq: number; name: string; annualTarget: string | null; leadUnits: UnitRef[]; responsibleUnits: UnitRef[]; rank: number | null; score: number | null }[];
  places: { regionId: number; name: string; kind: PlaceKind; rank: number | null; score: number | null }[];
}

/** What-if overrides: rank by indicator id / region id; null clears a rank. */
export interface RankOverrides {
  indicatorRanks?: Record<string, number | null>;
  placeRanks?: Record<string, number | null>;
}

export interface BandRef { key: string; label: string }

export interface IndicatorResult {
  indicatorId: number; seq: number; name: string; annualTarget: string | null; targetRank: number | null;
  rank: number | null; total: number; score: number | null; targetMet: boolean | null; band: BandRef | null;
  leadUnits: UnitRef[]; responsibleUnits: UnitRef[];
}

export interface PlaceResult { regionId: number; name: string; rank: number | null; score: number | null; band: BandRef | null }

export interface ConsequenceResult {
  ruleId: string; action: string; actionLabel: string; subjectKind: string; subjectId: number; subject: string;
  rank: number; total: number; condition: string; quote: string | null; source: string | null; units: UnitRef[]; persons: string[];
}

export interface AssessmentResults {
  round: AssessmentData['round'];
  /** null: the plan has no assessment rules, and no consequences are computed. */
  rules: { id: string; version: string; label: string; source: string | null } | null;
  indicators: IndicatorResult[];
  places: { kind: PlaceKind; label: string; total: number; items: PlaceResult[] }[];
  consequences: ConsequenceResult[];
  skipped: { subjectKind: string; subject: string; ruleId: string; reason: string }[];
  commendations: CommendationCandidates;
}

function band(bands: BandSet, kind: string, rank: number | null, total: number, score: number | null): BandRef | null {
  const b = assignBand({ rank, total, score }, bands[kind] ?? []);
  return b ? { key: b.key, label: b.label } : null;
}

/** Applies what-if overrides to a copy of the data. */
export function withOverrides(data: AssessmentData, o: RankOverrides): AssessmentData {
  const pick = (map: Record<string, number | null> | undefined, id: number, rank: number | null): number | null =>
    map && Object.hasOwn(map, String(id)) ? (map[String(id)] ?? null) : rank;
  return {
    ...data,
    indicators: data.indicators.map((i) => ({ ...i, rank: pick(o.indicatorRanks, i.id, i.rank) })),
    places: data.places.map((p) => ({ ...p, rank: pick(o.placeRanks, p.regionId, p.rank) })),
  };
}

function indicatorTable(data: AssessmentData): IndicatorResult[] {
  const total = data.round.fieldSizes.indicator;
  return data.indicators.map((i) => {
    const targetRank = parseAnnualTarget(i.annualTarget);
    return {
      indicatorId: i.id, seq: i.seq, name: i.name, annualTarget: i.annualTarget, targetRank, rank: i.rank, total, score: i.score,
      targetMet: i.rank === null || targetRank === null ? null : i.rank <= targetRank,
      band: band(data.bands, 'indicator', i.rank, total, i.score), leadUnits: i.leadUnits, responsibleUnits: i.responsibleUnits,
    };
  });
}

function placeTables(data: AssessmentData): AssessmentResults['places'] {
  return PLACE_KINDS.map((kind) => {
    const total = data.round.fieldSizes[kind];
    const items = data.places.filter((p) => p.kind === kind)
      .map((p) => ({ regionId: p.regionId, name: p.name, rank: p.rank, score: p.score, band: band(data.bands, kind, p.rank, total, p.score) }))
      // Ranked first, best first; unranked places after, in the order the region tree lists them.
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    return { kind, label: SUBJECT_LABELS[kind], total, items };
  });
}

function consequences(data: AssessmentData): Pick<AssessmentResults, 'consequences' | 'skipped'> {
  const sizes = data.round.fieldSizes;
  // No rules, no consequences: never another plan's rules (and 文号) by default.
  if (data.rules === null) return { consequences: [], skipped: [] };
  const report = applyConsequences(
    data.rules,
    data.indicators.map((i) => ({
      indicator: i.name, rank: i.rank, total: sizes.indicator, annualTarget: i.annualTarget,
      leadUnits: i.leadUnits.map((u) => u.name), responsibleUnits: i.responsibleUnits.map((u) => u.name),
    })),
    data.places.map((p) => ({ kind: p.kind, name: p.name, rank: p.rank, total: sizes[p.kind] })),
  );
  // The engine speaks in names; give the client ids back so lists link to units and places.
  const unitIds = new Map<string, number | null>();
  for (const i of data.indicators) for (const u of [...i.leadUnits, ...i.responsibleUnits]) unitIds.set(u.name, u.id);
  const subjectId = (kind: string, name: string): number =>
    (kind === 'indicator' ? data.indicators.find((i) => i.name === name)?.id : data.places.find((p) => p.kind === kind && p.name === name)?.regionId) ?? 0;
  return {
    consequences: report.outcomes.map((o) => ({
      ruleId: o.ruleId, action: o.action, actionLabel: o.actionLabel, subjectKind: o.subjectKind, subjectId: subjectId(o.subjectKind, o.subject),
      subject: o.subject, rank: o.rank, total: o.total, condition: o.condition, quote: o.quote ?? null, source: o.source ?? null,
      units: o.units.map((name) => ({ id: unitIds.get(name) ?? null, name })), persons: o.persons,
    })),
    skipped: report.skipped,
  };
}

/** Computes the results of a round (pure). */
export function computeResults(data: AssessmentData): AssessmentResults {
  const commendations = commendationCandidates(
    data.indicators.map((i) => ({
      indicator: i.name, seq: i.seq, rank: i.rank, annualTarget: i.annualTarget,
      leadUnits: i.leadUnits.map((u) => u.name), keyResponsibleUnits: i.responsibleUnits.map((u) => u.name),
    })),
    data.places.map((p) => ({ kind: p.kind, name: p.name, rank: p.rank })),
  );
  const r = data.rules;
  return {
    round: data.round,
    rules: r === null ? null : { id: r.id, version: r.version, label: r.label, source: r.source ?? null },
    indicators: indicatorTable(data),
    places: placeTables(data),
    ...consequences(data),
    commendations,
  };
}
