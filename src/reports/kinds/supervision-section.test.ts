import { describe, expect, it } from 'vitest';
import type { SupervisionRecord } from '../report-data.ts';
import { change, supervisionSection } from './supervision-section.ts';

const zero = { late: 0, returned: 0, notReported: 0, orders: 0 };
const record: SupervisionRecord = {
  previousLabel: '上月',
  units: [
    { name: '市财政局', late: 2, returned: 0, notReported: 1, orders: 1, previous: { ...zero, late: 3 } },
    { name: '市税务局', late: 4, returned: 1, notReported: 0, orders: 0, previous: { ...zero, late: 4, returned: 3 } },
    { name: '市商务局', late: 0, returned: 0, notReported: 0, orders: 0, previous: { ...zero, notReported: 2 } },
  ],
  orders: [
    { number: '邵优化督〔2023〕3号', unit: '市财政局', taskSeq: 109, issuedOn: '2023-06-05', replyBy: '2023-06-12', repliedOn: '2023-06-10', reply: '已完成公告系统改造。' },
    { number: '邵优化督〔2023〕4号', unit: '市税务局', taskSeq: 12, issuedOn: '2023-06-20', replyBy: '2023-06-27', repliedOn: null, reply: null },
  ],
};

const text = (r: SupervisionRecord): string[] => supervisionSection(r).map((b) => (b.kind === 'paragraph' ? b.runs.map((x) => x.text).join('') : ''));

describe('报送和督办情况', () => {
  it('ranks units per list, most first, with the change since the period before and totals', () => {
    const [lists] = text(record);
    expect(lists).toContain('逾期报送进展的有市税务局（4项，与上月持平）、市财政局（2项，较上月减少1项），共6项，较上月减少1项');
    // 市商务局 had 2 missing last month and none now: the total falls by one.
    expect(lists).toContain('有任务未报送进展的有市财政局（1项，较上月增加1项），共1项，较上月减少1项');
    expect(lists).toContain('报告被退回的有市税务局（1次，较上月减少2次）');
    expect(lists).toContain('收到督办单的有市财政局（1份，较上月增加1份）');
    expect(lists).not.toContain('市商务局（');
  });

  it('names every 督办单 with its reply or its deadline', () => {
    const [, orders] = text(record);
    expect(orders).toContain('本期共下发督办单2份，已回复1份。');
    expect(orders).toContain('邵优化督〔2023〕3号（2023年6月5日）督办市财政局第109项任务，市财政局已于2023年6月10日回复：“已完成公告系统改造”');
    expect(orders).toContain('邵优化督〔2023〕4号（2023年6月20日）督办市税务局第12项任务，尚未回复（回复期限2023年6月27日）');
  });

  it('says so plainly when nothing happened', () => {
    expect(text({ previousLabel: '上季度', units: [], orders: [] })).toEqual(['本期各单位均按时报送进展，无报告被退回，未下发督办单。']);
    expect(change(3, 3, '上季度', '项')).toBe('与上季度持平');
  });
});
