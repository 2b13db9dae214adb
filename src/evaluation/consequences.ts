/**
 * Applies consequence rules to provincial results: indicator ranks (with their annual target
 * and units) and place ranks (counties, districts, parks). Each outcome records the rule, the
 * rank and the units / persons it falls on, so a 约谈 list can cite its basis.
 */
import { parseAnnualTarget } from './annual-target.ts';
import type { ConsequenceRule, ConsequenceRuleSet } from './consequence-rules.ts';
import { EVALUATION_ERRORS, evaluationError } from './errors.ts';
import { describeSelector, matches } from './selectors.ts';

/** An indicator's provincial rank with its plan data (年度目标, 牵头单位, 责任单位). */
export interface IndicatorStanding {
  indicator: string;
  rank: number | null;
  total?: number;
  annualTarget?: string | null;
  leadUnits: readonly string[];
  responsibleUnits: readonly string[];
}

/** A place's provincial rank; kind is a subject of the rule set (county, district, park). */
export interface PlaceStanding {
  kind: string;
  name: string;
  rank: number | null;
  total?: number;
}

/** One consequence that a rule triggers. */
export interface ConsequenceOutcome {
  ruleId: string;
  action: string;
  actionLabel: string;
  subjectKind: string;
  subject: string;
  rank: number;
  total: number;
  condition: string;
  units: string[];
  persons: string[];
  quote?: string;
  source?: string;
}

/** Outcomes, plus rules that could not be checked (no rank, unreadable target) so nothing is dropped silently. */
export interface ConsequenceReport {
  outcomes: ConsequenceOutcome[];
  skipped: { subjectKind: string; subject: string; ruleId: string; reason: string }[];
}

interface Standing {
  kind: string;
  name: string;
  rank: number | null;
  total: number;
  target: number | null;
  targetText: string | null;
  units: { leadUnits: readonly string[]; responsibleUnits: readonly string[] };
}

function unitsFor(rule: ConsequenceRule, s: Standing): string[] {
  const out: string[] = [];
  for (const who of rule.on) {
    const list = who === 'place' ? [s.name] : s.units[who];
    for (const u of list) if (!out.includes(u)) out.push(u);
  }
  return out;
}

function check(set: ConsequenceRuleSet, s: Standing, at: string, report: ConsequenceReport): void {
  if (s.rank !== null && (!Number.isInteger(s.rank) || s.rank < 1 || s.rank > s.total)) {
    throw evaluationError(EVALUATION_ERRORS.inputInvalid, `"${s.name}" 的排名 ${s.rank} 不在 1—${s.total} 之间`, at);
  }
  for (const rule of set.rules) {
    if (rule.subject !== s.kind) continue;
    const skip = (reason: string): void => void report.skipped.push({ subjectKind: s.kind, subject: s.name, ruleId: rule.id, reason });
    if (s.rank === null) {
      skip('无排名');
      continue;
    }
    if (rule.when.kind === 'target-missed' && s.target === null) {
      skip(`年度目标无法识别：${s.targetText ?? '（空）'}`);
      continue;
    }
    if (!matches(rule.when, { rank: s.rank, total: s.total, target: s.target })) continue;
    report.outcomes.push({
      ruleId: rule.id,
      action: rule.action,
      actionLabel: set.actions[rule.action] ?? rule.action,
      subjectKind: s.kind,
      subject: s.name,
      rank: s.rank,
      total: s.total,
      condition: rule.when.kind === 'target-missed' ? `未达成年度目标（${s.targetText ?? ''}）` : describeSelector(rule.when, s.total),
      units: unitsFor(rule, s),
      persons: [...rule.persons],
      ...(rule.quote === undefined ? {} : { quote: rule.quote }),
      ...(set.source === undefined ? {} : { source: set.source }),
    });
  }
}

function fieldSize(set: ConsequenceRuleSet, kind: string, total: number | undefined, at: string): number {
  const subject = set.subjects[kind];
  if (!subject) throw evaluationError(EVALUATION_ERRORS.inputInvalid, `考核规则 ${set.id} 没有对象类别 "${kind}"`, at);
  return total ?? subject.total;
}

/** Applies the rule set to indicator and place standings (seed 000: 约谈 / 不得评优 / 追责问责). */
export function applyConsequences(
  set: ConsequenceRuleSet,
  indicators: readonly IndicatorStanding[],
  places: readonly PlaceStanding[],
): ConsequenceReport {
  const report: ConsequenceReport = { outcomes: [], skipped: [] };
  indicators.forEach((i, n) => {
    const at = `indicators[${n}]`;
    const text = i.annualTarget ?? null;
    const total = fieldSize(set, 'indicator', i.total, at);
    const units = { leadUnits: i.leadUnits, responsibleUnits: i.responsibleUnits };
    check(set, { kind: 'indicator', name: i.indicator, rank: i.rank, total, target: parseAnnualTarget(text), targetText: text, units }, at, report);
  });
  places.forEach((p, n) => {
    const at = `places[${n}]`;
    const total = fieldSize(set, p.kind, p.total, at);
    check(set, { kind: p.kind, name: p.name, rank: p.rank, total, target: null, targetText: null, units: { leadUnits: [], responsibleUnits: [] } }, at, report);
  });
  return report;
}
