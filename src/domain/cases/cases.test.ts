import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../supervision/work-calendar.ts';
import { applyCasePressure, caseDueOn, caseLight, DEFAULT_CASE_RULES } from './case-light.ts';
import { mayClose, nextState } from './case-model.ts';
import { caseRates, repeatedCaseIds, type CaseFacts } from './case-rates.ts';
import { suggestLinks } from './link-suggestion.ts';

const calendar = new WorkCalendar();

describe('case loop', () => {
  it('walks 交办 → 签收 → 答复 → 退回 → 答复 → 审核 → 回访 (不满意 reopens) → 销号', () => {
    let s = nextState('registered', 'assign');
    s = nextState(s, 'sign');
    s = nextState(s, 'reply');
    s = nextState(s, 'return');
    expect(s).toBe('handling');
    s = nextState(nextState(s, 'reply'), 'accept');
    expect(nextState(s, 'visit', 'dissatisfied')).toBe('handling');
    s = nextState(s, 'visit', 'basic');
    expect(s).toBe('visited');
    expect(nextState(s, 'close')).toBe('closed');
  });
  it('refuses a step out of order, in Chinese', () => {
    expect(() => nextState('assigned', 'reply')).toThrow(/待签收.*不能整改\/答复/);
    expect(mayClose('accepted', true)).toBe(false);
    expect(mayClose('accepted', false)).toBe(true);
  });
});

describe('case deadlines and lights', () => {
  it('counts working days by kind: 12345 咨询 3, 投诉 13 (国庆 2023 skipped)', () => {
    // Friday 2023-09-22 + 3 working days: Mon 25, Tue 26, Wed 27.
    expect(caseDueOn('2023-09-22', 'consult', DEFAULT_CASE_RULES, calendar)).toBe('2023-09-27');
    // From 2023-09-27: 28 (Thu), [29 Sep–6 Oct holiday], 7 Oct and 8 Oct are make-up working days.
    let d = '2023-09-27';
    let left = 13;
    while (left > 0) {
      d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      if (calendar.isWorkday(d)) left--;
    }
    expect(caseDueOn('2023-09-27', 'complaint', DEFAULT_CASE_RULES, calendar)).toBe(d);
  });
  it('is yellow near the deadline, red after it, done once accepted', () => {
    const c = { dueOn: '2023-06-20', finishedOn: null, returns: 0 };
    expect(caseLight(c, '2023-06-12', calendar).light).toBe('green');
    expect(caseLight(c, '2023-06-16', calendar).light).toBe('yellow');
    expect(caseLight(c, '2023-06-21', calendar)).toMatchObject({ light: 'red' });
    expect(caseLight({ ...c, finishedOn: '2023-06-19' }, '2023-06-21', calendar)).toEqual({ light: 'done', reason: '已按期办结' });
  });
  it('lowers the linked task light by the plan rule', () => {
    expect(applyCasePressure('green', [], ['问题超期'], 'downgrade')).toEqual({ light: 'yellow', reasons: ['问题超期'] });
    expect(applyCasePressure('yellow', ['x'], ['问题超期'], 'downgrade').light).toBe('red');
    expect(applyCasePressure('green', [], ['问题超期'], 'red').light).toBe('red');
    expect(applyCasePressure('green', [], ['问题超期'], 'off').light).toBe('green');
    expect(applyCasePressure('done', [], ['问题超期'], 'red').light).toBe('done');
  });
});

describe('case rates', () => {
  const base: CaseFacts = { id: 0, dueOn: '2023-06-10', finishedOn: null, replied: false, returns: 0, satisfaction: null, enterpriseKey: null, category: '审批', foundOn: '2023-06-01' };
  it('computes 按期办结率, 满意率, 重复诉求, 退回率 from their definitions', () => {
    const cases: CaseFacts[] = [
      { ...base, id: 1, finishedOn: '2023-06-09', replied: true, satisfaction: 'satisfied', enterpriseKey: 'A' },
      { ...base, id: 2, finishedOn: '2023-06-12', replied: true, returns: 1, satisfaction: 'dissatisfied', enterpriseKey: 'A', foundOn: '2023-06-02' },
      { ...base, id: 3, replied: true, returns: 2 },
      { ...base, id: 4 },
    ];
    const repeated = repeatedCaseIds(cases);
    expect([...repeated]).toEqual([2]);
    const r = caseRates(cases, '2023-06-15', repeated);
    expect(r).toMatchObject({ total: 4, finished: 2, onTime: 1, overdue: 2, visited: 2, satisfied: 1, repeated: 1, replied: 3, returned: 2 });
    expect(r.onTimeRate).toBe(50);
    expect(r.satisfactionRate).toBe(50);
    expect(r.returnRate).toBe(66.7);
    expect(caseRates([], '2023-06-15', repeated).onTimeRate).toBeNull();
  });
});

describe('link suggestion', () => {
  it('ranks the task sharing the problem’s words and led by its unit, and says why', () => {
    const tasks = [
      { id: 10, seq: 1, text: '压缩企业开办时间至1个工作日以内，推行企业开办一网通办', indicatorId: 1, indicatorName: '开办企业', leadUnitIds: [5], unitIds: [5, 6] },
      { id: 11, seq: 2, text: '推进不动产登记一窗受理、并行办理', indicatorId: 2, indicatorName: '登记财产', leadUnitIds: [7], unitIds: [7] },
    ];
    const s = suggestLinks('企业反映开办营业执照需跑三次，一网通办系统无法提交', 5, tasks);
    expect(s[0]?.taskId).toBe(10);
    expect(s[0]?.explanation).toContain('一网通办');
    expect(s[0]?.explanation).toContain('牵头单位');
    expect(s.some((x) => x.taskId === 11)).toBe(false);
  });
});
