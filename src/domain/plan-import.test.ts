import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deadlineDueOn, guessUnitKind, planImportFromDraft } from './plan-import.ts';

const gold = (n: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/gold/${n}.json`, import.meta.url), 'utf8'));

describe('planImportFromDraft', () => {
  it('reads a 10-column table plan with indicators and sub-indicators', () => {
    const p = planImportFromDraft(gold('000'));
    expect(p).toMatchObject({ layout: 'table', year: 2023, docNumber: '邵市政办函〔2023〕9号', issuedOn: '2023-03-15' });
    expect(p.indicators).toHaveLength(19);
    expect(p.tasks).toHaveLength(204);
    expect(p.tasks[0]).toMatchObject({ indicatorSeq: 1, subIndicatorCode: '1.1', leader: '晏丽君', deadline: '2023-06', units: { lead: ['市市场监管局'], open: false } });
  });

  it('reads a prose plan with sections, notes and open unit lists', () => {
    const p = planImportFromDraft(gold('002'));
    expect(p.layout).toBe('prose');
    expect(p.indicators.map((i) => i.kind)).toEqual(Array(7).fill('section'));
    expect(p.tasks[0]).toMatchObject({ seqCn: '（一）', indicatorSeq: 1, units: { lead: ['省发展改革委'], open: true } });
  });

  it('names the field of an invalid draft', () => {
    expect(() => planImportFromDraft({ plan: { title: 'x', year: 2023 }, tasks: [{ seq: 1, text: '' }] }))
      .toThrow(expect.objectContaining({ code: 'PLAN_DRAFT_INVALID', details: { path: 'tasks.0.text' } }));
    expect(() => planImportFromDraft({ plan: { title: 'x', year: 2023 }, tasks: [{ seq: 1, text: '' }] })).toThrow(/^第1项任务的“具体举措”不正确：/);
    expect(() => planImportFromDraft({ plan: { title: 'x', year: null }, tasks: [{ seq: 1, text: 'a' }] })).toThrow(/^方案信息“年度”不正确：/);
    expect(() => planImportFromDraft({ plan: { title: 'x', year: 2023 }, tasks: [{ seq: 1, text: 'a', deadline: '2023年6月' }] }))
      .toThrow(expect.objectContaining({ details: { path: 'tasks.0.deadline' } }));
  });
});

describe('deadlineDueOn', () => {
  it.each([
    ['2023-06', '2023-06-30'], ['2024-02', '2024-02-29'], ['2023-02', '2023-02-28'], ['2023', '2023-12-31'], [null, null], ['六月', null],
  ])('%s → %s', (input, expected) => expect(deadlineDueOn(input)).toBe(expected));
});

describe('guessUnitKind', () => {
  it.each([
    ['各县市区政府', 'collective'], ['市中级人民法院', 'court'], ['人民银行邵阳中心支行', 'bank'], ['国网邵阳供电公司', 'utility'],
    ['冷水滩区人民政府', 'government'], ['市市场监管局', 'department'],
  ])('%s is %s', (name, kind) => expect(guessUnitKind(name)).toBe(kind));
});
