// 评价考核: rounds of a plan, the ranks entered for them, results with consequences, what-if, the
// XLSX template/import/export and the internal unit assessment (标准量化). Shapes follow
// src/server/routes/assessment.schema.ts.
import { ApiError, request, uploadFile } from './client.ts';

export interface FieldSizes {
  indicator: number;
  county: number;
  district: number;
  park: number;
}

export interface Round {
  id: number;
  planId: number;
  title: string;
  period: string;
  methodologyKey: string | null;
  methodologyVersion: string | null;
  fieldSizes: FieldSizes;
  createdAt: string;
  updatedAt: string;
  indicatorRanks?: number;
  placeRanks?: number;
  permissions: { manage: boolean };
}

export interface RoundInput {
  title: string;
  period: string;
  methodologyKey?: string | null;
  methodologyVersion?: string | null;
  fieldSizes?: Partial<FieldSizes>;
}

export type PlaceKind = 'county' | 'district' | 'park';
export interface Band {
  key: string;
  label: string;
}
/** A unit named in a consequence; `id` is null when the plan names a unit not in the register. */
export interface NamedUnit {
  id: number | null;
  name: string;
}

export interface IndicatorResult {
  indicatorId: number;
  seq: number;
  name: string;
  annualTarget: string | null;
  targetRank: number | null;
  rank: number | null;
  total: number;
  score: number | null;
  targetMet: boolean | null;
  band: Band | null;
  leadUnits: NamedUnit[];
  responsibleUnits: NamedUnit[];
}

export interface PlaceResult {
  regionId: number;
  name: string;
  rank: number | null;
  score: number | null;
  band: Band | null;
}

export interface PlaceGroup {
  kind: PlaceKind;
  label: string;
  total: number;
  items: PlaceResult[];
}

export interface Consequence {
  ruleId: string;
  action: string;
  actionLabel: string;
  subjectKind: string;
  subjectId: number;
  subject: string;
  rank: number;
  total: number;
  condition: string;
  quote: string | null;
  source: string | null;
  units: NamedUnit[];
  persons: string[];
}

export interface IndicatorAward {
  seq: number;
  indicator: string;
  rank: number | null;
  annualTarget: string | null;
  reason: 'target-reached' | 'benchmark';
  leadUnits: string[];
  keyResponsibleUnits: string[];
}

export interface Results {
  round: Omit<Round, 'createdAt' | 'updatedAt' | 'permissions' | 'indicatorRanks' | 'placeRanks'>;
  /** null: the plan has no assessment rules, so no consequences are computed. */
  rules: { id: string; version: string; label: string; source: string | null } | null;
  indicators: IndicatorResult[];
  places: PlaceGroup[];
  consequences: Consequence[];
  skipped: { subjectKind: string; subject: string; ruleId: string; reason: string }[];
  commendations: {
    indicatorAwards: IndicatorAward[];
    placeAwards: { kind: string; name: string; rank: number }[];
  };
}

export interface WhatIfResults extends Results {
  changes: { added: Consequence[]; removed: Consequence[] };
}

/** One problem of a refused import, as the server names it (sheet, row, column). */
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface Weights {
  onTimeReport: number;
  completion: number;
  overdue: number;
  returned: number;
  extensions: number;
}

export interface UnitScore {
  unitId: number;
  unit: string;
  period: string;
  tasks: number;
  onTimeReportRate: number;
  completionRate: number;
  overdueTasks: number;
  returnedReports: number;
  extensions: number;
  score: number | null;
  rank: number | null;
  parts: Weights;
}

export interface UnitAssessment {
  period: { key: string; label: string; start: string; end: string };
  weights: Weights;
  units: UnitScore[];
  best: { unitId: number; unit: string }[];
  worst: { unitId: number; unit: string }[];
}

export function fetchRounds(planId: number, signal?: AbortSignal): Promise<{ items: Round[] }> {
  return request(`/api/plans/${planId}/assessment-rounds`, { signal });
}

export function createRound(planId: number, body: RoundInput): Promise<Round> {
  return request(`/api/plans/${planId}/assessment-rounds`, { method: 'POST', body });
}

export function fetchRound(id: number, signal?: AbortSignal): Promise<Round> {
  return request(`/api/assessment-rounds/${id}`, { signal });
}

export function updateRound(id: number, body: Partial<RoundInput>): Promise<Round> {
  return request(`/api/assessment-rounds/${id}`, { method: 'PATCH', body });
}

export function fetchResults(id: number, signal?: AbortSignal): Promise<Results> {
  return request(`/api/assessment-rounds/${id}/results`, { signal });
}

export interface RankItem {
  rank: number;
  score?: number | null;
}

export function putIndicatorRanks(id: number, items: (RankItem & { indicatorId: number })[]): Promise<Results> {
  return request(`/api/assessment-rounds/${id}/indicator-ranks`, { method: 'PUT', body: { items } });
}

export function putPlaceRanks(id: number, items: (RankItem & { regionId: number })[]): Promise<Results> {
  return request(`/api/assessment-rounds/${id}/place-ranks`, { method: 'PUT', body: { items } });
}

/** Hypothetical ranks by indicator / region id (null: not ranked). Nothing is written. */
export interface WhatIfInput {
  indicatorRanks?: Record<string, number | null>;
  placeRanks?: Record<string, number | null>;
}

export function runWhatIf(id: number, body: WhatIfInput): Promise<WhatIfResults> {
  return request(`/api/assessment-rounds/${id}/what-if`, { method: 'POST', body });
}

export function templateUrl(id: number): string {
  return `/api/assessment-rounds/${id}/template.xlsx`;
}

export function resultsXlsxUrl(id: number): string {
  return `/api/assessment-rounds/${id}/results.xlsx`;
}

/** The problems listed in a refused import (ASSESSMENT_IMPORT_INVALID), or [] for other errors. */
export function importProblems(e: unknown): ImportProblem[] {
  if (!(e instanceof ApiError)) return [];
  const details = e.details as { problems?: unknown } | undefined;
  return Array.isArray(details?.problems) ? (details.problems as ImportProblem[]) : [];
}

/** Sends the filled template as the raw body; all-or-nothing on the server. */
export function importTemplate(id: number, file: Blob): Promise<Results & { imported: { indicators: number; places: number } }> {
  return uploadFile<Results & { imported: { indicators: number; places: number } }>(`/api/assessment-rounds/${id}/import`, file);
}

export function fetchUnitAssessment(planId: number, period: string | undefined, signal?: AbortSignal): Promise<UnitAssessment> {
  return request(`/api/plans/${planId}/unit-assessment`, { query: period ? { period } : {}, signal });
}

/** Saves the unit-assessment weights; null restores the defaults. */
export function putUnitWeights(planId: number, weights: Weights | null): Promise<{ weights: Weights }> {
  return request(`/api/plans/${planId}/unit-assessment-weights`, { method: 'PUT', body: { weights } });
}
