// 评价考核: rounds of a plan, the ranks entered for them, results with consequences, what-if, the
// XLSX template/import/export and the internal unit assessment (标准量化). Every type is the
// generated one of src/server/routes/assessment.schema.ts.
import { ApiError, call, uploadFile } from './client.ts';
import type { Body, Item, Ok } from './contract.ts';

export type Round = Ok<'/api/assessment-rounds/{id}', 'get'>;
export type RoundInput = Body<'/api/plans/{id}/assessment-rounds', 'post'>;
export type FieldSizes = Round['fieldSizes'];

export type Results = Ok<'/api/assessment-rounds/{id}/results', 'get'>;
export type WhatIfResults = Ok<'/api/assessment-rounds/{id}/what-if', 'post'>;
export type IndicatorResult = Results['indicators'][number];
export type PlaceGroup = Results['places'][number];
export type PlaceKind = PlaceGroup['kind'];
export type PlaceResult = PlaceGroup['items'][number];
export type Band = NonNullable<IndicatorResult['band']>;
/** A unit named in a consequence; `id` is null when the plan names a unit not in the register. */
export type NamedUnit = IndicatorResult['leadUnits'][number];
export type Consequence = Results['consequences'][number];
export type IndicatorAward = Results['commendations']['indicatorAwards'][number];

export type UnitAssessment = Ok<'/api/plans/{id}/unit-assessment', 'get'>;
export type Weights = UnitAssessment['weights'];
export type UnitScore = UnitAssessment['units'][number];

export type RankItem = Omit<Item<Body<'/api/assessment-rounds/{id}/indicator-ranks', 'put'>>, 'indicatorId'>;
/** Hypothetical ranks by indicator / region id (null: not ranked). Nothing is written. */
export type WhatIfInput = Body<'/api/assessment-rounds/{id}/what-if', 'post'>;

/** One problem of a refused import, as the server names it (sheet, row, column): the error's details. */
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export function fetchRounds(planId: number, signal?: AbortSignal) {
  return call('get', '/api/plans/{id}/assessment-rounds', { path: { id: planId }, signal });
}

export function createRound(planId: number, body: RoundInput) {
  return call('post', '/api/plans/{id}/assessment-rounds', { path: { id: planId }, body });
}

export function fetchRound(id: number, signal?: AbortSignal) {
  return call('get', '/api/assessment-rounds/{id}', { path: { id }, signal });
}

export function updateRound(id: number, body: Body<'/api/assessment-rounds/{id}', 'patch'>) {
  return call('patch', '/api/assessment-rounds/{id}', { path: { id }, body });
}

export function fetchResults(id: number, signal?: AbortSignal) {
  return call('get', '/api/assessment-rounds/{id}/results', { path: { id }, signal });
}

export function putIndicatorRanks(id: number, items: Body<'/api/assessment-rounds/{id}/indicator-ranks', 'put'>['items']) {
  return call('put', '/api/assessment-rounds/{id}/indicator-ranks', { path: { id }, body: { items } });
}

export function putPlaceRanks(id: number, items: Body<'/api/assessment-rounds/{id}/place-ranks', 'put'>['items']) {
  return call('put', '/api/assessment-rounds/{id}/place-ranks', { path: { id }, body: { items } });
}

export function runWhatIf(id: number, body: WhatIfInput) {
  return call('post', '/api/assessment-rounds/{id}/what-if', { path: { id }, body });
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
export function importTemplate(id: number, file: Blob): Promise<Ok<'/api/assessment-rounds/{id}/import', 'post'>> {
  return uploadFile(`/api/assessment-rounds/${id}/import`, file);
}

export function fetchUnitAssessment(planId: number, period: string | undefined, signal?: AbortSignal) {
  return call('get', '/api/plans/{id}/unit-assessment', { path: { id: planId }, query: { period }, signal });
}

/** Saves the unit-assessment weights; null restores the defaults. */
export function putUnitWeights(planId: number, weights: Weights | null) {
  return call('put', '/api/plans/{id}/unit-assessment-weights', { path: { id: planId }, body: { weights } });
}
