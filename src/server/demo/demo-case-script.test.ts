/**
 * The demo's case script is playable: every step, in date order, is one the loop allows in the
 * state the earlier steps left the case in (the same rules the use cases apply), and the demo day
 * finds cases from every source in every state.
 */
import { describe, expect, it } from 'vitest';
import { CASE_SOURCES, CASE_STATES, nextState, stepAllowed, type CaseState } from '../../domain/cases/case-model.ts';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { caseScript, type CaseAction } from './demo-case-script.ts';
import type { ScriptTask } from './demo-script.ts';

const calendar = new WorkCalendar();
const tasks: ScriptTask[] = [
  { id: 1, text: '深化企业开办标准化规范化改革，推行“一网通办”', dueOn: '2023-12-31', lead: 11, responsible: [12] },
  { id: 2, text: '低压小微企业办电环节不超过2个', dueOn: '2023-09-30', lead: 13, responsible: [] },
  { id: 3, text: '推动“互联网+不动产登记”智慧化发展', dueOn: null, lead: 14, responsible: [11, 12] },
];

const STEP: Partial<Record<CaseAction['kind'], 'assign' | 'sign' | 'note' | 'reply' | 'accept' | 'return' | 'visit' | 'close' | 'extend' | 'urge'>> = {
  'case-assign': 'assign', 'case-sign': 'sign', 'case-note': 'note', 'case-reply': 'reply', 'case-visit': 'visit', 'case-close': 'close',
  'case-extension': 'extend', 'case-extension-decide': 'extend', 'case-urge': 'urge',
};

describe('the demo case script', () => {
  const events = caseScript({ tasks, start: '2023-03-15', until: '2023-07-06', seed: 2040, count: 100 }, calendar);

  it('plays every step in a state that allows it, ending in every state', () => {
    const state = new Map<number, CaseState>();
    const linked = new Set<number>();
    const sources = new Map<number, string>();
    for (const e of events) {
      const a = e.action;
      if (a.kind === 'case-create') { state.set(a.key, 'registered'); sources.set(a.key, a.input.source); continue; }
      if (a.kind === 'case-link') { linked.add(a.key); continue; }
      // A 督办单 is issued through a linked task (the use case refuses it otherwise).
      if (a.kind === 'case-urge' && a.urge === 'order') expect(linked.has(a.key), `${e.day} case ${a.key}: 督办单 without a linked task`).toBe(true);
      const from = state.get(a.key);
      expect(from, `case ${a.key} exists before ${a.kind}`).toBeDefined();
      const step = a.kind === 'case-review' ? (a.accept ? 'accept' : 'return') : STEP[a.kind]!;
      expect(stepAllowed(from!, step), `${e.day} case ${a.key}: ${a.kind} in ${from}`).toBe(true);
      state.set(a.key, nextState(from!, step, a.kind === 'case-visit' ? a.satisfaction : undefined));
    }
    expect(state.size).toBe(100);
    expect(new Set(sources.values())).toEqual(new Set(CASE_SOURCES));
    expect(new Set(state.values())).toEqual(new Set(CASE_STATES));
    expect(events.every((e) => e.day <= '2023-07-06')).toBe(true);
  });

  it('is the same on every run', () => {
    expect(caseScript({ tasks, start: '2023-03-15', until: '2023-07-06', seed: 2040, count: 100 }, calendar)).toEqual(events);
  });
});
