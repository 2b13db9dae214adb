import { describe, expect, it } from 'vitest';
import { diffPlan, textSimilarity, type DiffTask, type StoredDiffTask } from './plan-diff.ts';

const TEXTS = [
  '全面推行企业开办全程网上办，企业开办时间压缩至1个工作日以内。',
  '推进电子营业执照在政务服务领域的广泛应用，实现“一照通办”。',
  '优化用电报装流程，低压小微企业用电报装实现“三零”服务。',
  '深化工程建设项目审批制度改革，审批时间压缩至40个工作日以内。',
  '推行不动产登记“交房即交证”，一般登记业务1个工作日内办结。',
];

function task(seq: number, text: string, extra: Partial<DiffTask> = {}): DiffTask {
  return {
    seq, indicatorSeq: 1, subIndicatorCode: null, subIndicator: null, text, leader: null, leadUnits: ['市市场监管局'], responsibleUnits: [],
    responsibleUnitsOpen: false, deadline: '2023-06', deadlineRaw: '2023年6月', annualTarget: null, basis: [], remarks: null, notes: [], ...extra,
  };
}

const stored: StoredDiffTask[] = TEXTS.map((t, i) => ({ ...task(i + 1, t), id: 100 + i }));

describe('diffPlan', () => {
  it('finds nothing when the revision is the same', () => {
    expect(diffPlan(stored.map(({ id: _id, ...t }) => t), stored)).toEqual({ added: [], changed: [], removed: [], unchanged: 5 });
  });

  it('reports changed fields with from and to', () => {
    const revised = stored.map(({ id: _id, ...t }) => (t.seq === 2 ? { ...t, deadline: '2023-09', deadlineRaw: '2023年9月' } : t));
    const diff = diffPlan(revised, stored);
    expect(diff.changed).toEqual([{
      seq: 2, taskId: 101, previousSeq: 2, text: TEXTS[1],
      fields: { deadline: { from: '2023-06', to: '2023-09' }, deadlineRaw: { from: '2023年6月', to: '2023年9月' } },
    }]);
    expect(diff.unchanged).toBe(4);
  });

  it('pairs by text when an inserted task shifts the numbering', () => {
    const revised = [task(1, TEXTS[0] ?? ''), task(2, '新增：推行“一业一证”改革，实现一证准营。'), ...TEXTS.slice(1).map((t, i) => task(i + 3, t))];
    const diff = diffPlan(revised, stored);
    expect(diff.added.map((a) => a.seq)).toEqual([2]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c) => [c.seq, c.taskId, Object.keys(c.fields)])).toEqual([[3, 101, ['seq']], [4, 102, ['seq']], [5, 103, ['seq']], [6, 104, ['seq']]]);
  });

  it('reports a dropped task as removed and its successors as renumbered', () => {
    const revised = [TEXTS[0], TEXTS[1], TEXTS[3], TEXTS[4]].map((t, i) => task(i + 1, t ?? ''));
    const diff = diffPlan(revised, stored);
    expect(diff.removed.map((r) => r.id)).toEqual([102]);
    expect(diff.added).toEqual([]);
    expect(diff.changed.map((c) => [c.seq, c.previousSeq])).toEqual([[3, 4], [4, 5]]);
  });

  it('keeps a task rewritten in place at its number as a change, not a removal', () => {
    const revised = stored.map(({ id: _id, ...t }) => (t.seq === 5 ? { ...t, text: '建立健全营商环境投诉举报和查处回应制度。' } : t));
    const diff = diffPlan(revised, stored);
    expect(diff.changed.map((c) => [c.taskId, Object.keys(c.fields)])).toEqual([[104, ['text']]]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('treats unit lists and indicator moves as field changes', () => {
    const revised = stored.map(({ id: _id, ...t }) => (t.seq === 1 ? { ...t, indicatorSeq: 2, responsibleUnits: ['市税务局'] } : t));
    const [change] = diffPlan(revised, stored).changed;
    expect(change?.fields).toEqual({ indicatorSeq: { from: 1, to: 2 }, responsibleUnits: { from: [], to: ['市税务局'] } });
  });
});

describe('textSimilarity', () => {
  it('ignores spacing and punctuation, and tells unrelated measures apart', () => {
    expect(textSimilarity('压缩至1个 工作日。', '压缩至1个工作日')).toBe(1);
    expect(textSimilarity(TEXTS[0] ?? '', TEXTS[0]?.replace('1个', '0.5个') ?? '')).toBeGreaterThan(0.8);
    for (let i = 1; i < TEXTS.length; i++) expect(textSimilarity(TEXTS[0] ?? '', TEXTS[i] ?? '')).toBeLessThan(0.5);
  });
});
