import { describe, expect, it } from 'vitest';
import { parseAnnualTarget } from './annual-target.ts';
import { consequenceRuleTemplate, consequenceRuleTemplates, parseConsequenceRules, rulesForPlan } from './consequence-rules.ts';
import { applyConsequences } from './consequences.ts';
import type { IndicatorStanding } from './consequences.ts';

const shaoyang = consequenceRuleTemplate('shaoyang-2023');
if (!shaoyang) throw new Error('seed 000 template missing');
const rules = shaoyang;
const placeActions = (kind: string, rank: number): string[] =>
  applyConsequences(rules, [], [{ kind, name: 'X', rank }]).outcomes.map((o) => o.action);

const indicator = (rank: number | null, annualTarget: string | null = '前5名'): IndicatorStanding => ({
  indicator: '开办企业',
  rank,
  annualTarget,
  leadUnits: ['市市场监管局'],
  responsibleUnits: ['市公安局', '市税务局', '市市场监管局'],
});

describe('seed 000 rules: counties (全省86个县市)', () => {
  // 约谈 outside the top 35; 不得评优 62–86 (良好等次); 追责问责 bottom 10 = 77–86.
  const cases: [number, string[]][] = [
    [1, []], [35, []], [36, ['interview']], [61, ['interview']],
    [62, ['interview', 'no-excellent-rating']], [76, ['interview', 'no-excellent-rating']],
    [77, ['interview', 'no-excellent-rating', 'accountability']], [86, ['interview', 'no-excellent-rating', 'accountability']],
  ];
  for (const [rank, actions] of cases) it(`rank ${rank} of 86 → ${actions.join(', ') || 'nothing'}`, () => expect(placeActions('county', rank)).toEqual(actions));
});

describe('seed 000 rules: districts (全省36个市辖区)', () => {
  const cases: [number, string[]][] = [
    [15, []], [16, ['interview']], [26, ['interview']], [27, ['interview', 'no-excellent-rating']],
    [31, ['interview', 'no-excellent-rating']], [32, ['interview', 'no-excellent-rating', 'accountability']], [36, ['interview', 'no-excellent-rating', 'accountability']],
  ];
  for (const [rank, actions] of cases) it(`rank ${rank} of 36 → ${actions.join(', ') || 'nothing'}`, () => expect(placeActions('district', rank)).toEqual(actions));
});

describe('seed 000 rules: parks (全省134个省级以上工业园区)', () => {
  const cases: [number, string[]][] = [
    [50, []], [51, ['interview']], [93, ['interview']], [94, ['interview', 'no-excellent-rating']],
    [119, ['interview', 'no-excellent-rating']], [120, ['interview', 'no-excellent-rating', 'accountability']], [134, ['interview', 'no-excellent-rating', 'accountability']],
  ];
  for (const [rank, actions] of cases) it(`rank ${rank} of 134 → ${actions.join(', ') || 'nothing'}`, () => expect(placeActions('park', rank)).toEqual(actions));
});

describe('seed 000 rules: indicators (annual target 前N名; 良好等次 11—14 of 14)', () => {
  const actions = (rank: number, target = '前5名'): string[] => applyConsequences(rules, [indicator(rank, target)], []).outcomes.map((o) => o.action);
  it('rank 5 with target 前5名 → nothing', () => expect(actions(5)).toEqual([]));
  it('rank 6 with target 前5名 → 约谈', () => expect(actions(6)).toEqual(['interview']));
  it('rank 3 with target 前3名 → nothing; rank 4 → 约谈', () => {
    expect(actions(3, '前3名')).toEqual([]);
    expect(actions(4, '前3名')).toEqual(['interview']);
  });
  it('rank 10 → 约谈 only', () => expect(actions(10)).toEqual(['interview']));
  it('rank 11 → 约谈, 不得评优, 追责问责', () => expect(actions(11)).toEqual(['interview', 'no-excellent-rating', 'accountability']));
  it('rank 14 → 约谈, 不得评优, 追责问责', () => expect(actions(14)).toEqual(['interview', 'no-excellent-rating', 'accountability']));

  it('outcomes record rule, rank, units (lead first, no duplicates) and persons', () => {
    const out = applyConsequences(rules, [indicator(12)], []).outcomes;
    expect(out.map((o) => o.ruleId)).toEqual(['indicator-target-missed', 'indicator-good-band-no-excellent', 'indicator-good-band-accountability']);
    expect(out[0]).toMatchObject({ subject: '开办企业', rank: 12, total: 14, actionLabel: '约谈', condition: '未达成年度目标（前5名）', units: ['市市场监管局', '市公安局', '市税务局'], persons: [] });
    expect(out[2]).toMatchObject({ actionLabel: '追责问责', condition: '第11—14名', persons: ['主要负责人', '分管领导', '科室责任人'] });
    expect(out[2]?.source).toContain('邵市政办函〔2023〕9号');
  });

  it('an unreadable target or a missing rank is reported as skipped, never silently dropped', () => {
    const r = applyConsequences(rules, [indicator(7, '力争进位'), indicator(null)], []);
    expect(r.outcomes.map((o) => o.ruleId)).toEqual([]);
    expect(r.skipped[0]).toMatchObject({ ruleId: 'indicator-target-missed', reason: '年度目标无法识别：力争进位' });
    expect(r.skipped.filter((s) => s.reason === '无排名')).toHaveLength(3);
  });

  it('rejects a rank outside the field and an unknown place kind', () => {
    expect(() => applyConsequences(rules, [], [{ kind: 'county', name: 'X', rank: 87 }])).toThrow(/1—86/);
    expect(() => applyConsequences(rules, [], [{ kind: 'village', name: 'X', rank: 1 }])).toThrow(/village/);
  });
});

describe('rule sets as data', () => {
  it('a plan without rules has none (never seed 000 by default); a plan with rules gets its own, validated', () => {
    expect(rulesForPlan({})).toBeNull();
    expect(rulesForPlan({ consequenceRules: null })).toBeNull();
    const own = { ...rules, id: 'own', rules: rules.rules.filter((r) => r.subject === 'county') };
    expect(rulesForPlan({ consequenceRules: own })?.rules).toHaveLength(3);
    expect(() => rulesForPlan({ consequenceRules: { ...own, rules: [{ ...own.rules[0], subject: 'town' }] } })).toThrow(/unknown subject town/);
  });

  it('seed 000 is offered as a template, citing its own 文号', () => {
    expect(consequenceRuleTemplates().map((t) => t.key)).toEqual(['shaoyang-2023']);
    expect(rules.source).toContain('邵市政办函〔2023〕9号');
    expect(consequenceRuleTemplate('nope')).toBeUndefined();
  });

  it('rejects a rank range beyond the field size', () => {
    const bad = { ...rules, rules: [{ id: 'x', subject: 'district', when: { kind: 'rank-range', from: 30, to: 40 }, action: 'interview', on: ['place'] }] };
    expect(() => parseConsequenceRules(bad)).toThrow(/EVALUATION_RULES_INVALID|beyond/);
  });
});

describe('parseAnnualTarget', () => {
  const cases: [string | null, number | null][] = [
    ['前5名', 5], ['前 3 名', 3], ['全省前三', 3], ['前十名', 10], ['前十四名', 14], ['第一名', 1], ['保持全省第1', 1], ['力争进位', null], [null, null], ['前0名', null],
  ];
  for (const [text, n] of cases) it(`${String(text)} → ${String(n)}`, () => expect(parseAnnualTarget(text)).toBe(n));
});
