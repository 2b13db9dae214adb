// A plan's assessment rules (rank bands → 约谈 / 不得评优 / 追责问责) and the templates an office may
// start from. Shapes follow src/evaluation/consequence-rules.ts and src/server/routes/assessment.schema.ts.
import { request } from './client.ts';

export type RuleTarget = 'leadUnits' | 'responsibleUnits' | 'place';

/** One condition; only the kinds the editor offers are typed, others pass through unchanged. */
export type RuleCondition =
  | { kind: 'rank-range'; from: number; to?: number }
  | { kind: 'top' | 'outside-top' | 'bottom'; n: number }
  | { kind: 'target-missed' };

export interface ConsequenceRule {
  id: string;
  subject: string;
  when: RuleCondition;
  action: string;
  on: RuleTarget[];
  persons: string[];
  quote?: string;
}

export interface ConsequenceRuleSet {
  id: string;
  version: string;
  label: string;
  source?: string;
  actions: Record<string, string>;
  subjects: Record<string, { label: string; total: number; note?: string }>;
  rules: ConsequenceRule[];
}

export interface RuleTemplate { key: string; label: string; rules: ConsequenceRuleSet }

export interface AssessmentSettings { consequenceRules: ConsequenceRuleSet | null; custom: { rules: boolean } }

export function fetchAssessmentSettings(planId: number, signal?: AbortSignal): Promise<AssessmentSettings> {
  return request<AssessmentSettings>(`/api/plans/${planId}/assessment-settings`, { signal });
}

export function fetchRuleTemplates(planId: number, signal?: AbortSignal): Promise<{ templates: RuleTemplate[] }> {
  return request<{ templates: RuleTemplate[] }>(`/api/plans/${planId}/assessment-rule-templates`, { signal });
}

/** Saves the plan's rules; null removes them (the plan then computes no consequences). */
export function saveAssessmentRules(planId: number, consequenceRules: ConsequenceRuleSet | null): Promise<AssessmentSettings> {
  return request<AssessmentSettings>(`/api/plans/${planId}/assessment-rules`, { method: 'PUT', body: { consequenceRules } });
}
