/**
 * The evaluation engine's public surface: methodologies as data (DB2020, the China template),
 * scoring, ranking, bands, consequence rules (seed 000), unit assessment and commendations.
 * Pure: no server, no database (lint enforces it).
 */
export { parseAnnualTarget } from './annual-target.ts';
export { assignBand, assignBands, parseBands } from './bands.ts';
export type { Band } from './bands.ts';
export { chinaTemplate, editMethodology, findTopicByName } from './china-template.ts';
export type { ComponentEdit, MethodologyEdits } from './china-template.ts';
export { commendationCandidates } from './commendations.ts';
export type { CommendationCandidates, CommendationOptions, IndicatorAchievement, IndicatorAward, PlaceAchievement } from './commendations.ts';
export { componentScore, linearScore } from './component-score.ts';
export { consequenceRuleTemplate, consequenceRuleTemplates, parseConsequenceRules, rulesForPlan } from './consequence-rules.ts';
export type { ConsequenceRule, ConsequenceRuleSet, ConsequenceRuleTemplate } from './consequence-rules.ts';
export { applyConsequences } from './consequences.ts';
export type { ConsequenceOutcome, ConsequenceReport, IndicatorStanding, PlaceStanding } from './consequences.ts';
export { EVALUATION_ERRORS } from './errors.ts';
export type { EvaluationErrorCode } from './errors.ts';
export { evaluate } from './evaluate.ts';
export type { EvaluationResult, RankedScore } from './evaluate.ts';
export { validateEvaluationInput } from './evaluation-input.ts';
export type { EvaluationInput } from './evaluation-input.ts';
export { getMethodology, methodologyIds } from './methodologies.ts';
export { parseMethodology } from './methodology-schema.ts';
export type { Methodology, MethodologyComponent, MethodologyTopic } from './methodology-schema.ts';
export { overallScore, scoreGroup, scorePlace } from './place-score.ts';
export type { GroupInput, PlaceInput, PlaceScore } from './place-score.ts';
export { rankByScore } from './rank.ts';
export type { RankOptions, Rankable } from './rank.ts';
export { describeSelector, matches } from './selectors.ts';
export type { Position, Selector } from './selectors.ts';
export { scoreTopic } from './topic-score.ts';
export type { RawValue, TopicScore, TopicValues } from './topic-score.ts';
export { DEFAULT_ASSESSMENT_WEIGHTS, assessUnits, unitScore } from './unit-assessment.ts';
export type { AssessmentWeights, PeriodAssessment, UnitAssessment, UnitPeriodInput } from './unit-assessment.ts';
