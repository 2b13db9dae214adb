/**
 * Consequence rules (约谈 / 不得评优 / 追责问责) as data attached to a plan. A plan has no rules until
 * its office sets them; seed 000's rules (fixtures/methodology/shaoyang-2023.consequences.json) are a
 * template an office may pick and edit, never the default of another plan (they cite 邵阳's 文号).
 */
import { z } from 'zod';
import shaoyang2023 from '../../fixtures/methodology/shaoyang-2023.consequences.json' with { type: 'json' };
import { EVALUATION_ERRORS, evaluationError, formatPath } from './errors.ts';
import { SelectorSchema } from './selectors.ts';

const RuleSchema = z.strictObject({
  id: z.string().min(1),
  subject: z.string().min(1),
  when: SelectorSchema,
  action: z.string().min(1),
  // Whom it falls on: the indicator's lead / responsible units, or the ranked place itself.
  on: z.array(z.enum(['leadUnits', 'responsibleUnits', 'place'])).min(1),
  persons: z.array(z.string()).default([]),
  quote: z.string().optional(),
});

/** A rule set: actions with Chinese labels, subjects with field sizes (全省86个县市 …), rules. */
export const ConsequenceRuleSetSchema = z
  .strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    label: z.string().min(1),
    source: z.string().optional(),
    actions: z.record(z.string(), z.string().min(1)),
    subjects: z.record(z.string(), z.strictObject({ label: z.string().min(1), total: z.number().int().positive(), note: z.string().optional() })),
    rules: z.array(RuleSchema).min(1),
  })
  .superRefine((set, ctx) => {
    const ids = new Set<string>();
    set.rules.forEach((r, i) => {
      const issue = (message: string): void => ctx.addIssue({ code: 'custom', message, path: ['rules', i] });
      if (ids.has(r.id)) issue(`duplicate rule id ${r.id}`);
      ids.add(r.id);
      const subject = set.subjects[r.subject];
      if (!subject) issue(`unknown subject ${r.subject}`);
      if (!(r.action in set.actions)) issue(`unknown action ${r.action}`);
      const w = r.when;
      if (subject && w.kind === 'rank-range' && (w.to ?? subject.total) > subject.total) issue('rank range beyond the field size');
      if (subject && (w.kind === 'bottom' || w.kind === 'top' || w.kind === 'outside-top') && w.n > subject.total) issue('n beyond the field size');
    });
  });

export type ConsequenceRuleSet = z.output<typeof ConsequenceRuleSetSchema>;
export type ConsequenceRule = ConsequenceRuleSet['rules'][number];

/** Validates a rule set; throws EVALUATION_RULES_INVALID naming the first bad field. */
export function parseConsequenceRules(data: unknown): ConsequenceRuleSet {
  const r = ConsequenceRuleSetSchema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw evaluationError(EVALUATION_ERRORS.rulesInvalid, `考核规则数据无效：${issue?.message ?? ''}`, formatPath(issue?.path ?? []));
}

/** A template an office may start its plan's rules from. */
export interface ConsequenceRuleTemplate { key: string; label: string; rules: ConsequenceRuleSet }

let templates: ConsequenceRuleTemplate[] | undefined;

/** The rule templates (today seed 000's, 邵市政办函〔2023〕9号), validated at first use. */
export function consequenceRuleTemplates(): readonly ConsequenceRuleTemplate[] {
  templates ??= [{ key: 'shaoyang-2023', label: '邵阳市2023年考核规则（邵市政办函〔2023〕9号）', rules: parseConsequenceRules(shaoyang2023) }];
  return templates;
}

/** One template's rules by key, or undefined. */
export function consequenceRuleTemplate(key: string): ConsequenceRuleSet | undefined {
  return consequenceRuleTemplates().find((t) => t.key === key)?.rules;
}

/** The rules attached to a plan, validated, or null when the plan has none (no consequences are computed). */
export function rulesForPlan(plan: { consequenceRules?: unknown }): ConsequenceRuleSet | null {
  return plan.consequenceRules === undefined || plan.consequenceRules === null ? null : parseConsequenceRules(plan.consequenceRules);
}
