// A plan's assessment rules (rank bands → 约谈 / 不得评优 / 追责问责) and the templates an office may
// start from; the types are the generated ones of the evaluation engine's rule-set schema.
import { call } from './client.ts';
import type { Ok } from './contract.ts';

export type AssessmentSettings = Ok<'/api/plans/{id}/assessment-settings', 'get'>;
export type ConsequenceRuleSet = NonNullable<AssessmentSettings['consequenceRules']>;
export type ConsequenceRule = ConsequenceRuleSet['rules'][number];
export type RuleCondition = ConsequenceRule['when'];
export type RuleTarget = ConsequenceRule['on'][number];
export type RuleTemplate = Ok<'/api/plans/{id}/assessment-rule-templates', 'get'>['templates'][number];

export function fetchAssessmentSettings(planId: number, signal?: AbortSignal) {
  return call('get', '/api/plans/{id}/assessment-settings', { path: { id: planId }, signal });
}

export function fetchRuleTemplates(planId: number, signal?: AbortSignal) {
  return call('get', '/api/plans/{id}/assessment-rule-templates', { path: { id: planId }, signal });
}

/** Saves the plan's rules; null removes them (the plan then computes no consequences). */
export function saveAssessmentRules(planId: number, consequenceRules: ConsequenceRuleSet | null) {
  return call('put', '/api/plans/{id}/assessment-rules', { path: { id: planId }, body: { consequenceRules } });
}
